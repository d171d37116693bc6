import Foundation
import GRDB
import Store

/// Money that came in naming no invoice: kept (booked against unassigned
/// payments in DATEV) until `payments assign` gives it to an invoice or a
/// reversal takes it off. Listed by `payments list --unmatched` at any time.
public enum Unmatched {
    /// An unmatched credit and what of it is still unassigned.
    public struct Credit: Sendable, Equatable {
        public var payment: Payment
        public var left: Money
    }

    /// Every credit with something left, oldest first.
    public static func open(in db: Database) throws -> [Credit] {
        let credits = try Payment.filter(Payment.Columns.customerId == nil && [Payment.Kind.transfer, .manual].contains(Payment.Columns.kind))
            .order(Payment.Columns.bookedOn, Payment.Columns.id).fetchAll(db)
        return try credits.compactMap { credit in
            let left = try self.left(of: credit, in: db)
            return left > 0 ? Credit(payment: credit, left: Money(cents: left)) : nil
        }
    }

    static func isOpen(_ payment: Payment, in db: Database) throws -> Bool {
        guard payment.customerId == nil, [.transfer, .manual].contains(payment.kind) else { return false }
        return try left(of: payment, in: db) > 0
    }

    /// The amount less what was assigned from it and what reversals took off.
    static func left(of credit: Payment, in db: Database) throws -> Int64 {
        guard let id = credit.id else { return 0 }
        let related = try Payment.filter(Payment.Columns.relatesTo == id).fetchAll(db)
        let assigned = related.filter { $0.kind == .assignment }.map(\.amountCents).reduce(0, +)
        let reversed = related.filter { $0.kind == .reversal }.map(\.amountCents).reduce(0, +)
        return credit.amountCents - assigned + reversed
    }
}
