import ArgumentParser
import Foundation
import Formats

/// Writes one line on stderr: `robinson: ` and the message on one line, with
/// control characters escaped (a file name cannot forge a second line).
/// A stderr that cannot be written (closed, full) is ignored, never a crash.
func printError(_ message: String) {
    StandardError.write("robinson: " + ErrorLine.oneLine(message) + "\n")
}

enum ErrorLine {
    /// The message on one line: surrounding white space trimmed, every control
    /// character inside (a newline in a file name too) escaped.
    static func oneLine(_ message: String) -> String {
        TerminalText.escaped(message.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

/// Runs a command body: an error becomes one `robinson:` line on stderr and
/// the exit status of its kind (``ExitStatus``). A body that already printed
/// its lines ends with `throw ExitStatus.….exitCode`.
func reporting(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        printError("\(error)")
        throw ExitStatus(for: error).exitCode
    }
}

extension Robinson {
    /// Parses and runs one command line; every way it can end is an exit status
    /// of ``ExitStatus`` with at most one `robinson:` line on stderr.
    static func run(arguments: [String]) async -> Never {
        do {
            try CommandPath.checkHelpRequest(arguments)
            var command = try parseAsRoot(arguments)
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
            Foundation.exit(ExitStatus.ok.rawValue)
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            // Help and --version are "errors" that end with success: ArgumentParser prints them.
            if exitCode(for: error) == .success { self.exit(withError: error) }
            if exitCode(for: error) == .validationFailure || error is ValidationError {
                printError(message(for: error) + "; " + CommandPath.helpHint(arguments))
                Foundation.exit(ExitStatus.usage.rawValue)
            }
            printError("\(error)")
            Foundation.exit(ExitStatus(for: error).rawValue)
        }
    }
}

/// The subcommands named at the start of a command line.
enum CommandPath {
    /// `run --bogus` → ["run"]; stops at the first word that is not a subcommand.
    static func names(in arguments: [String]) -> [String] {
        var command: any ParsableCommand.Type = Robinson.self
        var path: [String] = []
        for word in arguments where !word.hasPrefix("-") {
            guard let next = command.configuration.subcommands.first(where: { $0._commandName == word }) else { break }
            path.append(word)
            command = next
        }
        return path
    }

    static func helpHint(_ arguments: [String]) -> String {
        let path = names(in: arguments)
        return path.isEmpty ? "`robinson --help` lists the commands" : "see `robinson help \(path.joined(separator: " "))`"
    }

    /// `robinson help nonexistent` is a usage error, not the root help with exit 0.
    static func checkHelpRequest(_ arguments: [String]) throws {
        guard arguments.first == "help" else { return }
        let asked = arguments.dropFirst().filter { !$0.hasPrefix("-") }
        let known = names(in: Array(asked))
        if known.count < asked.count {
            let unknown = asked[asked.startIndex + known.count]
            let parent = known.isEmpty ? "robinson" : "robinson " + known.joined(separator: " ")
            throw ValidationError("`\(parent)` has no command '\(unknown)'")
        }
    }
}
