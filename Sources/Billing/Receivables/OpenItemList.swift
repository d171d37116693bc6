import Foundation
import GRDB
import Store

/// The open items on a day (Offene-Posten-Liste): every invoice whose money
/// does not match what it owes that day, as known now (unpaid, partly paid,
/// or paid too much: a negative item is the customer's credit) and every
/// charge not yet billed on an invoice that day. Credits matched to no
/// customer are not open items of a customer; `Unmatched` lists them.
///
/// The sum equals invoices − credit notes − payments + returns + charges
/// up to that day, which is the balance of the debtor accounts in DATEV.
public struct OpenItemList: Sendable {
    public struct Item: Sendable, Equatable {
        public enum Kind: Sendable, Equatable { case invoice, charge(Charge.Kind) }
        public var customerId: String
        public var customerName: String
        public var kind: Kind
        /// The invoice number; for a charge, the invoice that caused it.
        public var number: String
        /// German text for the list: "Rechnung", "Guthaben", the charge's description.
        public var text: String
        public var date: CalendarDate
        public var dueDate: CalendarDate?
        /// What is owed (0 for a cancelled invoice).
        public var owed: Money
        public var received: Money
        public var state: PaymentState?
        /// Reminders and dunning letters sent for it by the day.
        public var dunningLevel: Int

        /// Owed minus received; negative is credit.
        public var open: Money { owed - received }
    }

    public let day: CalendarDate
    public let items: [Item]

    public var total: Money { items.map(\.open).sum() }

    /// Computes the list for `day` from the database.
    public static func compute(on day: CalendarDate, in db: Database) throws -> OpenItemList {
        let through = day.isoString
        let invoices = try InvoiceRecord.filter(InvoiceRecord.Columns.kind == InvoiceRecord.Kind.invoice && InvoiceRecord.Columns.issueDate <= through)
            .fetchAll(db)
        let rows = try Dictionary(grouping: Payment.filter(Payment.Columns.invoiceNumber != nil).fetchAll(db), by: { $0.invoiceNumber ?? "" })
        let charges = try Charge.filter(Charge.Columns.createdOn <= through).fetchAll(db)
            .filter { $0.billedOn == nil || $0.billedOn! > through }
        let levels = try Dictionary(
            DunningNotice.filter(DunningNotice.Columns.sentOn <= through).fetchAll(db).map { ($0.invoiceNumber, $0.level) },
            uniquingKeysWith: max)
        let names = try Dictionary(Customer.fetchAll(db).map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })

        var items: [Item] = []
        for invoice in invoices {
            let position = InvoicePosition.of(invoice, rows: rows[invoice.number] ?? [], on: day)
            guard position.open != 0, let issued = CalendarDate(iso: invoice.issueDate) else { continue }
            let text = position.open < 0 ? (position.state == .cancelled ? "Guthaben (Rechnung storniert)" : "Guthaben") : "Rechnung"
            items.append(Item(customerId: invoice.customerId, customerName: names[invoice.customerId] ?? "", kind: .invoice,
                              number: invoice.number, text: text, date: issued, dueDate: CalendarDate(iso: invoice.dueDate),
                              owed: Money(cents: position.owed), received: Money(cents: position.received), state: position.state,
                              dunningLevel: levels[invoice.number] ?? 0))
        }
        for charge in charges {
            guard let created = CalendarDate(iso: charge.createdOn) else { continue }
            items.append(Item(customerId: charge.customerId, customerName: names[charge.customerId] ?? "", kind: .charge(charge.kind),
                              number: charge.relatesTo ?? "", text: charge.description, date: created, dueDate: nil,
                              owed: Money(cents: charge.amountCents), received: .zero, state: nil, dunningLevel: 0))
        }
        // Per customer, oldest first: what the accountant chases together.
        items = items.enumerated().sorted {
            ($0.element.customerId, $0.element.date, $0.offset) < ($1.element.customerId, $1.element.date, $1.offset)
        }.map(\.element)
        return OpenItemList(day: day, items: items)
    }
}
