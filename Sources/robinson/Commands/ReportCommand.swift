import ArgumentParser
import Billing
import Formats
import Foundation
import Pipeline
import Reporting

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a month's report for people: one self-contained HTML page (German).",
        discussion: """
        The page shows the files taken in during the month (per Berlin calendar day: files and rows \
        checked, as bar charts), the hits per Robinson list from the month's usage records, every \
        rejected file with its reason, what `run` currently holds back or reports as a lasting problem, \
        the invoices and credit notes of the month as service month (`invoice list --period`) with \
        what was received, returned by the bank and is still open as of now, and the invoices per \
        dunning level. Everything comes from the state database; nothing is changed.

        The file needs nothing from the network (inline CSS and SVG, no script; its Content-Security-Policy \
        forbids loading anything), so it can be mailed or archived as it is. Every name in it is escaped. \
        Written atomically (mode 0600) to --output, else to <root>/reports/bericht-YYYY-MM.html, replacing \
        an earlier report of the month; prints the path. Run it again at any time for the current state, \
        e.g. monthly from cron after the dunning run:

          robinson report --month "$(date -d 'last month' +%Y-%m)"
        """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The month to report on.", valueName: "YYYY-MM"))
    var month: YearMonth
    @Option(name: [.short, .long], help: ArgumentHelp("Where to write the page (default <root>/reports/bericht-YYYY-MM.html).", valueName: "FILE"))
    var output: String?

    func run() async throws {
        try await reporting {
            let context = try await CommandContext(global)
            let runtime = try context.runtime()
            let report = try MonthReport.gather(from: runtime.database, month: month, now: runtime.now,
                                                dunningLevels: context.billingSettings.dunning.levels)
            let path: String
            if let output {
                path = output
            } else {
                try runtime.root.makeFolder(runtime.root.reports)
                path = runtime.root.reports + "/" + MonthReport.fileName(month)
            }
            try AtomicFile.write(Array(report.html.utf8), to: path)
            print("report: \(TerminalText.escaped(path)) (\(report.files) files, \(report.rejected.count) rejected, "
                  + "\(report.invoices.count) invoices, \(report.open.germanFormatted) open)")
        }
    }
}
