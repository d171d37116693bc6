import Foundation
import Formats
import GRDB
import Store

/// Where an import writes and who it names in the audit log.
public struct MasterDataImport: Sendable {
    public let database: StateDatabase
    public let actor: String
    public let now: Date

    public init(database: StateDatabase, actor: String, now: Date) {
        self.database = database
        self.actor = actor
        self.now = now
    }

    /// Inserts or updates each record in one transaction (all or nothing) and
    /// audits every created or changed record with the names of the changed
    /// fields (never their values: they may be personal data). `written`
    /// runs in the same transaction after each insert (old nil) or update,
    /// for what else the change must record.
    func store<Record: PersistableRecord & FetchableRecord & Sendable>(
        _ records: [Record], kind: String, id: (Record) -> String, changes: (Record, Record) -> [String],
        created: (Record) -> String, written: (_ old: Record?, _ new: Record, Database) throws -> Void = { _, _, _ in }
    ) throws -> ImportReport {
        try database.writeImmediate { db in
            var report = ImportReport()
            for record in records {
                let key = id(record)
                if let existing = try Record.fetchOne(db, key: key) {
                    let changed = changes(existing, record)
                    guard !changed.isEmpty else {
                        report.unchanged.append(key)
                        continue
                    }
                    try record.update(db)
                    try written(existing, record, db)
                    try db.audit("\(kind).update", subject: key, detail: changed.joined(separator: "; "), actor: actor, at: now)
                    report.updated.append(key)
                } else {
                    try record.insert(db)
                    try written(nil, record, db)
                    try db.audit("\(kind).create", subject: key, detail: created(record), actor: actor, at: now)
                    report.inserted.append(key)
                }
            }
            return report
        }
    }
}

/// Names of the fields that differ between two values of a record, compared
/// through the given key paths.
struct FieldChanges<Record> {
    private var fields: [(String, (Record, Record) -> Bool)] = []

    mutating func compare<Value: Equatable>(_ name: String, _ path: KeyPath<Record, Value>) {
        fields.append((name, { $0[keyPath: path] == $1[keyPath: path] }))
    }

    func between(_ old: Record, _ new: Record) -> [String] {
        fields.filter { !$0.1(old, new) }.map { "\($0.0) changed" }
    }
}

extension CSVTable.Row {
    /// The value, or an error naming the line when it is empty.
    func required(_ field: String, in table: CSVTable) throws -> String {
        let value = self[field]
        guard !value.isEmpty else { throw table.error(self, field: field, "the value is missing; this column is required") }
        return value
    }

    /// nil for an empty value.
    func optional(_ field: String) -> String? {
        let value = self[field]
        return value.isEmpty ? nil : value
    }
}
