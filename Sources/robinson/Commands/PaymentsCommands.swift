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
        Each row: payment id, day, kind (transfer, manual, debit, returned, reversal, assignment, refund), \
        amount, invoice, customer, and the remittance or reason. --unmatched lists the credits that named no \
        invoice and what of each is still unassigned; `robinson payments assign ID INVOICE` books one on an invoice.
        """
    )
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Only credits matched to no invoice that still have an amount left.") var unmatched = false
    @Option(help: "Only this customer's payments.") var customer: String?
    @Option(help: "Only the payments of this invoice.") var invoice: String?
    @OptionGroup var output: FormatOption

    func run() async throws {
        try await reporting {
            let context = try await CommandContext(global).billing()
            if unmatched {
                var table = Listing.Table("payments", columns: ["id", "bookedOn", "amount", "left", "remittance", "source"],
                                          tableColumns: ["id", "bookedOn", "amount", "left", "remittance"])
                for credit in try context.database.read({ db in try Unmatched.open(in: db) }) {
                    let row = credit.payment
                    table.append([.integer(Int(row.id ?? 0)), .date(row.bookedOn), .cents(row.amountCents), .cents(credit.left.cents),
                                  Cell(row.remittance), .text(row.source)])
                }
                Listing("unmatchedPayments", .table(table)).print(output.format)
                return
            }
            var table = Listing.Table("payments", columns: [
                "id", "bookedOn", "kind", "amount", "invoice", "customer", "relatesTo", "remittance", "note", "source",
            ], tableColumns: ["id", "bookedOn", "kind", "amount", "invoice", "customer", "relatesTo", "note"])
            for row in try context.database.payments(customer: customer, invoice: invoice) {
                table.append([
                    .integer(Int(row.id ?? 0)), .date(row.bookedOn), .text(row.kind.rawValue), .cents(row.amountCents), Cell(row.invoiceNumber),
                    Cell(row.customerId), Cell(row.relatesTo.map { Int($0) }), Cell(row.remittance), Cell(row.note), .text(row.source),
                ])
            }
            Listing("payments", .table(table)).print(output.format)
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
