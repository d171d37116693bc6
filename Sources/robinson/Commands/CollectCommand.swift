import ArgumentParser
import Billing
import Foundation

struct CollectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collect",
        abstract: "Write the SEPA direct-debit file (pain.008.001.08) of every SEPA invoice not collected yet.",
        discussion: """
        One file per scheme (CORE, B2B) in <root>/billing/YYYY-MM/sepa/, with a summary \
        (.txt) that says what is in it and by when it must reach the bank. Collection date: \
        billing.collectionDay of the month after the service month, moved to the next TARGET \
        day, never before the pre-notified date, the pre-notification period, or the day \
        after the file reaches the bank. FRST for a mandate's first debit, then RCUR. \
        Each file is checked by our rules and against billing.pain008Schemas before it is \
        recorded and written; an invalid file is never written. An invoice is collected \
        once, and again only when a return hands it back for presenting again.
        """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The day the file goes to the bank (default today).", valueName: "YYYY-MM-DD"))
    var date: CalendarDate?

    func run() async throws {
        try await scheduled("collect", global) { command in
            let context = try command.billing()
            let report = try CollectionRun(context: context).run(fileDate: date)
            if report.files.isEmpty { print("nothing to collect") }
            for file in report.files {
                print("pain.008 \(file.scheme): \(file.count) debits, \(file.sum.germanFormatted) → \(file.path)")
                for group in file.groups {
                    print("  \(group.date.germanString) \(group.sequence): \(group.count) debits, \(group.sum.germanFormatted)")
                }
            }
            if !report.completed.isEmpty { print("written now (a run was interrupted): \(report.completed.joined(separator: ", "))") }
            for skipped in report.skipped { printError("not collected: \(skipped.invoice): \(skipped.reason)") }
            if !report.skipped.isEmpty { throw ExitCode.failure }
        }
    }
}
