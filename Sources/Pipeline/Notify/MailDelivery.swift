import Foundation
import GRDB
import Store

/// Hands queued e-mails to the configured sendmail command. A message is
/// marked `sending` before the hand-over and `sent` after it, so a crash in
/// between leaves it `sending`: reported, never sent twice.
public struct MailDelivery: Sendable {
    let runtime: Runtime

    public init(runtime: Runtime) { self.runtime = runtime }

    /// Keys of delivery problems among the run's conditions: `mail:<job>`.
    static let conditionPrefix = "mail:"

    /// Tries every queued message whose job's output is still there; returns
    /// the problems as conditions (reported once, then daily, while they last).
    /// A message whose file has expired is never sent: it would announce a
    /// download that no longer exists.
    @discardableResult
    public func deliverPending() -> [Condition] {
        let now = runtime.now
        let pending: [JobNotification] = (try? runtime.database.read { db in
            let current = try Job.filter(Job.Columns.state == Job.State.done && Job.Columns.expiresAt > now)
                .select(Job.Columns.id, as: String.self).fetchSet(db)
            return try JobNotification.filter(JobNotification.Columns.state == JobNotification.State.queued).fetchAll(db)
                .filter { current.contains($0.jobId) }
        }) ?? []
        return pending.compactMap { note -> Condition? in
            deliver(note).map { Condition(key: Self.conditionPrefix + note.jobId, message: $0) }
        }
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
