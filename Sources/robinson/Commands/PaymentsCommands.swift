import ArgumentParser
import Billing
import Formats
import Foundation
import Store

struct PaymentsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List booked payments: every row of the receivables ledger, or the unmatched credits.",
        discussion: """
        Each line: payment id, day, kind (transfer, manual, debit, returned, reversal, assignment, refund), \
        amount, invoice, customer, and the remittance or reason. --unmatched lists the credits that named no \
        invoice and what of each is still unassigned; `robinson payments assign ID INVOICE` books one on an invoice.
        """
    )
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Only credits matched to no invoice that still have an amount left.") var unmatched = false
    @Option(help: "Only this customer's payments.") var customer: String?
    @Option(help: "Only the payments of this invoice.") var invoice: String?

    func run() async throws {
        try await reporting {
            let context = try await CommandContext(global).billing()
            if unmatched {
                let credits = try context.database.read { db in try Unmatched.open(in: db) }
                if credits.isEmpty { print("no unmatched payments") }
                for credit in credits {
                    let row = credit.payment
                    print([String(row.id ?? 0).padded(6), row.bookedOn, credit.left.germanFormatted.leftPadded(14),
                           "of \(Money(cents: row.amountCents).germanFormatted)", TerminalText.escaped(row.remittance ?? "")].joined(separator: "  "))
                }
                return
            }
            for row in try context.database.payments(customer: customer, invoice: invoice) {
                let text = row.note.map { TerminalText.escaped($0) } ?? TerminalText.escaped(row.remittance ?? "")
                print([String(row.id ?? 0).padded(6), row.bookedOn, row.kind.rawValue.padded(10),
                       Money(cents: row.amountCents).germanFormatted.leftPadded(14), (row.invoiceNumber ?? "-").padded(11),
                       (row.customerId ?? "-").padded(10), text].joined(separator: "  "))
            }
        }
    }
}

struct PaymentsAssignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Book an unmatched credit on an invoice.",
        discussion: """
        What is left of the credit is booked on the invoice today; more than the invoice owes stays as the \
        customer's credit. In DATEV the amount moves from unassigned payments (datev.accounts.unassignedPayments) \
        to the customer's debtor account.
        """
    )
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The payment id (`robinson payments list --unmatched`).") var payment: Int64
    @Argument(help: "The invoice number.") var invoice: String

    func run() async throws {
        try await reporting {
            let context = try await CommandContext(global).billing()
            let result = try PaymentCorrection(context: context).assign(paymentId: payment, to: invoice)
            print("payment \(payment): \(Money(cents: result.row.amountCents).germanFormatted) booked on \(invoice) (payment \(result.row.id ?? 0)); "
                  + PaymentWords.outcome(open: Money(cents: result.invoice.openCents)))
            for customer in result.released { print("suspension of \(customer) lifted; held inbox files are processed by the next run") }
        }
    }
}

struct PaymentsReverseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reverse",
        abstract: "Undo a wrong booking with an audited reversal.",
        discussion: """
        Books the opposite amount today with the reason; the booking itself stays in the ledger. The DATEV \
        export of this month repeats its line marked as reversal (Generalumkehr). Transfers, manual bookings, \
        assignments and refunds can be reversed, each once; a returned debit is booked with `robinson returns import`.
        """
    )
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The payment id (`robinson payments list`).") var payment: Int64
    @Option(help: "Why; goes into the audit log.") var reason: String

    func run() async throws {
        try await reporting {
            let context = try await CommandContext(global).billing()
            let row = try PaymentCorrection(context: context).reverse(paymentId: payment, reason: reason)
            var line = "payment \(payment) reversed by payment \(row.id ?? 0) (\(Money(cents: row.amountCents).germanFormatted))"
            if let number = row.invoiceNumber, let invoice = try context.database.invoice(number) {
                line += "; \(number) is \(invoice.paymentState.label), " + PaymentWords.outcome(open: Money(cents: invoice.openCents))
            }
            print(line)
        }
    }
}

struct PaymentsRefundCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refund",
        abstract: "Book the refund of a customer's credit (after you transferred it).",
        discussion: """
        A customer's credit is what overpaid or cancelled-but-paid invoices hold beyond what they owe \
        (negative open items). Without --amount the whole credit is refunded.
        """
    )
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The customer id.") var customer: String
    @Option(help: ArgumentHelp("The amount (default: the whole credit).", valueName: "EUR")) var amount: Money?
    @Option(help: "Why; goes into the audit log.") var reason: String

    func run() async throws {
        try await reporting {
            let context = try await CommandContext(global).billing()
            let rows = try PaymentCorrection(context: context).refund(customer: customer, amount: amount, reason: reason)
            let total = Money(cents: -rows.map(\.amountCents).reduce(0, +))
            print("\(customer): \(total.germanFormatted) refunded; credit left \(try PaymentCorrection(context: context).credit(of: customer).germanFormatted)")
        }
    }
}

extension String {
    /// Right-aligned in a column of `width` characters.
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
