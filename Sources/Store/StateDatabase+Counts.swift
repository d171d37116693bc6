import Foundation
import GRDB

/// Totals the monitoring metrics report, counted by SQLite.
extension StateDatabase {
    /// Jobs by state; states without jobs are absent.
    public func jobCounts() throws -> [Job.State: Int] {
        try read { db in
            let rows = try Row.fetchAll(db, Job.select(Job.Columns.state, count(Job.Columns.id)).group(Job.Columns.state))
            return try Dictionary(uniqueKeysWithValues: rows.map { row in
                guard let state = Job.State(rawValue: row[0]) else { throw DatabaseError(message: "unknown job state \(String(describing: row[0] as String?))") }
                return (state, row[1] as Int)
            })
        }
    }

    /// Outgoing e-mails by state; states without messages are absent.
    public func mailCounts() throws -> [OutgoingMail.State: Int] {
        try read { db in
            let rows = try Row.fetchAll(db, OutgoingMail.select(OutgoingMail.Columns.state, count(OutgoingMail.Columns.key))
                .group(OutgoingMail.Columns.state))
            return try Dictionary(uniqueKeysWithValues: rows.map { row in
                guard let state = OutgoingMail.State(rawValue: row[0]) else {
                    throw DatabaseError(message: "unknown e-mail state \(String(describing: row[0] as String?))")
                }
                return (state, row[1] as Int)
            })
        }
    }

    /// Rows checked and hits per list (`post`, `telefon`, `mobil`, `fax`, `email`) over every usage record.
    public func usageTotals() throws -> (rows: Int, hits: [String: Int]) {
        typealias C = UsageRecord.Columns
        let columns = [("post", C.hitsPost), ("telefon", C.hitsTelefon), ("mobil", C.hitsMobil), ("fax", C.hitsFax), ("email", C.hitsEmail)]
        return try read { db in
            let row = try Row.fetchOne(db, UsageRecord.select([sum(C.rowsChecked)] + columns.map { sum($0.1) }))
            let value = { (index: Int) in (row?[index] as Int?) ?? 0 }
            return (value(0), Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1.0, value($0 + 1)) }))
        }
    }
}
