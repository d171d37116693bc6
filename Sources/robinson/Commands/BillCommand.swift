import ArgumentParser
import Billing
import Foundation
import Store

struct BillCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bill",
        abstract: "Issue the invoices of a service month (PDF + XRechnung XML).",
        discussion: """
        One invoice per customer with anything to bill for the month: the plan's fee \
        (monthly, or annual in the month a contract year begins) and the records checked \
        that month. Numbers are YYYY-NNNNNN, gapless per year. Files go to \
        <root>/billing/YYYY-MM/ with the register rechnungsausgangsbuch-YYYY-MM.csv. \
        Running a month again issues nothing new. Check a month first with --dry-run, \
        which shows every invoice and the totals without numbering or writing anything.
        """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The service month.", valueName: "YYYY-MM"))
    var period: YearMonth?
    @Option(name: .customLong("month"), help: .hidden) var legacyPeriod: YearMonth?
    @Flag(help: "Bill the month before today (Europe/Berlin, by robinson's clock): what cron and the timer call.")
    var lastMonth = false

    /// The service month; `--last-month` is resolved against the command's clock.
    func month(now: Date) -> YearMonth { period ?? legacyPeriod ?? CalendarDate(now).yearMonth.previous }

    func validate() throws {
        let given = [period != nil || legacyPeriod != nil, lastMonth].filter { $0 }.count
        guard given == 1 else {
            throw ValidationError(given == 0 ? "missing --period YYYY-MM or --last-month (the service month to bill)"
                                             : "give either --period or --last-month, not both")
        }
    }
    @Flag(help: "Show what would be issued; assign no numbers, write no files.")
    var dryRun = false
    @Flag(help: "For cron: print only when invoices were issued or a customer could not be billed; before the issue date exit quietly.")
    var quiet = false
    @OptionGroup var mail: NoMailOption

    func run() async throws {
        try await scheduled(dryRun ? nil : "bill", global) { command in
            let context = mail.apply(try command.billing())
            let run = InvoiceRun(context: context)
            let month = month(now: context.now)
            if dryRun {
                let plan = try run.preview(month: month)
                print(BillPrinter.preview(plan))
                for skipped in plan.skipped { printError("not billed: \(skipped)") }
                return
            }
            let report: InvoiceRun.Report
            do {
                report = try run.issue(month: month)
            } catch BillingRunError.tooEarly where quiet {
                return
            }
            if !quiet || !report.issued.isEmpty || !report.documentsWritten.isEmpty {
                print(BillPrinter.report(report, root: context.folder))
                DeliveryWords.print(report.delivery, documents: "invoices", root: context.folder)
            }
            for skipped in report.skipped { printError("not billed: \(skipped)") }
            if !report.skipped.isEmpty { throw ExitCode.failure }
        }
    }
}

/// The text `bill` prints, for the accountant at the terminal.
enum BillPrinter {
    static func preview(_ plan: MonthPlan) -> String {
        var out = "Invoice run \(plan.month) (dry run: no numbers, no files)\n"
        for draft in plan.drafts {
            let document = draft.document
            out += "\n\(document.customerId)  \(document.buyer.name)  \(payment(document.payment))  dated \(document.issueDate.germanString), due \(document.dueDate.germanString)\n"
            for line in document.lines {
                let price = line.basisQuantity == 1 ? line.unitPrice.germanFormatted
                    : "\(line.unitPrice.germanFormatted) / \(GermanNumber.grouped(line.basisQuantity))"
                out += "  \(line.position). \(line.description)\n"
                out += "     \(GermanNumber.grouped(line.quantity)) \(line.unitLabel) × \(price) = \(line.net.germanFormatted)\n"
            }
            for group in document.vat.groups {
                out += "  net \(group.net.germanFormatted)  " + vat(group) + "\n"
            }
            out += "  gross \(document.gross.germanFormatted)\n"
        }
        let totals = plan.totals
        out += "\n\(plan.drafts.count) invoices: net \(totals.net.germanFormatted), VAT \(totals.vat.germanFormatted), gross \(totals.gross.germanFormatted)"
        if !plan.alreadyIssued.isEmpty { out += "\n\(plan.alreadyIssued.count) customers already invoiced for \(plan.month)" }
        return out
    }

    /// `VAT 19 % 9,31 €`, or why there is none.
    static func vat(_ group: VatBreakdown.Group) -> String {
        switch group.category {
        case .standard: "VAT \(group.rate.germanFormatted) \(group.vat.germanFormatted)"
        case .exempt: "no VAT (damages passed on)"
        case .reverseCharge: "no VAT (reverse charge: the customer owes it)"
        case .notSubject: "no VAT (not taxable in Germany)"
        }
    }

    static func report(_ report: InvoiceRun.Report, root: String) -> String {
        var lines: [String] = []
        if report.issued.isEmpty {
            lines.append("\(report.month): nothing new to issue (\(report.alreadyIssued.count) invoices already issued for this month)")
        } else {
            let gross = report.issued.map { Money(cents: $0.grossCents) }.sum()
            let net = report.issued.map { Money(cents: $0.netCents) }.sum()
            lines.append("\(report.month): \(report.issued.count) invoices issued, \(report.issued.first!.number) … \(report.issued.last!.number), net \(net.germanFormatted), gross \(gross.germanFormatted)")
        }
        let earlier = Set(report.documentsWritten).subtracting(report.issued.map(\.number))
        if !earlier.isEmpty { lines.append("documents completed for \(earlier.count) invoices an interrupted run left: \(earlier.sorted().joined(separator: ", "))") }
        lines.append("documents: \(report.folder)/ (PDF + XRechnung XML)")
        if !report.register.isEmpty { lines.append("register:  \(report.register)") }
        return lines.joined(separator: "\n")
    }

    static func payment(_ payment: PaymentTerms) -> String {
        switch payment {
        case .directDebit(let debit): "SEPA debit on \(debit.collectionDate.germanString)"
        case .transfer: "transfer"
        case .settlement: "settlement"
        }
    }
}
