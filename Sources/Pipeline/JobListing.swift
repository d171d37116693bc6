import Store

/// Read-only queries behind `status`, `audit` and `customers list`.
public struct JobListing: Sendable {
    let runtime: Runtime

    public init(runtime: Runtime) { self.runtime = runtime }

    public func newest(limit: Int, customer: String?) throws -> [Job] {
        try runtime.database.read { db in
            var request = Job.order(Column("claimedAt").desc, Column("id").desc).limit(limit)
            if let customer { request = request.filter(Column("customerId") == customer) }
            return try request.fetchAll(db)
        }
    }

    public func audit(limit: Int, containing text: String?) throws -> [AuditEntry] {
        try runtime.database.read { db in
            var request = AuditEntry.order(Column("id").desc).limit(limit)
            if let text {
                request = request.filter(Column("action").like("%\(text)%") || Column("subject").like("%\(text)%") || Column("detail").like("%\(text)%"))
            }
            return try request.fetchAll(db).reversed()
        }
    }

    public func customers() throws -> [Customer] {
        try runtime.database.read { try Customer.order(Column("id")).fetchAll($0) }
    }
}
