import Foundation

/// A sendmail-compatible command (`/usr/sbin/sendmail -t -i`): reads one
/// message on stdin, takes the recipients from its headers, exits 0 when it
/// accepted the message.
public struct Sendmail: Sendable, Equatable {
    public let command: [String]

    /// `command` split at spaces; an empty command sends nothing (the `.eml` files are the delivery).
    public init(_ command: String) {
        self.command = command.split(separator: " ").map(String.init)
    }

    public var isConfigured: Bool { !command.isEmpty }

    /// Hands `message` over; nil on success, else what went wrong.
    func send(_ message: Data) -> String? {
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
        // The command may exit without reading: that must be EPIPE for us, not a SIGPIPE that ends
        // the process (whoever embeds the queue); the command's exit status tells what happened.
        signal(SIGPIPE, SIG_IGN)
        try? stdin.fileHandleForWriting.write(contentsOf: message)
        try? stdin.fileHandleForWriting.close()
        let errorText = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let how = process.terminationReason == .exit ? "exited with \(process.terminationStatus)" : "was killed by signal \(process.terminationStatus)"
            let detail = errorText.trimmingCharacters(in: .whitespacesAndNewlines)
            return "\(command[0]) \(how)\(detail.isEmpty ? "" : ": " + detail)"
        }
        return nil
    }
}
