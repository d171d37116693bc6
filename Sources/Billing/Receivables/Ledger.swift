import Foundation
import GRDB
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
        guard try Payment.filter(Payment.Columns.entryReference == entryReference).fetchCount(db) == 0 else { return false }
        var payment = Payment(entryReference: entryReference, invoiceNumber: invoice, amountCents: amountCents,
                              bookedOn: date.isoString, source: source, remittance: remittance, createdAt: now)
        try payment.insert(db)
        if let invoice { try adjust(in: db, invoice: invoice, by: amountCents, on: date) }
        return true
    }

    /// Changes what was received for `invoice` (negative for a returned debit) and its status.
    static func adjust(in db: Database, invoice number: String, by amountCents: Int64, on date: CalendarDate) throws {
        guard var invoice = try InvoiceRecord.fetchOne(db, key: number) else { return }
        invoice.paidCents += amountCents
        if invoice.status == .open || invoice.status == .paid {
            let settled = invoice.paidCents >= invoice.grossCents
            invoice.status = settled ? .paid : .open
            invoice.settledOn = settled ? date.isoString : nil
        }
        try invoice.update(db)
    }
}
