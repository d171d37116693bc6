import Foundation
import Formats
import Store

/// `billing/YYYY-MM/EXTF_Buchungsstapel_YYYY-MM.csv`: the month's invoices,
/// credit notes, charges and payments as a DATEV Buchungsstapel the
/// accountant imports, plus today's open-items list beside the month folders.
public struct DatevExport: Sendable {
    public let context: BillingContext

    public init(context: BillingContext) {
        self.context = context
    }

    /// What an export wrote.
    public struct Report: Sendable, Equatable {
        public let path: String
        public let bookings: Int
        public let openItems: OpenItems.Report
    }

    public static func fileName(_ month: YearMonth) -> String { "EXTF_Buchungsstapel_\(month.isoString).csv" }

    /// Writes the Buchungsstapel of `month` and the open-items list; an existing file is replaced atomically.
    public func write(month: YearMonth) throws -> Report {
        let settings = context.settings.datev
        let header = try header(month: month, settings: settings)
        let bookings = try context.database.read { db in try MonthBookings(settings: settings).bookings(month: month, in: db) }
        try checkLedgerAccounts(settings)
        let file = BuchungsstapelFile(header: header, bookings: bookings)
        let folder = context.monthFolder(month.isoString)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let path = folder + "/" + Self.fileName(month)
        try AtomicFile.write(file.bytes, to: path)
        let openItems = try OpenItems(context: context).write()
        return Report(path: path, bookings: bookings.count, openItems: openItems)
    }

    private func header(month: YearMonth, settings: DatevSettings) throws(DatevExportError) -> BuchungsstapelHeader {
        var missing: [String] = []
        if settings.consultantNumber == nil { missing.append("datev.consultantNumber") }
        if settings.clientNumber == nil { missing.append("datev.clientNumber") }
        guard let consultant = settings.consultantNumber, let client = settings.clientNumber else { throw .missingKeys(missing) }
        let startYear = month.month >= settings.fiscalYearStartMonth ? month.year : month.year - 1
        let fiscalYearStart = CalendarDate(year: startYear, month: settings.fiscalYearStartMonth, day: 1)!
        return BuchungsstapelHeader(
            created: context.now, consultantNumber: consultant, clientNumber: client, fiscalYearStart: fiscalYearStart,
            accountLength: settings.accountLength, from: month.firstDay, to: month.lastDay,
            description: "Robinson \(month.isoString)", chartOfAccounts: settings.chartOfAccounts)
    }

    /// Ledger accounts longer than the account length would be read as debtor accounts.
    private func checkLedgerAccounts(_ settings: DatevSettings) throws(DatevExportError) {
        let configured = [settings.accounts.revenue, settings.accounts.bank, settings.accounts.returnFee, settings.accounts.dunningFee,
                          settings.accounts.interest, settings.accounts.lumpSum, settings.accounts.unassignedPayments]
        if let long = configured.first(where: { String($0).count > settings.accountLength }) {
            throw .accountLength("ledger account \(long) has more than \(settings.accountLength) digits (datev.accountLength)")
        }
    }
}
