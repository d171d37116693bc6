import Foundation
import GRDB
import Store

/// The receivables ledger: the only place that writes payment rows, keeps an
/// invoice's `paidCents`, and moves its ``PaymentState``. Every change of
/// state is audited (`invoice.state`, from → to and why) and marks the
/// invoice's month for its register to be rewritten, in the caller's
/// transaction, so the money, the state and the register never disagree.
enum Ledger {
    /// Books `row` unless its `entryReference` was booked before (a file imported twice); returns it with its id, or nil.
    @discardableResult
    static func post(_ row: Payment, in db: Database, context: BillingContext, event: String) throws -> Payment? {
        guard try Payment.filter(Payment.Columns.entryReference == row.entryReference).fetchCount(db) == 0 else { return nil }
        var row = row
        try row.insert(db)
        if let number = row.invoiceNumber {
            try InvoiceRecord.filter(key: number).updateAll(db, InvoiceRecord.Columns.paidCents += row.amountCents)
            try refresh(number, in: db, context: context, event: event)
        }
        return row
    }

    /// Computes the invoice's position today from its rows and stores it; a
    /// new state is audited. Its register is marked for rewriting either way
    /// (amounts may have changed without the state).
    @discardableResult
    static func refresh(_ number: String, in db: Database, context: BillingContext, event: String) throws -> PaymentState? {
        guard var invoice = try InvoiceRecord.fetchOne(db, key: number) else { return nil }
        let rows = try Payment.filter(Payment.Columns.invoiceNumber == number).fetchAll(db)
        let position = InvoicePosition.of(invoice, rows: rows, on: context.today)
        let before = invoice.paymentState
        invoice.paymentState = position.state
        invoice.settledOn = position.settledOn?.isoString
        try invoice.update(db)
        try PendingRegister.mark(invoice.serviceMonth, in: db)
        guard before != position.state else { return nil }
        try db.audit("invoice.state", subject: number, detail: "\(before.label) → \(position.state.label): \(event)",
                     actor: context.actor, at: context.now)
        return position.state
    }

    /// Moves on the states that change with time alone: a debit date comes
    /// (collection submitted → collected), a return window closes (collected
    /// → paid). Every command that reads or changes money calls it first.
    @discardableResult
    static func advance(in db: Database, context: BillingContext) throws -> [String] {
        let waiting = try InvoiceRecord.filter([PaymentState.collectionSubmitted, .collected].contains(InvoiceRecord.Columns.paymentState))
            .select(InvoiceRecord.Columns.number, as: String.self).fetchAll(db)
        return try waiting.filter { try refresh($0, in: db, context: context, event: "as of \(context.today.isoString)") != nil }
    }
}
