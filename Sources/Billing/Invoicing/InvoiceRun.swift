import Foundation
import Formats
import GRDB
import Store

/// `robinson bill --month YYYY-MM`: one invoice per customer with anything to
/// bill for the month, numbered gaplessly, stored, then written as PDF and
/// XRechnung XML, and the month's register updated.
///
/// Crash safety: numbers and invoice rows are committed in one transaction
/// (all of the month or none); the documents are rendered from the stored
/// rows afterwards, and any whose writing was interrupted are written by the
/// next billing command. Running a month again issues nothing new.
public struct InvoiceRun: Sendable {
    public let context: BillingContext

    public init(context: BillingContext) {
        self.context = context
    }

    /// What the run would issue, without numbers and without writing anything.
    public func preview(month: YearMonth) throws -> MonthPlan {
        try checkSeller()
        return try context.database.read { db in try MonthPlanner(context: context).plan(month, in: db) }
    }

    /// Refuses to plan or issue anything while the seller lacks what an invoice must show.
    /// Where no customer has a plan nobody is billed, so an install that only matches needs no seller data.
    private func checkSeller() throws {
        let (billed, sepa) = try context.database.read { db in
            (try Customer.filter(Customer.Columns.planId != nil).fetchCount(db) > 0,
             try Customer.filter(Customer.Columns.paymentMethod == Customer.PaymentMethod.sepa).fetchCount(db) > 0)
        }
        guard billed else { return }
        _ = try context.settings.checkedSeller(sepa: sepa)
    }

    public struct Report: Sendable {
        public var month: YearMonth
        /// The invoices this run issued, in number order.
        public var issued: [InvoiceRecord] = []
        public var skipped: [SkippedCustomer] = []
        /// Customers invoiced for the month before this run.
        public var alreadyIssued: [String: String] = [:]
        /// Documents written (this run's, plus any left by an interrupted run).
        public var documentsWritten: [String] = []
        public var folder: String
        public var register: String
        /// The e-mails queued (and handed over) and the print copies of the documents written.
        public var delivery = DeliveryReport()
    }

    public func issue(month: YearMonth) throws -> Report {
        // Not before the planned issue date: the month's usage is complete and no
        // invoice is dated in the future. Cron may therefore call `bill` daily.
        let planned = MonthPlanner(context: context).plannedIssueDate(for: month)
        guard context.today >= planned else { throw BillingRunError.tooEarly(month: month, from: planned) }
        let lock = try context.lock()
        defer { withExtendedLifetime(lock) {} }

        let now = context.now
        try checkSeller()

        let (plan, issued) = try context.database.writeImmediate { db in
            try Ledger.advance(in: db, context: context)
            // Planned inside the write transaction: a second run started at the same time sees these invoices.
            let plan = try MonthPlanner(context: context).plan(month, in: db)
            var issued: [InvoiceRecord] = []
            for draft in plan.drafts {
                let record = try InvoiceStorage.insert(
                    in: db, kind: .invoice, serviceMonth: month, issueDate: draft.document.issueDate,
                    numbering: draft.numbered, mandateReference: draft.mandateReference, cancels: nil, state: .issued, now: now)
                for id in draft.chargeIds {
                    try Charge.filter(key: id).updateAll(db, Charge.Columns.billedInvoice.set(to: record.number),
                                                         Charge.Columns.billedOn.set(to: record.issueDate))
                }
                try db.audit("invoice.issue", subject: record.number,
                             detail: "customer \(record.customerId), month \(month), gross \(Money(cents: record.grossCents))",
                             actor: context.actor, at: now)
                issued.append(record)
            }
            return (plan, issued)
        }
        FaultInjection.trip("billing:after-numbers")

        let files = InvoiceFiles(context: context)
        let (written, delivery) = try files.completePending()
        try ReceivablesFiles(context: context).rewrite()
        let register = InvoiceRegister(context: context).path(month.isoString)
        return Report(month: month, issued: issued, skipped: plan.skipped, alreadyIssued: plan.alreadyIssued,
                      documentsWritten: written, folder: context.monthFolder(month.isoString),
                      register: FileManager.default.fileExists(atPath: register) ? register : "", delivery: delivery)
    }
}

public enum BillingRunError: Error, Sendable, CustomStringConvertible {
    case tooEarly(month: YearMonth, from: CalendarDate)
    case locked
    case notFound(String)
    case notCancellable(String, why: String)
    case emptyReason

    public var description: String {
        switch self {
        case .tooEarly(let month, let from):
            "the invoices for \(month) are issued on \(from.germanString) (billing.issueWorkingDay); nothing was issued. Run bill on or after that day, or look at the month now with --dry-run."
        case .locked:
            "another billing command holds state/billing.lock"
        case .notFound(let number):
            "there is no invoice \(number); `robinson invoice list` shows the numbers"
        case .notCancellable(let number, let why):
            "invoice \(number) cannot be cancelled: \(why)"
        case .emptyReason:
            "a cancellation needs a reason (--reason), which is printed on the credit note"
        }
    }
}
