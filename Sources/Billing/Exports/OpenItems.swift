import Foundation
import Formats
import GRDB
import Store

/// `billing/offene-posten-YYYY-MM-DD.csv`: the ``OpenItemList`` of a day
/// (default today, Europe/Berlin) for the accountant's Offene-Posten-Liste and
/// for dunning decisions. Rewritten after every command that changes money,
/// so today's list is always current; a list of another day is written by
/// `robinson open-items --date`.
///
/// ``SpreadsheetCSV``: `;`, UTF-8 with BOM and CRLF (German Excel), decimal
/// comma, text cells neutralised against formula injection.
public struct OpenItems: Sendable {
    public let context: BillingContext

    public init(context: BillingContext) {
        self.context = context
    }

    /// What the list holds.
    public struct Report: Sendable, Equatable {
        public let path: String
        public let items: Int
        public let open: Money
    }

    static let header = ["Kunde", "Name", "Art", "Nummer", "Datum", "Faellig", "Brutto", "Bezahlt", "Offen", "Tage ueberfaellig", "Mahnstufe",
                         "Status"]

    public static func fileName(_ day: CalendarDate) -> String { "offene-posten-\(day.isoString).csv" }

    /// The list of `day` (default today), computed now.
    public func list(on day: CalendarDate? = nil) throws -> OpenItemList {
        let day = day ?? context.today
        let list = try context.database.writeImmediate { db in
            try Ledger.advance(in: db, context: context)
            return try OpenItemList.compute(on: day, in: db)
        }
        // States that moved with time alone change their registers too.
        try InvoiceRegister(context: context).writePending()
        return list
    }

    /// Writes the list of `day` (default today), replacing one written earlier, and returns its path and totals.
    public func write(on day: CalendarDate? = nil) throws -> Report {
        try write(try list(on: day))
    }

    public func write(_ list: OpenItemList) throws -> Report {
        let rows: [[SpreadsheetCell]] = list.items.map { item in
            let overdue = item.open.cents > 0 ? item.dueDate.map { String(max(0, $0.days(until: list.day))) } : nil
            let isInvoice = item.kind == .invoice
            return [
                .text(item.customerId), .text(item.customerName), .text(item.text), .text(item.number), .text(item.date.germanString),
                .text(item.dueDate?.germanString ?? ""), .number(item.owed.germanNumber), .number(item.received.germanNumber),
                .number(item.open.germanNumber), overdue.map { .number($0) } ?? .text(""), isInvoice ? .number(String(item.dunningLevel)) : .text(""),
                .text(item.state?.germanLabel ?? "Gebühr offen"),
            ]
        }
        try FileManager.default.createDirectory(atPath: context.folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let path = context.folder + "/" + Self.fileName(list.day)
        try AtomicFile.write(SpreadsheetCSV.document(header: Self.header, rows: rows), to: path)
        return Report(path: path, items: list.items.count, open: list.total)
    }
}
