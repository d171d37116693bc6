import Foundation
import GRDB
import Store

/// `robinson returns import FILE`: books returned and rejected debits.
///
/// Each return marks the debit and the invoice returned with its reason and
/// takes the amount the bank returned off what was received (a partial
/// return reopens only that much; what a bank takes back beyond the debit
/// becomes a `returnDifference` charge, booked against the bank); charges the return fee
/// when the customer caused it (FACTS table; `billing.returnFee`); marks the
/// mandate unusable for AC04/MD01/MD07; and either hands the invoice back
/// for presenting once more on the next collection date
/// (`billing.presentAgainReasons`, default AM04 and MS03) or leaves it open
/// for dunning. A notice booked before changes nothing; an unknown
/// EndToEndId is reported, never guessed.
public struct ReturnBooking: Sendable {
    public let context: BillingContext

    public init(context: BillingContext) {
        self.context = context
    }

    public struct Booked: Sendable, Equatable {
        public var invoice: String
        public var reason: ReturnReason
        public var fee: Money?
        public var presentedAgain: Bool
        public var mandateUnusable: Bool
        /// The amount the bank names where it differs from what we debited (booked anyway: the bank's word counts).
        public var differingAmount: Money?
    }

    public struct Report: Sendable {
        public var booked: [Booked] = []
        public var alreadyBooked = 0
        /// Notices whose EndToEndId is no invoice of ours, with the reason.
        public var unknown: [String] = []
    }

    public func book(_ notices: [ReturnNotice]) throws -> Report {
        let now = context.now
        let report = try context.database.writeImmediate { db in
            try Ledger.advance(in: db, context: context)
            var report = Report()
            for notice in notices {
                guard try BankReturn.filter(BankReturn.Columns.entryReference == notice.entryReference).fetchCount(db) == 0 else {
                    report.alreadyBooked += 1
                    continue
                }
                guard let item = try Presentations.outstanding(endToEndId: notice.endToEndId, in: db),
                      let invoice = try InvoiceRecord.fetchOne(db, key: item.invoiceNumber)
                else {
                    report.unknown.append("\(notice.endToEndId) (\(notice.amount.map(\.description) ?? "amount not given"), \(notice.reason)): no debit of ours with this EndToEndId is outstanding; not booked, check with the bank")
                    continue
                }
                let reason = ReturnReason(code: notice.reason)
                let returnedCents = notice.amount?.cents ?? item.amountCents
                // A mandate amendment this debit carried has not reached the debtor's bank for good: send it again.
                try MandateHistory.returned(endToEndId: item.endToEndId, in: db)
                var record = BankReturn(entryReference: notice.entryReference, endToEndId: notice.endToEndId, invoiceNumber: invoice.number,
                                        amountCents: returnedCents, reason: reason.code, returnedOn: notice.date.isoString,
                                        source: notice.source, createdAt: now)
                try record.insert(db)
                var returnedItem = item
                returnedItem.status = .returned
                try returnedItem.update(db)
                // The debit no longer pays the invoice, as far as the bank took it back. A reject before
                // the collection date is dated on it, so the debit and its reject meet on the same day.
                let debitDate = CalendarDate(iso: item.collectionDate) ?? notice.date
                let bookedOn = max(notice.date, debitDate)
                let debit = try Payment.filter(Payment.Columns.entryReference == "debit:\(item.messageId):\(item.invoiceNumber)").fetchOne(db)
                let reopened = min(returnedCents, item.amountCents)
                try Ledger.post(Payment(entryReference: "return:\(notice.entryReference)", kind: .returned, customerId: invoice.customerId,
                                        invoiceNumber: invoice.number, amountCents: -reopened, bookedOn: bookedOn.isoString,
                                        source: notice.source, remittance: nil, relatesTo: debit?.id, note: reason.code, createdAt: now),
                                in: db, context: context, event: "debit returned (\(reason.code)), \(Money(cents: reopened))")
                if returnedCents > reopened {
                    var difference = Charge(customerId: invoice.customerId, kind: .returnDifference, amountCents: returnedCents - reopened,
                                            description: "Rücklastschrift zu Rechnung \(invoice.number): Mehrbetrag der Bank",
                                            relatesTo: invoice.number, createdOn: bookedOn.isoString)
                    try difference.insert(db)
                }

                var fee: Money?
                if reason.customerPaysFee {
                    var charge = Charge(customerId: invoice.customerId, kind: .returnFee, amountCents: context.settings.returnFee.cents,
                                        description: "Rücklastschrift zu Rechnung \(invoice.number): \(reason.germanText)",
                                        relatesTo: invoice.number, createdOn: notice.date.isoString)
                    try charge.insert(db)
                    fee = context.settings.returnFee
                }
                if reason.mandateUnusable {
                    try Mandate.filter(key: item.mandateReference)
                        .updateAll(db, Mandate.Columns.status.set(to: Mandate.Status.unusable), Mandate.Columns.updatedAt.set(to: now))
                } else if item.sequenceType == .first {
                    // A returned first debit did not use the mandate: the next one is FRST again.
                    try Mandate.filter(key: item.mandateReference).updateAll(db, Mandate.Columns.used.set(to: false))
                }
                let earlierReturns = try CollectionItem.filter(CollectionItem.Columns.invoiceNumber == invoice.number
                                                                  && CollectionItem.Columns.status == CollectionItem.Status.returned).fetchCount(db)
                let presentAgain = context.settings.presentAgainReasons.contains(reason.code) && !reason.mandateUnusable && earlierReturns == 1
                try InvoiceRecord.filter(key: invoice.number)
                    .updateAll(db, InvoiceRecord.Columns.returnReason.set(to: reason.code), InvoiceRecord.Columns.presentAgain.set(to: presentAgain))
                try db.audit("invoice.return", subject: invoice.number,
                             detail: "\(reason), \(Money(cents: returnedCents)), fee \(fee.map(\.description) ?? "none"), \(presentAgain ? "presented again" : "to dunning"), from \(notice.source)",
                             actor: context.actor, at: now)
                let differing = notice.amount.flatMap { $0.cents == item.amountCents ? nil : $0 }
                report.booked.append(Booked(invoice: invoice.number, reason: reason, fee: fee, presentedAgain: presentAgain,
                                            mandateUnusable: reason.mandateUnusable, differingAmount: differing))
            }
            return report
        }
        try ReceivablesFiles(context: context).rewrite()
        return report
    }
}
