import ArgumentParser
import Billing
import Formats
import Foundation

struct OpenItemsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open-items",
        abstract: "Show and write the open items (Offene-Posten-Liste) of a day.",
        discussion: """
        Every invoice whose money does not match what it owes on the day (unpaid, partly paid, or paid too \\
        much: a negative item is the customer's credit) and every charge not yet billed, per customer oldest \\
        first; the sum equals the balance of the debtor accounts in the DATEV export. Writes \\
        <root>/billing/offene-posten-YYYY-MM-DD.csv (also rewritten after every command that changes money). \\
        Credits that named no invoice are not a customer's open item: `robinson payments list --unmatched`. \\
        Needs no DATEV settings.
        """
    )
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The day (default today); a past day shows what was open then, as known now.", valueName: "YYYY-MM-DD"))
    var date: CalendarDate?

    func run() async throws {
        try await reporting {
            let context = try await CommandContext(global).billing()
            let openItems = OpenItems(context: context)
            let list = try openItems.list(on: date)
            for item in list.items {
                let due = item.dueDate.map { "due \($0.germanString)" } ?? ""
                print([item.customerId.padded(10), item.number.padded(11), item.date.germanString, due.padded(14),
                       item.open.germanFormatted.leftPadded(14), TerminalText.escaped(item.text)].joined(separator: "  "))
            }
            let report = try openItems.write(list)
            print("\(report.items) open items on \(list.day.germanString), \(report.open.germanFormatted) → \(report.path)")
        }
    }
}
