import Foundation
import GRDB
import Store

/// `robinson payments import FILE` and `robinson invoice paid`: books money
/// received. Statement credits are matched by the invoice number in the
/// remittance text; the rest is listed for the accountant (and kept,
/// unmatched, so it is not lost). A partial payment leaves the rest open.
public struct PaymentBooking: Sendable {
    public let context: BillingContext

    public init(context: BillingContext) {
        self.context = context
    }

    public struct Report: Sendable {
        /// Invoice number, amount, and whether it is now paid in full.
        public var matched: [(invoice: String, amount: Money, settled: Bool)] = []
        public var unmatched: [PaymentNotice] = []
        public var alreadyBooked = 0
        /// Customers whose suspension for arrears was lifted by these payments.
        public var released: [String] = []
    }

    public func book(_ notices: [PaymentNotice]) throws -> Report {
        let now = context.now
        let report = try context.database.writeImmediate { db in
            var report = Report()
            for notice in notices {
                var number = notice.invoiceNumber
                if let candidate = number, try InvoiceRecord.filter(InvoiceRecord.Columns.number == candidate && InvoiceRecord.Columns.kind == InvoiceRecord.Kind.invoice).fetchCount(db) == 0 {
                    number = nil
                }
                let booked = try Ledger.book(in: db, invoice: number, amountCents: notice.amount.cents, on: notice.date,
                                             entryReference: notice.entryReference, source: notice.source, remittance: notice.remittance, now: now)
                guard booked else {
                    report.alreadyBooked += 1
                    continue
                }
                if let number {
                    let invoice = try InvoiceRecord.fetchOne(db, key: number)!
                    try db.audit("invoice.payment", subject: number, detail: "\(notice.amount) on \(notice.date.isoString) from \(notice.source)",
                                 actor: context.actor, at: now)
                    report.matched.append((number, notice.amount, invoice.paidCents >= invoice.grossCents))
                } else {
                    try db.audit("payment.unmatched", subject: notice.entryReference, detail: "\(notice.amount) on \(notice.date.isoString)",
                                 actor: context.actor, at: now)
                    report.unmatched.append(notice)
                }
            }
            report.released = try Suspension(context: context).releasePaidUp(in: db, now: now)
            return report
        }
        return report
    }

    /// A manual booking: `invoice paid NUMBER --date D --amount A`.
    public func bookManually(invoice number: String, amount: Money, on date: CalendarDate) throws -> Report {
        let exists = try context.database.read { db in
            try InvoiceRecord.filter(InvoiceRecord.Columns.number == number && InvoiceRecord.Columns.kind == InvoiceRecord.Kind.invoice).fetchCount(db) > 0
        }
        guard exists else { throw BillingRunError.notFound(number) }
        guard amount.cents > 0 else { throw PaymentError.notPositive }
        let notice = PaymentNotice(amount: amount, date: date, remittance: number, payer: nil,
                                   entryReference: "manual:\(UUID().uuidString)", source: "manual by \(context.actor)")
        return try book([notice])
    }
}

public enum PaymentError: Error, Sendable, CustomStringConvertible {
    case notPositive

    public var description: String { "the amount must be greater than 0,00 €" }
}
