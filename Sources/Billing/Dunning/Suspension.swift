import Foundation
import GRDB
import Store

/// Suspends customers in arrears and lets them back in once they have paid.
/// A suspended customer's inbox files are held by the pipeline (not
/// processed, reported on every run) until the suspension is lifted.
struct Suspension {
    let context: BillingContext

    /// Overdue = open amounts of invoices due before `date`.
    static func overdueCents(in db: Database, customer: String, dueBefore date: CalendarDate) throws -> Int64 {
        try InvoiceRecord.filter(InvoiceRecord.Columns.customerId == customer && InvoiceRecord.Columns.kind == InvoiceRecord.Kind.invoice
                                 && PaymentState.owing.contains(InvoiceRecord.Columns.paymentState) && InvoiceRecord.Columns.dueDate < date.isoString)
            .fetchAll(db).map(\.openCents).reduce(0, +)
    }

    /// Suspends active customers whose overdue amount reaches `suspendAtMonthlyFees`
    /// monthly fees (001 §5.4), or who left a final dunning letter unpaid. Returns them with the reason.
    func suspendOverdue(in db: Database, on date: CalendarDate, now: Date) throws -> [(customer: String, reason: String)] {
        let settings = context.settings.dunning
        var suspended: [(String, String)] = []
        for customer in try Customer.filter(Customer.Columns.status == Customer.Status.active).fetchAll(db) {
            let overdue = try Self.overdueCents(in: db, customer: customer.id, dueBefore: date)
            guard overdue > 0 else { continue }
            var reason: String?
            if let planId = customer.planId, let plan = try Plan.fetchOne(db, key: planId) {
                let monthly = plan.monthlyFeeCents ?? plan.annualFeeCents.map { $0 / 12 } ?? 0
                let threshold = monthly * Int64(settings.suspendAtMonthlyFees)
                if threshold > 0 && overdue >= threshold {
                    reason = "overdue \(Money(cents: overdue)) reaches \(settings.suspendAtMonthlyFees) monthly fees (\(Money(cents: threshold)))"
                }
            }
            if reason == nil && settings.suspendAfterFinalLevel {
                let openInvoices = InvoiceRecord.filter(InvoiceRecord.Columns.customerId == customer.id
                                                        && PaymentState.owing.contains(InvoiceRecord.Columns.paymentState))
                    .select(InvoiceRecord.Columns.number)
                let unpaidFinal = try DunningNotice.filter(openInvoices.contains(DunningNotice.Columns.invoiceNumber)
                                                           && DunningNotice.Columns.level == settings.finalLevel
                                                           && DunningNotice.Columns.sentOn < date.isoString).fetchCount(db)
                if unpaidFinal > 0 { reason = "the final dunning letter was not paid" }
            }
            guard let reason else { continue }
            try Customer.filter(key: customer.id).updateAll(db, Customer.Columns.status.set(to: Customer.Status.suspended),
                                                            Customer.Columns.suspendedForArrears.set(to: true), Customer.Columns.updatedAt.set(to: now))
            try db.audit("customer.suspend", subject: customer.id, detail: reason, actor: context.actor, at: now)
            suspended.append((customer.id, reason))
        }
        return suspended
    }

    /// Lifts the suspension of customers suspended for arrears who owe nothing overdue any more.
    func releasePaidUp(in db: Database, now: Date) throws -> [String] {
        let today = CalendarDate(now)
        var released: [String] = []
        for customer in try Customer.filter(Customer.Columns.suspendedForArrears == true).fetchAll(db)
        // Paid in full: nothing open that was due today or earlier.
        where try Self.overdueCents(in: db, customer: customer.id, dueBefore: today.adding(days: 1)) == 0 {
            try Customer.filter(key: customer.id).updateAll(db, Customer.Columns.status.set(to: Customer.Status.active),
                                                            Customer.Columns.suspendedForArrears.set(to: false), Customer.Columns.updatedAt.set(to: now))
            try db.audit("customer.release", subject: customer.id, detail: "paid in full; held inbox files are processed by the next run",
                         actor: context.actor, at: now)
            released.append(customer.id)
        }
        return released
    }
}
