import Foundation
import Formats
import GRDB
import Store

/// `billing/YYYY-MM/rechnungsausgangsbuch-YYYY-MM.csv`: every invoice and
/// credit note of the service month with where its money stands, for the
/// accountant. Every change of an invoice marks its month (``PendingRegister``,
/// in the same transaction); after each billing command the marked months
/// are written from the database, so the register always matches it.
///
/// ``SpreadsheetCSV``: `;`, UTF-8 with BOM and CRLF (opens correctly in German
/// Excel), decimal comma, credit notes with negative amounts, text cells
/// neutralised against formula injection.
struct InvoiceRegister {
    let context: BillingContext

    static let header = ["Nummer", "Datum", "Art", "Kunde", "Kundenname", "Leistungszeitraum", "Netto", "USt", "Brutto",
                         "Zahlart", "Faellig", "Status", "Bezug", "Bezahlt", "Offen"]

    static func fileName(_ month: String) -> String { "rechnungsausgangsbuch-\(month).csv" }

    func path(_ month: String) -> String { context.monthFolder(month) + "/" + Self.fileName(month) }

    /// Writes the register of every marked month, then removes the marks; returns the paths written.
    @discardableResult
    func writePending() throws -> [String] {
        let months = try context.database.read { db in try PendingRegister.fetchAll(db).map(\.month) }
        var paths: [String] = []
        for month in months.sorted() {
            if let path = try write(month: month) { paths.append(path) }
            try context.database.write { db in _ = try PendingRegister.deleteOne(db, key: month) }
        }
        return paths
    }

    /// Writes one month's register; nil when the month has no documents.
    func write(month: String) throws -> String? {
        let records = try context.database.read { db in
            try InvoiceRecord.filter(InvoiceRecord.Columns.serviceMonth == month).order(InvoiceRecord.Columns.year, InvoiceRecord.Columns.sequence).fetchAll(db)
        }
        guard !records.isEmpty else { return nil }
        let rows = try records.map(line)
        let folder = context.monthFolder(month)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let path = path(month)
        try AtomicFile.write(SpreadsheetCSV.document(header: Self.header, rows: rows), to: path)
        return path
    }

    private func line(_ record: InvoiceRecord) throws -> [SpreadsheetCell] {
        let document = try InvoiceStorage.decode(record)
        let sign: Int64 = record.kind == .creditNote ? -1 : 1
        let date = CalendarDate(iso: record.issueDate)?.germanString ?? record.issueDate
        let due = CalendarDate(iso: record.dueDate)?.germanString ?? record.dueDate
        let status = record.paymentState == .cancelled ? "storniert durch \(record.cancelledBy ?? "?")" : record.paymentState.germanLabel
        let isInvoice = record.kind == .invoice
        return [
            .text(record.number), .text(date), .text(isInvoice ? "Rechnung" : "Rechnungskorrektur"), .text(record.customerId),
            .text(document.buyer.name), .text(document.servicePeriod.germanText),
            .number(Money(cents: sign * record.netCents).germanNumber), .number(Money(cents: sign * record.vatCents).germanNumber),
            .number(Money(cents: sign * record.grossCents).germanNumber),
            .text(Self.paymentMethodName(record.paymentMethod)), .text(due), .text(status), .text(record.cancels ?? ""),
            isInvoice ? .number(Money(cents: record.paidCents).germanNumber) : .text(""),
            isInvoice ? .number(Money(cents: record.openCents).germanNumber) : .text(""),
        ]
    }

    static func paymentMethodName(_ method: InvoiceRecord.PaymentMethod) -> String {
        switch method {
        case .sepa: "Lastschrift"
        case .transfer: "Überweisung"
        case .settlement: "Verrechnung"
        }
    }
}
