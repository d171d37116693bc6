import Foundation
import Store

/// Money in and out of an invoice: every booking changes `paidCents` and the
/// status in the same transaction as the payment row, so the open amount and
/// the bookings never disagree.
enum Ledger {
    /// Books `amountCents` received for `invoice` (nil: not matched to an invoice).
    /// Returns false when `entryReference` was booked before (a file imported twice).
    @discardableResult
    static func book(in db: Database, invoice: String?, amountCents: Int64, on date: CalendarDate, entryReference: String,
                     source: String, remittance: String?, now: Date) throws -> Bool {
        guard try Payment.filter(Column("entryReference") == entryReference).fetchCount(db) == 0 else { return false }
        var payment = Payment(entryReference: entryReference, invoiceNumber: invoice, amountCents: amountCents,
                              bookedOn: date.isoString, source: source, remittance: remittance, createdAt: now)
        try payment.insert(db)
        if let invoice { try adjust(in: db, invoice: invoice, by: amountCents, on: date) }
        return true
    }

    /// Changes what was received for `invoice` (negative for a returned debit) and its status.
    static func adjust(in db: Database, invoice: String, by amountCents: Int64, on date: CalendarDate) throws {
        try db.execute(sql: "UPDATE invoice SET paidCents = paidCents + ? WHERE number = ?", arguments: [amountCents, invoice])
        try db.execute(sql: """
            UPDATE invoice SET
              status = CASE WHEN paidCents >= grossCents THEN 'paid' ELSE 'open' END,
              settledOn = CASE WHEN paidCents >= grossCents THEN ? ELSE NULL END
            WHERE number = ? AND status IN ('open', 'paid')
            """, arguments: [date.isoString, invoice])
    }
}
