import ArgumentParser
import Formats
import Foundation
import Matching
import Pipeline
import Store

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "List jobs: stage, hits, where the output is, when it expires."
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "Show only this customer's jobs.")
    var customer: String?
    @Option(help: "How many of the newest jobs to show.")
    var limit = 50

    func run() async throws {
        try await reporting {
            let runtime = try await CommandContext(global).runtime()
            let jobs = try JobListing(runtime: runtime).newest(limit: limit, customer: customer)
            let mails = try JobListing(runtime: runtime).mails(of: jobs)
            if let version = runtime.indexDirectory.currentVersion() {
                print("index: \(version)")
            } else {
                print("index: none built yet (robinson index build)")
            }
            print("job                     customer   state     stage   rows     ja       pruefen  expires           file / output")
            for job in jobs {
                let columns = [
                    job.id.padding(toLength: 23, withPad: " ", startingAt: 0),
                    job.customerId.padding(toLength: 10, withPad: " ", startingAt: 0),
                    job.state.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0),
                    (job.lastStage ?? "-").padding(toLength: 7, withPad: " ", startingAt: 0),
                    String(job.rows ?? 0).padding(toLength: 8, withPad: " ", startingAt: 0),
                    String(job.hits ?? 0).padding(toLength: 8, withPad: " ", startingAt: 0),
                    String(job.unchecked ?? 0).padding(toLength: 8, withPad: " ", startingAt: 0),
                    (job.expiresAt.map(BerlinCalendar.shortDateTime) ?? "-").padding(toLength: 17, withPad: " ", startingAt: 0),
                ]
                // Names and errors come from outside (the uploaded file's name): escaped.
                var tail = TerminalText.escaped(job.inputName)
                if let output = job.outputPath { tail += " → " + TerminalText.escaped(output) }
                if job.repeatOf != nil { tail += " (repeat of \(job.repeatOf!))" }
                if let mail = mails[job.id] { tail += " [e-mail \(mail.state.rawValue)]" }
                if let mail = mails[job.id], mail.state == .unknown {
                    tail += "\n    e-mail hand-over interrupted: check the mail log, then `robinson mail acknowledge \(job.id)` or `robinson mail resend \(job.id)`"
                }
                if let error = job.error, job.state != .done { tail += "\n    " + TerminalText.escaped(error) }
                print(columns.joined(separator: " ") + " " + tail)
            }
        }
    }
}

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Show the audit log: who claimed, wrote, sent or deleted what, and when."
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only entries whose subject or detail contains this text (a job id, a file name).")
    var filter: String?
    @Option(help: "How many of the newest entries to show.")
    var limit = 100

    func run() async throws {
        try await reporting {
            let runtime = try await CommandContext(global).runtime()
            for entry in try JobListing(runtime: runtime).audit(limit: limit, containing: filter) {
                print(TerminalText.escaped("\(BerlinCalendar.shortDateTime(entry.at))  \(entry.actor)  \(entry.action)  \(entry.subject)  \(entry.detail)"))
            }
        }
    }
}
