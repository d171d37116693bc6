import Foundation
import GRDB

/// Which audit entries `robinson audit` shows.
public struct AuditQuery: Sendable {
    /// Only entries about this customer: its master data and mandates, its
    /// jobs and files, its invoices (issue, state, payments, returns, dunning
    /// letters, cancellation), its payments and refunds, the debit files that
    /// carry its invoices and the e-mails about any of these. Billing entries
    /// name only an invoice or payment number; they are found through it.
    public var customer: String?
    /// Only entries whose action, subject or detail contains this text.
    public var containing: String?
    /// Only entries at or after this moment.
    public var since: Date?
    /// Only entries before this moment.
    public var until: Date?
    /// The newest this many entries (shown oldest first).
    public var limit: Int

    public init(customer: String? = nil, containing: String? = nil, since: Date? = nil, until: Date? = nil, limit: Int = 100) {
        self.customer = customer
        self.containing = containing
        self.since = since
        self.until = until
        self.limit = limit
    }
}

extension StateDatabase {
    /// The entries `query` selects, oldest first.
    public func auditEntries(_ query: AuditQuery) throws -> [AuditEntry] {
        try read { db in
            var request = AuditEntry.order(AuditEntry.Columns.id.desc)
            if let text = query.containing {
                let pattern = "%\(text)%"
                request = request.filter(AuditEntry.Columns.action.like(pattern) || AuditEntry.Columns.subject.like(pattern)
                                         || AuditEntry.Columns.detail.like(pattern))
            }
            if let since = query.since { request = request.filter(AuditEntry.Columns.at >= since) }
            if let until = query.until { request = request.filter(AuditEntry.Columns.at < until) }
            guard let customer = query.customer else { return try request.limit(query.limit).fetchAll(db).reversed() }
            let belongs = try CustomerSubjects(customer, in: db)
            var entries: [AuditEntry] = []
            let cursor = try request.fetchCursor(db)
            while entries.count < query.limit, let entry = try cursor.next() {
                if belongs.contains(entry) { entries.append(entry) }
            }
            return entries.reversed()
        }
    }
}

/// Everything an audit entry may name that belongs to one customer.
private struct CustomerSubjects {
    let customer: String
    let subjects: Set<String>
    let jobs: Set<String>

    init(_ customer: String, in db: Database) throws {
        self.customer = customer
        let jobs = try Job.select(Job.Columns.id, as: String.self).filter(Job.Columns.customerId == customer).fetchSet(db)
        let invoices = try InvoiceRecord.select(InvoiceRecord.Columns.number, as: String.self)
            .filter(InvoiceRecord.Columns.customerId == customer).fetchSet(db)
        let mandates = try Mandate.select(Mandate.Columns.reference, as: String.self)
            .filter(Mandate.Columns.customerId == customer).fetchSet(db)
        let payments = try Payment.select(Payment.Columns.id, as: Int64.self)
            .filter(Payment.Columns.customerId == customer || invoices.contains(Payment.Columns.invoiceNumber)).fetchAll(db)
        let collections = try CollectionItem.select(CollectionItem.Columns.messageId, as: String.self)
            .filter(invoices.contains(CollectionItem.Columns.invoiceNumber)).fetchSet(db)
        let mails = try OutgoingMail.select(OutgoingMail.Columns.key, as: String.self)
            .filter(jobs.union(invoices).contains(OutgoingMail.Columns.reference)).fetchSet(db)
        self.jobs = jobs
        subjects = Set([customer]).union(invoices).union(mandates).union(payments.map { "payment \($0)" }).union(collections).union(mails)
    }

    func contains(_ entry: AuditEntry) -> Bool {
        if subjects.contains(entry.subject) { return true }
        // Files of the customer's folders: inbox/K1001/…, <root>/outbox/K1001/…, <root>/rejected/K1001/….
        if entry.subject.hasPrefix("inbox/\(customer)/") || entry.subject.contains("/\(customer)/") { return true }
        return Self.job(in: entry.detail).map(jobs.contains) ?? false
    }

    /// The job an entry's detail names: `job <id>: …` or `job <id>, …`.
    static func job(in detail: String) -> String? {
        guard detail.hasPrefix("job ") else { return nil }
        let id = detail.dropFirst(4).prefix { $0 != ":" && $0 != "," && $0 != " " }
        return id.isEmpty ? nil : String(id)
    }
}
