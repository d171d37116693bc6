// Store re-exports GRDB: its record types are GRDB records, and callers use
// GRDB's query interface on them inside `read`/`write`. Nothing else imports GRDB.
import Foundation
@_exported import GRDB

/// The SQLite state database (`state/robinson.sqlite`): jobs and their stages,
/// customers, usage records, notifications and the audit log.
///
/// WAL mode (through `DatabasePool`) lets `robinson status` read while a run
/// writes; a busy timeout lets two processes share it without failing.
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
}
