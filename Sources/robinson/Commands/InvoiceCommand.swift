import ArgumentParser
import Billing
import Foundation
import Store

struct InvoiceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invoice",
        abstract: "List issued invoices; cancel one with a credit note; check them with the official e-invoice rules.",
        subcommands: [InvoiceListCommand.self, InvoiceCancelCommand.self, InvoicePaidCommand.self, InvoiceValidateCommand.self]
    )
}

struct InvoiceListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List invoices and credit notes with where their money stands.",
        discussion: """
        Each line: number, issue date, kind, customer, service month, gross, open amount, payment state \
        (issued, collection submitted, collected, partially paid, paid, overpaid, cancelled, credit note; \
        docs/billing.md "Payment states"). --period is the service month, --issued the month the \
        document was issued (what `export datev --issued` books), in every command.
        """
    )
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Only this service month.", valueName: "YYYY-MM")) var period: YearMonth?
    @Option(name: .customLong("month"), help: .hidden) var legacyPeriod: YearMonth?
    @Option(help: ArgumentHelp("Only documents issued in this month.", valueName: "YYYY-MM")) var issued: YearMonth?
    @Option(help: "Only this customer.") var customer: String?
    @Flag(help: "Only invoices with money still to come (open amount above zero).") var open = false
    @Flag(help: "Only invoices past their due date with money owed and no debit under way.") var overdue = false

    func run() async throws {
        try await reporting {
            let context = try await CommandContext(global).billing()
            let query = InvoiceQuery(period: period ?? legacyPeriod, issued: issued, customer: customer, open: open, overdue: overdue)
            for record in try query.run(context) {
                let kind = record.kind == .invoice ? "invoice" : "credit"
                let gross = Money(cents: record.grossCents).germanFormatted
                let openText = record.kind == .invoice ? Money(cents: record.openCents).germanFormatted : ""
                let note = record.cancelledBy.map { " cancelled by \($0)" } ?? record.cancels.map { " reverses \($0)" } ?? ""
                print([record.number, record.issueDate, kind.padded(7), record.customerId.padded(10), record.serviceMonth,
                       gross.leftPadded(14), openText.leftPadded(14), record.paymentState.label + note].joined(separator: "  "))
            }
        }
    }
}

struct InvoiceCancelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel",
        abstract: "Cancel an invoice by issuing a credit note that reverses it.",
        discussion: """
        An issued invoice never changes. The credit note (Rechnungskorrektur) gets the next \
        number of the current year, repeats the invoice's lines, names the invoice and the \
        reason, and is written as PDF and XRechnung XML beside the invoice. Afterwards \
        `robinson bill --period` for the same month issues a corrected invoice.
        """
    )
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The invoice number, e.g. 2026-000042.") var number: String
    @Option(help: "Why it is cancelled; printed on the credit note.") var reason: String

    func run() async throws {
        try await reporting {
            let context = try await CommandContext(global).billing()
            let note = try InvoiceCancellation(context: context).cancel(number: number, reason: reason)
            print("\(number) cancelled by credit note \(note.number) (\(Money(cents: note.grossCents).germanFormatted)); documents in \(context.monthFolder(note.serviceMonth))/")
        }
    }
}

struct InvoicePaidCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paid",
        abstract: "Book a payment by hand (cash, a transfer the statement import could not match).",
        discussion: """
        A partial payment leaves the rest open; more than is owed leaves the surplus as the customer's credit \
        (a negative open item). The same booking twice (invoice, amount, date, reference) is refused unless \
        --again; a date after today is refused. A wrong booking is undone with `robinson payments reverse`. \
        Paying everything overdue lifts a suspension for arrears.
        """
    )
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The invoice number.") var number: String
    @Option(help: ArgumentHelp("The day the money arrived.", valueName: "YYYY-MM-DD")) var date: CalendarDate
    @Option(help: ArgumentHelp("The amount, e.g. 119,06 or 119.06.", valueName: "EUR")) var amount: Money
    @Option(help: "A reference for the booking (receipt, bank reference); part of what makes a booking a repeat.") var reference: String?
    @Flag(help: "Book it although the same booking (invoice, amount, date, reference) exists: the customer really paid twice.")
    var again = false

    func run() async throws {
        try await reporting {
            let context = try await CommandContext(global).billing()
            let report: PaymentBooking.Report
            do {
                report = try PaymentBooking(context: context).bookManually(invoice: number, amount: amount, on: date, reference: reference, again: again)
            } catch let error as PaymentError {
                if case .duplicate = error { throw CommandFailure("\(error); if the customer really paid twice, add --again") }
                throw error
            }
            let open = Money(cents: try context.database.invoice(number)!.openCents)
            print("\(number): \(amount.germanFormatted) booked; \(PaymentWords.outcome(open: open))")
            for customer in report.released { print("suspension of \(customer) lifted; held inbox files are processed by the next run") }
        }
    }
}
