import Foundation
import GRDB

/// When a scheduled command last finished and last succeeded (table
/// `commandRun`), for the monitoring metrics.
public struct CommandRun: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public var command: String
    public var lastFinishedAt: Date
    public var lastExitCode: Int
    public var lastSuccessAt: Date?
}

extension CommandRun {
    public enum Columns {
        public static let command = Column(CodingKeys.command)
    }
}

extension StateDatabase {
    /// Records that `command` finished with `exitCode` at `now`.
    public func recordCommandRun(_ command: String, exitCode: Int, at now: Date) throws {
        try write { db in
            var run = try CommandRun.fetchOne(db, key: command)
                ?? CommandRun(command: command, lastFinishedAt: now, lastExitCode: exitCode, lastSuccessAt: nil)
            run.lastFinishedAt = now
            run.lastExitCode = exitCode
            if exitCode == 0 { run.lastSuccessAt = now }
            try run.save(db)
        }
    }

    public func commandRuns() throws -> [CommandRun] {
        try read { db in try CommandRun.order(CommandRun.Columns.command).fetchAll(db) }
    }
}
