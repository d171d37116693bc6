import Foundation
import GRDB
import Store

/// `robinson payments import FILE` and `robinson invoice paid`: books money
/// received. Statement credits are matched by the invoice number in the
/// remittance text; the rest is kept unmatched (never lost) until
/// `payments assign` gives it to an invoice. A partial payment leaves the rest
/// open; an overpayment leaves the surplus as the customer's credit.
public struct PaymentBooking: Sendable {
    public let context: BillingContext

    public init(context: BillingContext) {
        self.context = context
    }

    public struct Booked: Sendable, Equatable {
        public var invoice: String
        public var amount: Money
        /// The invoice's state after the booking.
        public var state: PaymentState
        /// Still owed after the booking; negative is the customer's credit.
        public var open: Money
        /// The payment row.
        public var paymentId: Int64
    }

    public struct Report: Sendable {
        public var matched: [Booked] = []
        public var unmatched: [PaymentNotice] = []
        public var alreadyBooked = 0
        /// Credits of this file booked before and still matched to no invoice.
        public var stillUnmatched: [Payment] = []
        /// Customers whose suspension for arrears was lifted by these payments.
        public var released: [String] = []
    }

    public func book(_ notices: [PaymentNotice]) throws -> Report {
        try book(notices, kind: .transfer)
    }

    private func book(_ notices: [PaymentNotice], kind: Payment.Kind, note: String? = nil) throws -> Report {
        let now = context.now
        let report = try context.database.writeImmediate { db in
            try Ledger.advance(in: db, context: context)
            var report = Report()
            for notice in notices {
                var invoice: InvoiceRecord?
                if let candidate = notice.invoiceNumber {
                    invoice = try InvoiceRecord.filter(key: candidate).filter(InvoiceRecord.Columns.kind == InvoiceRecord.Kind.invoice).fetchOne(db)
                }
                let row = Payment(entryReference: notice.entryReference, kind: kind, customerId: invoice?.customerId,
                                  invoiceNumber: invoice?.number, amountCents: notice.amount.cents, bookedOn: notice.date.isoString,
                                  source: notice.source, remittance: notice.remittance, note: note, createdAt: now)
                guard let booked = try Ledger.post(row, in: db, context: context, event: "\(kind.rawValue) of \(notice.amount) on \(notice.date.isoString)") else {
                    report.alreadyBooked += 1
                    if let earlier = try Payment.filter(Payment.Columns.entryReference == notice.entryReference).fetchOne(db),
                       try Unmatched.isOpen(earlier, in: db) {
                        report.stillUnmatched.append(earlier)
                    }
                    continue
                }
                if let invoice {
                    let after = try InvoiceRecord.fetchOne(db, key: invoice.number)!
                    try db.audit("invoice.payment", subject: invoice.number, detail: "\(notice.amount) on \(notice.date.isoString) from \(notice.source)",
                                 actor: context.actor, at: now)
                    report.matched.append(Booked(invoice: invoice.number, amount: notice.amount, state: after.paymentState,
                                                 open: Money(cents: after.openCents), paymentId: booked.id!))
                } else {
                    try db.audit("payment.unmatched", subject: "payment \(booked.id!)", detail: "\(notice.amount) on \(notice.date.isoString)",
                                 actor: context.actor, at: now)
                    report.unmatched.append(notice)
                }
            }
            report.released = try Suspension(context: context).releasePaidUp(in: db, now: now)
            return report
        }
        try ReceivablesFiles(context: context).rewrite()
        return report
    }

    /// A manual booking: `invoice paid NUMBER --date D --amount A [--reference R] [--again]`.
    ///
    /// Refuses a day after today, and an exact repeat of a manual booking
    /// that stands (same invoice, amount, day and reference) unless `again`:
    /// running the same command twice must not book the money twice.
    public func bookManually(invoice number: String, amount: Money, on date: CalendarDate, reference: String? = nil,
                             again: Bool = false) throws -> Report {
        guard amount.cents > 0 else { throw PaymentError.notPositive }
        guard date <= context.today else { throw PaymentError.future(date, today: context.today) }
        let reference = reference?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        let repeated = try context.database.read { db -> Payment? in
            guard try InvoiceRecord.filter(key: number).filter(InvoiceRecord.Columns.kind == InvoiceRecord.Kind.invoice).fetchCount(db) > 0 else {
                throw BillingRunError.notFound(number)
            }
            let same = try Payment.filter(Payment.Columns.kind == Payment.Kind.manual && Payment.Columns.invoiceNumber == number
                                          && Payment.Columns.amountCents == amount.cents && Payment.Columns.bookedOn == date.isoString)
                .fetchAll(db).filter { $0.note == reference }
            let reversed = Set(try Payment.filter(Payment.Columns.kind == Payment.Kind.reversal).fetchAll(db).compactMap(\.relatesTo))
            return same.first { !reversed.contains($0.id ?? -1) }
        }
        if let repeated, !again { throw PaymentError.duplicate(paymentId: repeated.id ?? 0, invoice: number, amount: amount, date: date) }
        let notice = PaymentNotice(amount: amount, date: date, remittance: number, payer: nil,
                                   entryReference: "manual:\(UUID().uuidString)", source: "manual by \(context.actor)")
        return try book([notice], kind: .manual, note: reference)
    }
}

public enum PaymentError: Error, Sendable, CustomStringConvertible {
    case notPositive
    case future(CalendarDate, today: CalendarDate)
    case duplicate(paymentId: Int64, invoice: String, amount: Money, date: CalendarDate)

    public var description: String {
        switch self {
        case .notPositive:
            "the amount must be greater than 0,00 €"
        case .future(let date, let today):
            "the payment date \(date.germanString) is after today (\(today.germanString)); money is booked on the day it arrived"
        case .duplicate(let id, let invoice, let amount, let date):
            "\(amount.germanFormatted) on \(date.germanString) for \(invoice) with this reference is already booked (payment \(id)); "
                + "nothing was booked. If the customer really paid twice, book it again with --again"
        }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
