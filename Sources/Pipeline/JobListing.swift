import GRDB
import Store

/// Read-only queries behind `status`, `audit` and `customers list`.
public struct JobListing: Sendable {
    let runtime: Runtime

    public init(runtime: Runtime) { self.runtime = runtime }

    public func newest(limit: Int, customer: String?) throws -> [Job] {
        try runtime.database.read { db in
            var request = Job.order(Job.Columns.claimedAt.desc, Job.Columns.id.desc).limit(limit)
            if let customer { request = request.filter(Job.Columns.customerId == customer) }
            return try request.fetchAll(db)
        }
    }

    /// The "file is ready" e-mail of each of `jobs` that has one, by job id.
    public func mails(of jobs: [Job]) throws -> [String: OutgoingMail] {
        let keys = jobs.map { OutgoingMail.jobKey($0.id) }
        return try runtime.database.read { db in
            Dictionary(uniqueKeysWithValues: try OutgoingMail.filter(keys.contains(OutgoingMail.Columns.key)).fetchAll(db).map { ($0.reference, $0) })
        }
    }

    public func audit(limit: Int, containing text: String?) throws -> [AuditEntry] {
        try runtime.database.read { db in
            var request = AuditEntry.order(AuditEntry.Columns.id.desc).limit(limit)
            if let text {
                let pattern = "%\(text)%"
                request = request.filter(AuditEntry.Columns.action.like(pattern) || AuditEntry.Columns.subject.like(pattern)
                                         || AuditEntry.Columns.detail.like(pattern))
            }
            return try request.fetchAll(db).reversed()
        }
    }

    public func customers() throws -> [Customer] {
        try runtime.database.customers()
    }
}
