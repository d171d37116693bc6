import ArgumentParser
import Formats
import Foundation
import Mail
import Pipeline
import Store

struct MailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail",
        abstract: "Customer e-mails: list them, settle one whose hand-over was interrupted.",
        discussion: """
        Every e-mail to a customer (a job's "file is ready", invoices, dunning letters) is \
        written to mail/outgoing/ and handed to notify.sendmail once. A message whose \
        hand-over a crash interrupted is `unknown`: it may or may not have left, so it is \
        never sent again on its own, and `robinson run` reports it until you look in the \
        mail log and either acknowledge it (it left) or resend it (it did not).
        """,
        subcommands: [MailListCommand.self, MailResendCommand.self, MailAcknowledgeCommand.self]
    )
}

struct MailListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List e-mails, newest first: key, state, attempts, when queued and sent, to whom, subject, last error."
    )
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Only e-mails in this state (queued, sending, sent, unknown, acknowledged).", valueName: "state"))
    var state: [OutgoingMail.State] = []
    @Option(help: "Only e-mails about this job id or invoice number.") var reference: String?
    @Option(help: "How many to show.") var limit = 50
    @OptionGroup var output: FormatOption

    func run() async throws {
        try await reporting {
            let runtime = try await CommandContext(global).runtime()
            let mails = try runtime.mailQueue.list(states: state.isEmpty ? nil : state, reference: reference, limit: limit)
            var table = Listing.Table("mails", columns: [
                "key", "kind", "reference", "state", "attempts", "queuedAt", "sentAt", "recipients", "subject", "file", "lastError",
                "settledAt", "settledBy",
            ], tableColumns: ["key", "state", "attempts", "queuedAt", "sentAt", "recipients", "subject", "lastError"])
            for mail in mails {
                table.append([
                    .text(mail.key), .text(mail.kind.rawValue), .text(mail.reference), .text(mail.state.rawValue), .integer(mail.attempts),
                    .time(mail.queuedAt), Cell(mail.sentAt), .text(mail.recipients), .text(mail.subject),
                    .text(runtime.root.relative(mail.messagePath)), Cell(mail.lastError), Cell(mail.settledAt), Cell(mail.settledBy),
                ])
            }
            Listing("mail", .table(table)).print(output.format)
        }
    }
}

struct MailResendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resend",
        abstract: "Send an `unknown` (or acknowledged) e-mail again, now.",
        discussion: "Only when the mail log shows it did not leave. A sent e-mail is never sent twice."
    )
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The e-mail's key (`robinson mail list`), or a job id.") var key: String

    func run() async throws {
        try await reporting {
            let queue = try await CommandContext(global).runtime().mailQueue
            let mail = try queue.resend(key)
            guard queue.sendmail.isConfigured else {
                print("\(mail.key) queued again; no sendmail is configured (notify.sendmail): the message is \(mail.messagePath)")
                return
            }
            let problems = queue.deliverPending { $0.key == mail.key }
            for problem in problems { printError(problem.message) }
            if !problems.isEmpty { throw ExitStatus.unavailable.exitCode }
            print("\(mail.key) sent to \(TerminalText.escaped(mail.recipients))")
        }
    }
}

struct MailAcknowledgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "acknowledge",
        abstract: "Settle an `unknown` e-mail without sending it (the mail log shows it left).",
        discussion: "`robinson run` stops reporting it; the audit log records who settled it."
    )
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The e-mail's key (`robinson mail list`), or a job id.") var key: String

    func run() async throws {
        try await reporting {
            let mail = try await CommandContext(global).runtime().mailQueue.acknowledge(key)
            print("\(mail.key) acknowledged; it is not sent again")
        }
    }
}

extension OutgoingMail.State: ExpressibleByArgument {}
