import ArgumentParser
import Billing
import Foundation
import Store

struct ReturnsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "returns",
        abstract: "Book returned and rejected direct debits from the bank's files.",
        subcommands: [ReturnsImportCommand.self]
    )
}

struct ReturnsImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import returned debits: camt.054/camt.053 (.001.02 or .001.08), pain.002, or CSV end_to_end_id;amount;reason;date.",
        discussion: """
        Each return reopens its invoice, charges the return fee when the customer caused it, marks the \
        mandate unusable for AC04/MD01/MD07, and presents the invoice once more (AM04, MS03) or leaves \
        it to dunning. Importing the same file again changes nothing. An EndToEndId that is not an \
        outstanding debit of ours is listed on stderr (exit 1), never guessed. camt files are validated \
        against the ISO schemas in billing.bankSchemas when it is set.
        """
    )
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The bank's file.") var file: String

    func run() async throws {
        try await scheduled("returns-import", global) { command in
            let context = try command.billing()
            let notices = try BankFileNotices.read(path: file, schemaFolder: context.settings.bankSchemas)
            let report = try ReturnBooking(context: context).book(notices.returns)
            print("\(notices.format): \(report.booked.count) returns booked, \(report.alreadyBooked) booked before, \(report.unknown.count) unknown")
            for booked in report.booked {
                let fee = booked.fee.map { ", fee \($0.germanFormatted)" } ?? ""
                let next = booked.presentedAgain ? "presented again with the next collect" : "left to dunning"
                print("  \(booked.invoice): \(booked.reason)\(fee)\(booked.mandateUnusable ? ", mandate unusable" : ""); \(next)")
                if let differing = booked.differingAmount {
                    printError("\(booked.invoice): the bank returned \(differing.germanFormatted), which is not the amount debited; check the statement")
                }
            }
            for skipped in notices.skipped { print("  skipped \(skipped)") }
            for unknown in report.unknown { printError("not booked: \(unknown)") }
            if !report.unknown.isEmpty { throw ExitCode.failure }
        }
    }
}

struct PaymentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payments",
        abstract: "Book, list and correct money received.",
        subcommands: [PaymentsImportCommand.self, PaymentsListCommand.self, PaymentsAssignCommand.self, PaymentsReverseCommand.self,
                      PaymentsRefundCommand.self]
    )
}

struct PaymentsImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a camt.053 statement: credit transfers are matched by the invoice number in the remittance text.",
        discussion: """
        A partial payment leaves the rest open; credits naming no invoice are kept unmatched and listed \
        for the accountant (exit 1). Each bank entry is booked once, so importing a statement again \
        changes nothing. Returned debits in the statement are booked with `returns import`.
        """
    )
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The camt.053 statement.") var file: String

    func run() async throws {
        try await scheduled("payments-import", global) { command in
            let context = try command.billing()
            let notices = try BankFileNotices.read(path: file, schemaFolder: context.settings.bankSchemas)
            let report = try PaymentBooking(context: context).book(notices.payments)
            print("\(notices.format): \(report.matched.count) payments booked, \(report.alreadyBooked) booked before, \(report.unmatched.count) unmatched")
            for match in report.matched {
                print("  \(match.invoice): \(match.amount.germanFormatted), \(PaymentWords.outcome(open: match.open))")
            }
            for customer in report.released { print("  suspension of \(customer) lifted; held inbox files are processed by the next run") }
            if !notices.returns.isEmpty { print("  \(notices.returns.count) returned debits in this file: book them with `robinson returns import`") }
            for payment in report.unmatched {
                printError("unmatched: \(payment.amount.germanFormatted) on \(payment.date.germanString) from \(payment.payer ?? "?"): \"\(payment.remittance)\"")
            }
            for earlier in report.stillUnmatched {
                printError("still unmatched (booked before as payment \(earlier.id ?? 0)): \(Money(cents: earlier.amountCents).germanFormatted) on \(earlier.bookedOn)")
            }
            if !report.unmatched.isEmpty || !report.stillUnmatched.isEmpty {
                printError("`robinson payments list --unmatched` lists them; `robinson payments assign PAYMENT INVOICE` books one on an invoice")
                throw ExitCode.failure
            }
        }
    }
}

/// How a booking left the invoice, in the words of the payment commands.
enum PaymentWords {
    static func outcome(open: Money) -> String {
        if open.cents > 0 { return "rest still open (\(open.germanFormatted))" }
        if open.cents == 0 { return "paid in full" }
        return "paid in full; \(Money(cents: -open.cents).germanFormatted) more is the customer's credit"
    }
}
