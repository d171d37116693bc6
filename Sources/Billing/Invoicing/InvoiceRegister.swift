import Foundation
import Formats
import GRDB
import Store

/// `billing/YYYY-MM/rechnungsausgangsbuch-YYYY-MM.csv`: every invoice and
/// credit note of the service month, for the accountant. Rewritten from the
/// database after each billing command, so it always matches it.
///
/// `;`-separated, UTF-8 with BOM and CRLF (opens correctly in German Excel),
/// decimal comma, credit notes with negative amounts.
struct InvoiceRegister {
    let context: BillingContext

    static let header = ["Nummer", "Datum", "Art", "Kunde", "Kundenname", "Leistungszeitraum", "Netto", "USt", "Brutto",
                         "Zahlart", "Faellig", "Status", "Bezug"]

    static func fileName(_ month: String) -> String { "rechnungsausgangsbuch-\(month).csv" }

    /// Writes the register of each month; returns the paths.
    func write(months: Set<String>) throws -> [String] {
        var paths: [String] = []
        for month in months.sorted() {
            let records = try context.database.read { db in
                try InvoiceRecord.filter(InvoiceRecord.Columns.serviceMonth == month).order(InvoiceRecord.Columns.year, InvoiceRecord.Columns.sequence).fetchAll(db)
            }
            guard !records.isEmpty else { continue }
            var text = "\u{FEFF}" + Self.header.joined(separator: ";") + "\r\n"
            for record in records {
                text += try line(record).map(Self.quoted).joined(separator: ";") + "\r\n"
            }
            let folder = context.monthFolder(month)
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let path = folder + "/" + Self.fileName(month)
            try AtomicFile.write(Array(text.utf8), to: path)
            paths.append(path)
        }
        return paths
    }

    private func line(_ record: InvoiceRecord) throws -> [String] {
        let document = try InvoiceStorage.decode(record)
        let sign: Int64 = record.kind == .creditNote ? -1 : 1
        let date = CalendarDate(iso: record.issueDate)?.germanString ?? record.issueDate
        let due = CalendarDate(iso: record.dueDate)?.germanString ?? record.dueDate
        let status = switch record.status {
        case .open: "offen"
        case .paid: "bezahlt"
        case .cancelled: "storniert durch \(record.cancelledBy ?? "?")"
        case .reversal: "Korrektur"
        }
        return [
            record.number, date, record.kind == .invoice ? "Rechnung" : "Rechnungskorrektur", record.customerId,
            document.buyer.name, document.servicePeriod.germanText,
            Money(cents: sign * record.netCents).germanNumber, Money(cents: sign * record.vatCents).germanNumber,
            Money(cents: sign * record.grossCents).germanNumber,
            Self.paymentMethodName(record.paymentMethod),
            due, status, record.cancels ?? "",
        ]
    }

    static func paymentMethodName(_ method: InvoiceRecord.PaymentMethod) -> String {
        switch method {
        case .sepa: "Lastschrift"
        case .transfer: "Überweisung"
        case .settlement: "Verrechnung"
        }
    }

    /// Quotes a field when it holds the delimiter, a quote or a line break.
    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
