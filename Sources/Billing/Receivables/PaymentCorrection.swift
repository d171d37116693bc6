import Foundation
import GRDB
import Store

/// Corrections of booked money, each a new row on the ledger (rows are
/// never changed), audited, with its DATEV line: `payments reverse`
/// (undo a booking), `payments assign` (give an unmatched credit to an
/// invoice), `payments refund` (pay a customer's credit back).
public struct PaymentCorrection: Sendable {
    public let context: BillingContext

    public init(context: BillingContext) {
        self.context = context
    }

    /// Undoes payment `id` today with a reversal row (DATEV: the same line with Generalumkehr).
    /// Transfers, manual bookings, assignments and refunds can be reversed, each once; a debit
    /// is undone by the bank's return, and an unmatched credit that was assigned needs its assignment reversed first.
    public func reverse(paymentId id: Int64, reason: String) throws -> Payment {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw CorrectionError.emptyReason }
        let (row, released) = try context.database.writeImmediate { db -> (Payment, [String]) in
            try Ledger.advance(in: db, context: context)
            guard let original = try Payment.fetchOne(db, key: id) else { throw CorrectionError.noPayment(id) }
            guard [.transfer, .manual, .assignment, .refund].contains(original.kind) else {
                throw CorrectionError.notReversible(id, kind: original.kind)
            }
            let related = try Payment.filter(Payment.Columns.relatesTo == id).fetchAll(db)
            if let earlier = related.first(where: { $0.kind == .reversal }) { throw CorrectionError.alreadyReversed(id, by: earlier.id ?? 0) }
            let reversed = try reversedIds(db)
            if original.customerId == nil, let assignment = related.first(where: { $0.kind == .assignment && !reversed.contains($0.id ?? -1) }) {
                throw CorrectionError.assigned(id, by: assignment.id ?? 0)
            }
            let reversal = Payment(entryReference: "reversal:\(id)", kind: .reversal, customerId: original.customerId,
                                   invoiceNumber: original.invoiceNumber, amountCents: -original.amountCents,
                                   bookedOn: context.today.isoString, source: "reversal by \(context.actor)", remittance: nil,
                                   relatesTo: id, note: reason, createdAt: context.now)
            guard let booked = try Ledger.post(reversal, in: db, context: context, event: "payment \(id) reversed: \(reason)") else {
                throw CorrectionError.alreadyReversed(id, by: 0)
            }
            try db.audit("payment.reverse", subject: "payment \(id)",
                         detail: "\(Money(cents: original.amountCents)) of \(original.bookedOn)\(original.invoiceNumber.map { " on \($0)" } ?? ""): \(reason)",
                         actor: context.actor, at: context.now)
            return (booked, try Suspension(context: context).releasePaidUp(in: db, now: context.now))
        }
        _ = released
        try ReceivablesFiles(context: context).rewrite()
        return row
    }

    /// Gives what is left of unmatched credit `id` to `invoice` today; more than it owes becomes the customer's credit.
    public func assign(paymentId id: Int64, to number: String) throws -> (row: Payment, invoice: InvoiceRecord, released: [String]) {
        let result = try context.database.writeImmediate { db -> (Payment, InvoiceRecord, [String]) in
            try Ledger.advance(in: db, context: context)
            guard let credit = try Payment.fetchOne(db, key: id) else { throw CorrectionError.noPayment(id) }
            guard try Unmatched.isOpen(credit, in: db) else { throw CorrectionError.notUnmatched(id) }
            guard let invoice = try InvoiceRecord.filter(key: number).filter(InvoiceRecord.Columns.kind == InvoiceRecord.Kind.invoice).fetchOne(db) else {
                throw BillingRunError.notFound(number)
            }
            let left = try Unmatched.left(of: credit, in: db)
            let row = Payment(entryReference: "assignment:\(id):\(UUID().uuidString)", kind: .assignment, customerId: invoice.customerId,
                              invoiceNumber: number, amountCents: left, bookedOn: context.today.isoString,
                              source: "assignment by \(context.actor)", remittance: credit.remittance, relatesTo: id, createdAt: context.now)
            let booked = try Ledger.post(row, in: db, context: context, event: "unmatched payment \(id) assigned")!
            try db.audit("payment.assign", subject: "payment \(id)", detail: "\(Money(cents: left)) to \(number)", actor: context.actor, at: context.now)
            let released = try Suspension(context: context).releasePaidUp(in: db, now: context.now)
            return (booked, try InvoiceRecord.fetchOne(db, key: number)!, released)
        }
        try ReceivablesFiles(context: context).rewrite()
        return result
    }

    /// The customer's credit today: what their overpaid and cancelled-but-paid invoices hold beyond what they owe.
    public func credit(of customer: String) throws -> Money {
        try context.database.read { db in Money(cents: try creditInvoices(of: customer, in: db).map { -$0.openCents }.reduce(0, +)) }
    }

    /// Pays `amount` (default: all) of the customer's credit back today, taken from their invoices oldest first.
    public func refund(customer: String, amount: Money?, reason: String) throws -> [Payment] {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw CorrectionError.emptyReason }
        let rows = try context.database.writeImmediate { db -> [Payment] in
            try Ledger.advance(in: db, context: context)
            let holders = try creditInvoices(of: customer, in: db)
            let credit = holders.map { -$0.openCents }.reduce(0, +)
            let wanted = amount?.cents ?? credit
            guard wanted > 0, wanted <= credit else { throw CorrectionError.refundExceedsCredit(customer, asked: Money(cents: wanted), credit: Money(cents: credit)) }
            var remaining = wanted
            var rows: [Payment] = []
            for invoice in holders where remaining > 0 {
                let part = min(remaining, -invoice.openCents)
                let row = Payment(entryReference: "refund:\(UUID().uuidString)", kind: .refund, customerId: customer, invoiceNumber: invoice.number,
                                  amountCents: -part, bookedOn: context.today.isoString, source: "refund by \(context.actor)", remittance: nil,
                                  note: reason, createdAt: context.now)
                rows.append(try Ledger.post(row, in: db, context: context, event: "credit refunded: \(reason)")!)
                remaining -= part
            }
            try db.audit("customer.refund", subject: customer, detail: "\(Money(cents: wanted)): \(reason)", actor: context.actor, at: context.now)
            return rows
        }
        try ReceivablesFiles(context: context).rewrite()
        return rows
    }

    private func creditInvoices(of customer: String, in db: Database) throws -> [InvoiceRecord] {
        try InvoiceRecord.filter(InvoiceRecord.Columns.customerId == customer && InvoiceRecord.Columns.kind == InvoiceRecord.Kind.invoice)
            .order(InvoiceRecord.Columns.year, InvoiceRecord.Columns.sequence).fetchAll(db)
            .filter { $0.openCents < 0 }
    }

    private func reversedIds(_ db: Database) throws -> Set<Int64> {
        Set(try Payment.filter(Payment.Columns.kind == Payment.Kind.reversal).fetchAll(db).compactMap(\.relatesTo))
    }
}

public enum CorrectionError: Error, Sendable, Equatable, CustomStringConvertible {
    case emptyReason
    case noPayment(Int64)
    case notReversible(Int64, kind: Payment.Kind)
    case alreadyReversed(Int64, by: Int64)
    case assigned(Int64, by: Int64)
    case notUnmatched(Int64)
    case refundExceedsCredit(String, asked: Money, credit: Money)

    public var description: String {
        switch self {
        case .emptyReason: "a correction needs a reason, which goes into the audit log"
        case .noPayment(let id): "there is no payment \(id)"
        case .notReversible(let id, let kind):
            "payment \(id) is a \(kind.rawValue) row and cannot be reversed: a debit is undone by the bank's return, other rows by reversing what caused them"
        case .alreadyReversed(let id, let by): "payment \(id) was already reversed (payment \(by)); nothing was booked"
        case .assigned(let id, let by): "payment \(id) was assigned to an invoice (payment \(by)); reverse that assignment first"
        case .notUnmatched(let id): "payment \(id) is not an unmatched credit with an amount left"
        case .refundExceedsCredit(let customer, let asked, let credit):
            "customer \(customer) has \(credit.germanFormatted) credit; \(asked.germanFormatted) cannot be refunded"
        }
    }
}
