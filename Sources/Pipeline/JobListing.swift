import Foundation
import GRDB
import Store

/// Read-only queries behind `status`, `audit` and `customers list`.
public struct JobListing: Sendable {
    let runtime: Runtime

    public init(runtime: Runtime) { self.runtime = runtime }

    public func newest(limit: Int, customer: String?, since: Date? = nil) throws -> [Job] {
        try runtime.database.read { db in
            var request = Job.order(Job.Columns.claimedAt.desc, Job.Columns.id.desc).limit(limit)
            if let customer { request = request.filter(Job.Columns.customerId == customer) }
            if let since { request = request.filter(Job.Columns.claimedAt >= since) }
            return try request.fetchAll(db)
        }
    }

    /// The state of each job's e-mail (jobs without one are absent).
    public func mailStates(of jobs: [String]) throws -> [String: OutgoingMail.State] {
        try runtime.database.read { db in
            let mails = try OutgoingMail.filter(jobs.map(OutgoingMail.jobKey).contains(OutgoingMail.Columns.key)).fetchAll(db)
            return Dictionary(mails.map { ($0.reference, $0.state) }) { first, _ in first }
        }
    }

    /// The index as `run` would judge it, and every inbox file with what happens to it next.
    public func inbox(verifyIndex: Bool = false) throws -> (index: IndexHealth, files: [InboxEntry]) {
        let index = IndexHealth.assess(runtime, verify: verifyIndex)
        let customers = Dictionary(uniqueKeysWithValues: try runtime.database.customers().map { ($0.id, $0) })
        return (index, InboxSurvey(runtime: runtime).entries(customers: customers, index: index))
    }
    /// The audit entries `query` selects, oldest first.
    public func audit(_ query: AuditQuery) throws -> [AuditEntry] {
        try runtime.database.auditEntries(query)
    }

    public func customers() throws -> [Customer] {
        try runtime.database.customers()
    }
}
