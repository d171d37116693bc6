import Foundation
import Formats
import GRDB
import Store

/// `billing/offene-posten-YYYY-MM-DD.csv` (today, Europe/Berlin): every
/// invoice not yet paid in full and every charge not yet billed, for the
/// accountant's Offene-Posten-Liste and for dunning decisions.
///
/// `;`-separated, UTF-8 with BOM and CRLF (German Excel), decimal comma.
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

    static let header = ["Kunde", "Name", "Art", "Nummer", "Datum", "Faellig", "Brutto", "Bezahlt", "Offen", "Tage ueberfaellig", "Mahnstufe"]

    public static func fileName(_ day: CalendarDate) -> String { "offene-posten-\(day.isoString).csv" }

    /// Writes today's list (replacing one written earlier today) and returns its path and totals.
    public func write() throws -> Report {
        let today = context.today
        let (invoices, charges, names) = try context.database.read { db in
            let invoices = try InvoiceRecord.filter(InvoiceRecord.Columns.kind == InvoiceRecord.Kind.invoice)
                .filter(![InvoiceRecord.Status.cancelled, InvoiceRecord.Status.reversal].contains(InvoiceRecord.Columns.status))
                .filter(InvoiceRecord.Columns.grossCents > InvoiceRecord.Columns.paidCents)
                .order(InvoiceRecord.Columns.customerId, InvoiceRecord.Columns.issueDate, InvoiceRecord.Columns.number).fetchAll(db)
            let charges = try Charge.filter(Charge.Columns.billedOn == nil)
                .order(Charge.Columns.customerId, Charge.Columns.createdOn, Charge.Columns.id).fetchAll(db)
            let names = try Dictionary(Customer.fetchAll(db).map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            return (invoices, charges, names)
        }
        var rows: [(customer: String, date: String, fields: [String])] = []
        for invoice in invoices {
            let due = CalendarDate(iso: invoice.dueDate)
            let overdue = due.map { max(0, $0.days(until: today)) }
            rows.append((invoice.customerId, invoice.issueDate, [
                invoice.customerId, names[invoice.customerId] ?? "", "Rechnung", invoice.number, german(invoice.issueDate),
                german(invoice.dueDate), Money(cents: invoice.grossCents).germanNumber, Money(cents: invoice.paidCents).germanNumber,
                Money(cents: invoice.openCents).germanNumber, overdue.map(String.init) ?? "", String(invoice.dunningLevel),
            ]))
        }
        for charge in charges {
            rows.append((charge.customerId, charge.createdOn, [
                charge.customerId, names[charge.customerId] ?? "", charge.description, charge.relatesTo ?? "", german(charge.createdOn),
                "", Money(cents: charge.amountCents).germanNumber, Money.zero.germanNumber, Money(cents: charge.amountCents).germanNumber,
                "", "",
            ]))
        }
        // Per customer, oldest first: what the accountant chases together.
        rows = rows.enumerated().sorted { ($0.element.customer, $0.element.date, $0.offset) < ($1.element.customer, $1.element.date, $1.offset) }
            .map(\.element)
        var text = "\u{FEFF}" + Self.header.joined(separator: ";") + "\r\n"
        for row in rows { text += row.fields.map(InvoiceRegister.quoted).joined(separator: ";") + "\r\n" }
        try FileManager.default.createDirectory(atPath: context.folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let path = context.folder + "/" + Self.fileName(today)
        try AtomicFile.write(Array(text.utf8), to: path)
        let open = invoices.map { Money(cents: $0.openCents) }.sum() + charges.map { Money(cents: $0.amountCents) }.sum()
        return Report(path: path, items: rows.count, open: open)
    }

    private func german(_ iso: String) -> String { CalendarDate(iso: iso)?.germanString ?? iso }
}
