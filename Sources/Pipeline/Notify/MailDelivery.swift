import Foundation
import GRDB
import Store

/// Hands queued e-mails to the configured sendmail command. A message is
/// marked `sending` before the hand-over and `sent` after it, so a crash in
/// between leaves it `sending`: reported, never sent twice.
public struct MailDelivery: Sendable {
    let runtime: Runtime

    public init(runtime: Runtime) { self.runtime = runtime }

    /// Tries every queued message; returns the lines ops should read.
    @discardableResult
    public func deliverPending() -> [String] {
        let pending = (try? runtime.database.read { db in
            try JobNotification.filter(JobNotification.Columns.state == JobNotification.State.queued).fetchAll(db)
        }) ?? []
        return pending.compactMap { deliver($0) }
    }

    /// Returns a problem line, or nil when the message went out (or waits quietly for a sendmail).
    private func deliver(_ note: JobNotification) -> String? {
        let command = runtime.settings.sendmail.split(separator: " ").map(String.init)
        guard !command.isEmpty else { return nil } // no sendmail: the .eml in mail/outgoing/ is the delivery
        guard note.recipient?.isEmpty == false else {
            return "job \(note.jobId): customer has no notification address; the message is in \(note.messagePath)"
        }
        guard let message = FileManager.default.contents(atPath: note.messagePath) else {
            return "job \(note.jobId): message \(note.messagePath) is missing"
        }
        let now = runtime.now
        do {
            try runtime.database.write { db in
                try JobNotification.filter(key: note.jobId).updateAll(db, JobNotification.Columns.state.set(to: JobNotification.State.sending),
                                                                   JobNotification.Columns.attempts.set(to: note.attempts + 1))
            }
        } catch {
            return "job \(note.jobId): cannot record delivery attempt: \(error)"
        }
        let result = Self.run(command, input: message)
        do {
            try runtime.database.write { db in
                if let failure = result {
                    try JobNotification.filter(key: note.jobId).updateAll(db, JobNotification.Columns.state.set(to: JobNotification.State.queued),
                                                                       JobNotification.Columns.lastError.set(to: failure))
                } else {
                    try JobNotification.filter(key: note.jobId).updateAll(db, JobNotification.Columns.state.set(to: JobNotification.State.sent),
                                                                       JobNotification.Columns.sentAt.set(to: now))
                    try db.audit("notify", subject: note.recipient ?? "", detail: "job \(note.jobId): ready e-mail sent", actor: runtime.actor, at: now)
                }
            }
        } catch {
            return "job \(note.jobId): delivery result not recorded: \(error)"
        }
        if let failure = result {
            return "job \(note.jobId): e-mail not sent (\(failure)); it stays in mail/outgoing/ and is retried next run"
        }
        let paths = MailPaths(root: runtime.root, jobId: note.jobId)
        try? runtime.root.makeFolder(runtime.root.sentMail)
        if rename(note.messagePath, paths.sent) == 0 {
            _ = try? runtime.database.write { db in
                try JobNotification.filter(key: note.jobId).updateAll(db, JobNotification.Columns.messagePath.set(to: paths.sent))
            }
        }
        return nil
    }

    /// Runs the command with the message on stdin; nil on success, else why not.
    static func run(_ command: [String], input: Data) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        let stdin = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr
        do {
            try process.run()
        } catch {
            return "cannot start \(command[0]): \(error.localizedDescription)"
        }
        // The command may exit without reading (EPIPE): its exit status tells what happened.
        try? stdin.fileHandleForWriting.write(contentsOf: input)
        try? stdin.fileHandleForWriting.close()
        let errorText = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            return "\(command[0]) exited with \(process.terminationStatus)\(errorText.isEmpty ? "" : ": " + errorText.trimmingCharacters(in: .whitespacesAndNewlines))"
        }
        return nil
    }
}
