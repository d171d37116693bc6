import ArgumentParser
import Billing
import Formats
import Foundation
import Store

struct OpenItemsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open-items",
        abstract: "Show and write the open items (Offene-Posten-Liste) of a day.",
        discussion: """
        Every invoice whose money does not match what it owes on the day (unpaid, partly paid, or paid too \
        much: a negative item is the customer's credit) and every charge not yet billed, per customer oldest \
        first; the sum equals the balance of the debtor accounts in the DATEV export. Writes \
        <root>/billing/offene-posten-YYYY-MM-DD.csv (also rewritten after every command that changes money). \
        Credits that named no invoice are not a customer's open item: `robinson payments list --unmatched`. \
        Needs no DATEV settings.
        """
    )
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The day (default today); a past day shows what was open then, as known now.", valueName: "YYYY-MM-DD"))
    var date: CalendarDate?
    @OptionGroup var output: FormatOption

    func run() async throws {
        try await reporting {
            let context = try await CommandContext(global).billing()
            let openItems = OpenItems(context: context)
            let list = try openItems.list(on: date)
            let report = try openItems.write(list)
            var table = Listing.Table("items", columns: [
                "customer", "name", "kind", "number", "date", "dueDate", "owed", "received", "open", "daysOverdue", "dunningLevel", "state", "text",
            ], tableColumns: ["customer", "number", "date", "dueDate", "open", "state", "text"])
            for item in list.items {
                let overdue = item.open.cents > 0 ? item.dueDate.map { max(0, $0.days(until: list.day)) } : nil
                let kind: String
                switch item.kind {
                case .invoice: kind = "invoice"
                case .charge(let charge): kind = charge.rawValue
                }
                table.append([
                    .text(item.customerId), .text(item.customerName), .text(kind), .text(item.number), .date(item.date.isoString),
                    item.dueDate.map { .date($0.isoString) } ?? .none, .cents(item.owed.cents), .cents(item.received.cents),
                    .cents(item.open.cents), Cell(overdue), item.kind == .invoice ? .integer(item.dunningLevel) : .none,
                    item.state.map { .text($0.rawValue) } ?? .none, .text(item.text),
                ])
            }
            let summary = Listing.Record("summary", [
                ("date", .date(list.day.isoString)), ("items", .integer(report.items)), ("open", .cents(report.open.cents)),
                ("file", .text(report.path)),
            ])
            Listing("openItems", .record(summary), .table(table)).print(output.format)
        }
    }
}
