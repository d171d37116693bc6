import Foundation
import Formats
import GRDB
import Store

/// `robinson invoice cancel NUMBER --reason TEXT`: an issued invoice never
/// changes; it is reversed by a credit note (Rechnungskorrektur) with its own
/// number from the same sequence, dated today, repeating the invoice's lines.
public struct InvoiceCancellation: Sendable {
    public let context: BillingContext

    public init(context: BillingContext) {
        self.context = context
    }

    /// Issues the credit note and writes its documents; returns its record.
    public func cancel(number: String, reason: String) throws -> InvoiceRecord {
        try cancelDelivering(number: number, reason: reason).creditNote
    }

    /// Issues the credit note, writes its documents and e-mails (or prints) them.
    public func cancelDelivering(number: String, reason: String) throws -> (creditNote: InvoiceRecord, delivery: DeliveryReport) {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw BillingRunError.emptyReason }
        let lock = try context.lock()
        defer { withExtendedLifetime(lock) {} }
        let now = context.now
        let today = context.today
        let creditNote = try context.database.writeImmediate { db in
            try Ledger.advance(in: db, context: context)
            guard let original = try InvoiceRecord.fetchOne(db, key: number) else { throw BillingRunError.notFound(number) }
            guard original.kind == .invoice else { throw BillingRunError.notCancellable(number, why: "it is itself a credit note") }
            guard original.paymentState != .cancelled else {
                throw BillingRunError.notCancellable(number, why: "it was already cancelled by \(original.cancelledBy ?? "a credit note")")
            }
            let document = try InvoiceStorage.decode(original)
            guard let month = YearMonth(iso: original.serviceMonth) else { throw BillingRunError.notFound(number) }
            let creditNote = try InvoiceStorage.insert(
                in: db, kind: .creditNote, serviceMonth: month, issueDate: today,
                numbering: { creditNumber in
                    var note = document
                    note.kind = .creditNote
                    note.number = creditNumber.description
                    note.issueDate = today
                    note.dueDate = today
                    note.payment = .settlement
                    note.precedingInvoice = PrecedingInvoice(number: original.number, issueDate: document.issueDate, reason: reason)
                    note.notes = ["Storno der Rechnung \(original.number) vom \(document.issueDate.germanString): \(reason)"]
                    // What the invoice received (a debit under way included) is refunded by a named day; the rest is no longer owed.
                    let paid = Money(cents: max(0, original.paidCents))
                    note.creditSettlement = CreditSettlement(paid: paid, refundBy: paid.cents > 0 ? today.adding(days: context.settings.refundDays) : nil)
                    return note
                },
                mandateReference: nil, cancels: original.number, state: .creditNote, now: now)
            try InvoiceRecord.filter(key: original.number)
                .updateAll(db, InvoiceRecord.Columns.cancelledBy.set(to: creditNote.number), InvoiceRecord.Columns.cancelledOn.set(to: today.isoString))
            try Ledger.refresh(original.number, in: db, context: context, event: "cancelled by credit note \(creditNote.number)")
            try db.audit("invoice.cancel", subject: original.number,
                         detail: "credit note \(creditNote.number), reason: \(reason)", actor: context.actor, at: now)
            return creditNote
        }
        let delivery = try InvoiceFiles(context: context).completePending().delivery
        try ReceivablesFiles(context: context).rewrite()
        return (creditNote, delivery)
    }
}
