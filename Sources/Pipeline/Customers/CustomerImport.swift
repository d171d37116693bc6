import Foundation
import Formats
import Matching
import Store

/// `robinson customers import FILE`: customer master data from CSV
/// (`id;name;notify_email;lists;status;output_compression`, README). All or
/// nothing: one bad line imports nothing; every change goes to the audit log.
public struct CustomerImport: Sendable {
    let runtime: Runtime

    public init(runtime: Runtime) { self.runtime = runtime }

    public struct Report: Sendable {
        public var inserted: [String] = []
        public var updated: [String] = []
        public var unchanged: [String] = []
    }

    public func run(path: String) throws -> Report {
        let customers = try parse(path: path)
        let now = runtime.now
        let report = try runtime.database.write { db in
            var report = Report()
            for var customer in customers {
                customer.updatedAt = now
                if let existing = try Customer.fetchOne(db, key: customer.id) {
                    let changes = Self.changes(from: existing, to: customer)
                    if changes.isEmpty {
                        report.unchanged.append(customer.id)
                        continue
                    }
                    try customer.update(db)
                    try db.audit("customer.update", subject: customer.id, detail: changes.joined(separator: "; "), actor: runtime.actor, at: now)
                    report.updated.append(customer.id)
                } else {
                    try customer.insert(db)
                    try db.audit("customer.create", subject: customer.id, detail: "lists \(customer.lists), status \(customer.status.rawValue)", actor: runtime.actor, at: now)
                    report.inserted.append(customer.id)
                }
            }
            return report
        }
        // Each customer gets its inbox folder, so ops (or the upload server) can drop files at once.
        for customer in customers where customer.status != .terminated {
            try runtime.root.makeFolder(runtime.root.inbox + "/" + customer.id)
        }
        return report
    }

    static func changes(from old: Customer, to new: Customer) -> [String] {
        var changes: [String] = []
        if old.name != new.name { changes.append("name changed") }
        if old.notifyEmail != new.notifyEmail { changes.append("notify_email changed") }
        if old.lists != new.lists { changes.append("lists \(old.lists) → \(new.lists)") }
        if old.status != new.status { changes.append("status \(old.status.rawValue) → \(new.status.rawValue)") }
        if old.outputCompression != new.outputCompression { changes.append("output_compression \(old.outputCompression.rawValue) → \(new.outputCompression.rawValue)") }
        return changes
    }

    func parse(path: String) throws -> [Customer] {
        let table = try CSVTable.read(path: path, required: ["id", "name", "lists"])
        var customers: [Customer] = []
        var seen = Set<String>()
        for row in table.rows {
            let id = row["id"]
            guard InputName.isValidCustomerId(id) else {
                throw table.error(row, field: "id", "'\(id)' is not a valid customer id (letters, digits, - and _; it is also the inbox folder name)")
            }
            guard seen.insert(id).inserted else { throw table.error(row, field: "id", "customer \(id) appears twice") }
            let name = row["name"]
            guard !name.isEmpty else { throw table.error(row, field: "name", "the name is empty") }
            var notify: String?
            if !row["notify_email"].isEmpty {
                switch EmailNormalizer.normalize(row["notify_email"]) {
                case .success(let address): notify = address
                case .failure(let why): throw table.error(row, field: "notify_email", "'\(row["notify_email"])' is not an e-mail address (\(why.reason))")
                }
            }
            let lists: ListSet
            do {
                lists = try ListSet(names: row["lists"])
            } catch {
                throw table.error(row, field: "lists", "\(error)")
            }
            guard !lists.isEmpty else { throw table.error(row, field: "lists", "no list booked; use e.g. post,telefon") }
            let statusText = row["status"].isEmpty ? "active" : row["status"].lowercased()
            guard let status = Customer.Status(rawValue: statusText) else {
                throw table.error(row, field: "status", "'\(row["status"])' is not a status; use active, suspended or terminated")
            }
            let compressionText = row["output_compression"].isEmpty ? "asInput" : row["output_compression"]
            guard let compression = Customer.OutputCompression.allCases.first(where: { $0.rawValue.lowercased() == compressionText.lowercased() }) else {
                throw table.error(row, field: "output_compression", "'\(compressionText)' is not allowed; use asInput, none or zstd")
            }
            customers.append(Customer(id: id, name: name, notifyEmail: notify, lists: lists.joined(separator: ","),
                                      status: status, outputCompression: compression, updatedAt: runtime.now))
        }
        return customers
    }
}
