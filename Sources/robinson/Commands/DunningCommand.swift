import ArgumentParser
import Billing
import Foundation

struct DunningCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dunning",
        abstract: "Send the next reminder or dunning letter for every overdue invoice; suspend customers in arrears.",
        discussion: """
        Default ladder: payment reminder at due + 7 days without fee, 1st dunning letter at \
        + 14 days with 3,00 €, final letter at + 28 days with 3,00 €, default interest \
        (base rate + 9 points for businesses, + 5 for consumers) and, for businesses, the \
        40 € lump sum (§288 (5) BGB). Letters are PDFs in billing/YYYY-MM/mahnungen/; fees \
        and interest are charges in the open items. A customer whose overdue amount reaches \
        two monthly fees, or who leaves the final letter unpaid, is suspended: their inbox \
        files are held until payment in full. Running it twice on a day sends nothing twice.
        """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The day of the run (default today).", valueName: "YYYY-MM-DD"))
    var date: CalendarDate?
    @OptionGroup var mail: NoMailOption

    func run() async throws {
        try await scheduled("dunning", global) { command in
            let context = mail.apply(try command.billing())
            let report = try DunningRun(context: context).run(on: date)
            if report.letters.isEmpty { print("no letters due") }
            for letter in report.letters {
                print("\(letter.name): \(letter.invoice) \(letter.customer), \(letter.total.germanFormatted) → \(letter.path)")
            }
            DeliveryWords.print(report.delivery, documents: "letters", root: context.folder)
            for suspended in report.suspended {
                print("suspended \(suspended.customer): \(suspended.reason); their inbox files are held until they pay")
            }
        }
    }
}
