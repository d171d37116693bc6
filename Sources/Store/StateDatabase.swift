import Foundation
import GRDB

/// The SQLite state database (`state/robinson.sqlite`): jobs and their stages,
/// customers, usage records, notifications and the audit log.
///
/// WAL mode (through `DatabasePool`) lets `robinson status` read while a run
/// writes; a busy timeout lets two processes share it without failing.
///
/// Store does not re-export GRDB. Its records carry typed `Columns` and
/// enums stored as their raw values; simple reads are typed functions here
/// (`StateDatabase+Queries.swift`), so the CLI never sees SQL. The modules
/// whose commands run several statements in one transaction (Billing,
/// Pipeline, MasterData) import GRDB themselves, in the files that do so.
public final class StateDatabase: Sendable {
    public let writer: DatabasePool
    public let path: String

    public init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.foreignKeysEnabled = true
        self.path = path
        self.writer = try DatabasePool(path: path, configuration: configuration)
        try Migrations.migrator.migrate(writer)
    }

    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.read(body)
    }

    @discardableResult
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.write(body)
    }

    /// A write transaction that takes the write lock at `BEGIN` (IMMEDIATE), so
    /// that what it reads cannot be changed by another process before it
    /// writes: check-then-insert (is this month invoiced yet?) stays correct
    /// when two `robinson bill` processes run at once.
    @discardableResult
    public func writeImmediate<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            return result!
        }
    }
}
