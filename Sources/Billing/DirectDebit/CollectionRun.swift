import Foundation
import Formats
import GRDB
import Store

/// `robinson collect`: one pain.008 file per scheme with every SEPA invoice
/// not collected yet (and each one a return handed back for presenting again).
///
/// The file is built, checked by our rules and the configured XSDs, and
/// stored in the database with its debits in one transaction; only then is
/// it written to `billing/YYYY-MM/sepa/`. A crash in between leaves the stored
/// file to be written by the next run, never a second file with the same
/// debits: an invoice is collected once.
public struct CollectionRun: Sendable {
    public let context: BillingContext

    public init(context: BillingContext) {
        self.context = context
    }

    public struct File: Sendable {
        public var messageId: String
        public var scheme: String
        public var path: String
        public var summaryPath: String
        public var count: Int
        public var sum: Money
        /// Collection date, sequence type, count and sum of each payment group.
        public var groups: [(date: CalendarDate, sequence: String, count: Int, sum: Money)]
    }

    public struct Report: Sendable {
        public var files: [File] = []
        /// Invoices that could not be collected, with the reason and what to do.
        public var skipped: [(invoice: String, reason: String)] = []
        /// Files stored by an earlier, interrupted run and written now.
        public var completed: [String] = []
    }

    /// `fileDate`: the day the file goes to the bank (default today); collection dates are computed from it.
    public func run(fileDate: CalendarDate? = nil) throws -> Report {
        let lock = try context.lock()
        defer { withExtendedLifetime(lock) {} }
        // Nobody pays by direct debit: nothing to collect, and no creditor data are needed.
        let sepaInUse = try context.database.read { db in
            try Customer.filter(Customer.Columns.paymentMethod == Customer.PaymentMethod.sepa).fetchCount(db) > 0
        }
        guard sepaInUse else { return Report() }
        let seller = try context.settings.checkedSeller(sepa: true)
        let schemas = try context.settings.pain008Schemas.map { path throws(XMLSchemaError) in try XMLSchema(path: path) }
        let created = fileDate ?? context.today
        let now = context.now
        var report = Report()

        let creditorName = SepaText.name(seller.name).value
        try context.database.writeImmediate { db in
            try Ledger.advance(in: db, context: context)
            try MandateHistory.recordCreditorChanges(identifier: seller.creditorIdentifier ?? "", name: creditorName, at: now, in: db)
            let plan = try CollectionPlanner(context: context, created: created).plan(in: db)
            report.skipped = plan.skipped
            for (scheme, debits) in plan.debitsByScheme.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                let serial = try CollectionRecord.fetchCount(db) + 1
                let message = CollectionPlanner.message(scheme: scheme, debits: debits, seller: seller, created: now, serial: serial,
                                                        batchBooking: context.settings.batchBooking(scheme))
                let xml = Pain008Writer.xml(message)
                var problems = Pain008Checks.check(xml, created: created)
                for schema in schemas {
                    problems += schema.violations(of: xml).map { "\((schema.path as NSString).lastPathComponent): \($0)" }
                }
                guard problems.isEmpty else { throw CollectionError.invalid(messageId: message.messageId, problems: problems) }
                let month = debits.map(\.serviceMonth).max()!
                let path = context.monthFolder(month) + "/sepa/pain008-\(message.messageId).xml"
                let record = CollectionRecord(messageId: message.messageId, scheme: scheme == .b2b ? .b2b : .core, createdAt: now, path: path,
                                              transactions: message.debits.count, sumCents: message.total.cents, document: Data(xml))
                try record.insert(db)
                for group in message.groups {
                    for debit in group.debits {
                        try CollectionItem(messageId: message.messageId, invoiceNumber: debit.invoiceNumber, endToEndId: debit.endToEndId,
                                           sequenceType: group.sequenceType == .first ? .first : .recurring, collectionDate: group.collectionDate.isoString, amountCents: debit.amount.cents,
                                           mandateReference: debit.mandateReference).insert(db)
                        try Mandate.filter(key: debit.mandateReference)
                            .updateAll(db, Mandate.Columns.used.set(to: true), Mandate.Columns.lastCollectedOn.set(to: group.collectionDate.isoString))
                        try InvoiceRecord.filter(key: debit.invoiceNumber).updateAll(db, InvoiceRecord.Columns.presentAgain.set(to: false))
                        // The debit pays the invoice from its collection date unless the bank returns it (then `returns import` books that).
                        let customer = debits.first { $0.invoice.number == debit.invoiceNumber }?.invoice.customerId
                        try Ledger.post(Payment(entryReference: "debit:\(message.messageId):\(debit.invoiceNumber)", kind: .debit, customerId: customer,
                                                invoiceNumber: debit.invoiceNumber, amountCents: debit.amount.cents,
                                                bookedOn: group.collectionDate.isoString, source: "pain.008 \(message.messageId)",
                                                remittance: nil, createdAt: now),
                                        in: db, context: context,
                                        event: "debit of \(debit.amount) on \(group.collectionDate.isoString) in \(message.messageId)")
                    }
                }
                // Amendments go to the bank once: with these debits.
                for debit in debits {
                    try MandateHistory.debited(debit.mandate, endToEndId: debit.endToEndId, carried: debit.amendment != nil,
                                               creditorIdentifier: message.creditor.creditorIdentifier, creditorName: creditorName, in: db)
                }
                try db.audit("collection.create", subject: message.messageId,
                             detail: "\(scheme.rawValue), \(message.debits.count) debits, \(message.total)", actor: context.actor, at: now)
                report.files.append(File(messageId: message.messageId, scheme: scheme.rawValue, path: path,
                                         summaryPath: CollectionFiles.summaryPath(path), count: message.debits.count, sum: message.total,
                                         groups: message.groups.map { ($0.collectionDate, $0.sequenceType.rawValue, $0.debits.count, $0.total) }))
            }
        }
        FaultInjection.trip("collect:after-record")
        let written = try CollectionFiles(context: context).completePending()
        report.completed = written.filter { id in !report.files.contains { $0.messageId == id } }
        try ReceivablesFiles(context: context).rewrite()
        return report
    }
}

public enum CollectionError: Error, Sendable, CustomStringConvertible {
    case invalid(messageId: String, problems: [String])

    public var description: String {
        switch self {
        case .invalid(let id, let problems):
            "the pain.008 \(id) failed its checks and was not written (nothing was recorded as collected): "
                + problems.prefix(5).joined(separator: "; ") + (problems.count > 5 ? " (and \(problems.count - 5) more)" : "")
        }
    }
}
