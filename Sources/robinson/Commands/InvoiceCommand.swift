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
        Each invoice with issue date, kind, customer, service month, gross, open amount and payment state \
        (issued, collectionSubmitted, collected, partiallyPaid, paid, overpaid, cancelled, creditNote; \
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
    @OptionGroup var output: FormatOption

    func run() async throws {
        try await reporting {
            let context = try await CommandContext(global).billing()
            let query = InvoiceQuery(period: period ?? legacyPeriod, issued: issued, customer: customer, open: open, overdue: overdue)
            var table = Listing.Table("invoices", columns: [
                "number", "issueDate", "kind", "customer", "period", "dueDate", "gross", "paid", "open", "state", "cancelledBy", "cancels",
            ], tableColumns: ["number", "issueDate", "kind", "customer", "period", "gross", "open", "state", "cancelledBy", "cancels"])
            for record in try query.run(context) {
                let isInvoice = record.kind == .invoice
                table.append([
                    .text(record.number), .date(record.issueDate), .text(record.kind.rawValue), .text(record.customerId), .text(record.serviceMonth),
                    .date(record.dueDate), .cents(record.grossCents), isInvoice ? .cents(record.paidCents) : .none,
                    isInvoice ? .cents(record.openCents) : .none, .text(record.paymentState.rawValue), Cell(record.cancelledBy), Cell(record.cancels),
                ])
            }
            Listing("invoices", .table(table)).print(output.format)
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
    @OptionGroup var mail: NoMailOption

    func run() async throws {
        try await reporting {
            let context = mail.apply(try await CommandContext(global).billing())
            let (note, delivery) = try InvoiceCancellation(context: context).cancelDelivering(number: number, reason: reason)
            print("\(number) cancelled by credit note \(note.number) (\(Money(cents: note.grossCents).germanFormatted)); documents in \(context.monthFolder(note.serviceMonth))/")
            DeliveryWords.print(delivery, documents: "credit notes", root: context.folder)
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
