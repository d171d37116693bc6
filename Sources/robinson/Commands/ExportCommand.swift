import ArgumentParser
import Billing
import Foundation

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Hand billing data to the accountant.",
        subcommands: [ExportDatevCommand.self]
    )
}

struct ExportDatevCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datev",
        abstract: "Write a month's bookings as a DATEV Buchungsstapel and today's open items.",
        discussion: """
        Books by document date: the invoices and credit notes issued in the month (--issued, as in \
        `invoice list --issued`; not the service month, which is --period), the fees and interest \
        charged in it, the payments, returns and corrections dated in it. Writes \
        <root>/billing/YYYY-MM/EXTF_Buchungsstapel_YYYY-MM.csv (EXTF 700, Buchungsstapel \
        version 13, Windows-1252), which DATEV Rechnungswesen imports under \
        "Stapelverarbeitung > Import > ASCII-Daten", and \
        <root>/billing/offene-posten-YYYY-MM-DD.csv with today's open items (also `robinson open-items`). \
        Needs datev.consultantNumber and datev.clientNumber; accounts come from datev.accounts.* \
        (SKR03 defaults) and debtor accounts from datev.debtorAccounts or datev.debtorAccountBase \
        plus the digits of the customer id (K1001 → 11001). Running it again replaces both files.
        """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The month whose documents and payments to export (by document date).", valueName: "YYYY-MM"))
    var issued: YearMonth?
    @Option(name: .customLong("month"), help: .hidden) var ambiguousMonth: String?

    func validate() throws {
        if ambiguousMonth != nil {
            throw ValidationError("--month is not an option of export datev: it books by document date, use --issued YYYY-MM (--period is the service month in other commands)")
        }
        guard issued != nil else { throw ValidationError("missing --issued YYYY-MM (the month whose bookings to export)") }
    }

    func run() async throws {
        try await reporting {
            let context = try await CommandContext(global).billing()
            let report = try DatevExport(context: context).write(month: issued!)
            print("DATEV:      \(report.path) (\(report.bookings) bookings)")
            print("open items: \(report.openItems.path) (\(report.openItems.items) items, \(report.openItems.open.germanFormatted) open)")
        }
    }
}
