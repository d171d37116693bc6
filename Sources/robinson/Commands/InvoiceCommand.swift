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
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List invoices and credit notes.")
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Only this service month.", valueName: "YYYY-MM")) var month: String?
    @Option(help: "Only this customer.") var customer: String?

    func run() async throws {
        try await reporting {
            let context = try await CommandContext(global).billing()
            let records = try context.database.invoices(serviceMonth: month, customer: customer)
            for record in records {
                let kind = record.kind == .invoice ? "invoice" : "credit"
                let gross = Money(cents: record.grossCents).germanFormatted
                let note = record.cancelledBy.map { " cancelled by \($0)" } ?? record.cancels.map { " reverses \($0)" } ?? ""
                print("\(record.number)  \(record.issueDate)  \(kind.padding(toLength: 7, withPad: " ", startingAt: 0)) \(record.customerId.padding(toLength: 10, withPad: " ", startingAt: 0)) \(record.serviceMonth)  \(String(repeating: " ", count: max(0, 14 - gross.count)))\(gross)  \(record.status.rawValue)\(note)")
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
        `robinson bill --month` for the same month issues a corrected invoice.
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
        discussion: "A partial payment leaves the rest open. Paying everything overdue lifts a suspension for arrears."
    )
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The invoice number.") var number: String
    @Option(help: ArgumentHelp("The day the money arrived.", valueName: "YYYY-MM-DD")) var date: CalendarDate
    @Option(help: ArgumentHelp("The amount, e.g. 119,06 or 119.06.", valueName: "EUR")) var amount: Money

    func run() async throws {
        try await reporting {
            let context = try await CommandContext(global).billing()
            let report = try PaymentBooking(context: context).bookManually(invoice: number, amount: amount, on: date)
            let open = try context.database.invoice(number)!.openCents
            print("\(number): \(amount.germanFormatted) booked; \(open > 0 ? "still open \(Money(cents: open).germanFormatted)" : "paid in full")")
            for customer in report.released { print("suspension of \(customer) lifted; held inbox files are processed by the next run") }
        }
    }
}
