import Foundation
import GRDB

/// Something that holds across runs and that ops must hear about once, not on
/// every run: a file held in the inbox, an e-mail that cannot be sent, a stale
/// index. `key` identifies it within its `scope` (the command that sees it).
public struct Condition: Sendable, Equatable {
    public let key: String
    public let message: String

    public init(key: String, message: String) {
        self.key = key
        self.message = message
    }
}

/// A condition as remembered in table `condition`: since when it holds and
/// when it was last reported.
public struct ReportedCondition: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "condition"

    public var scope: String
    public var key: String
    public var message: String
    public var since: Date
    public var lastSeenAt: Date
    public var reportedAt: Date
}

extension ReportedCondition {
    public enum Columns {
        public static let scope = Column(CodingKeys.scope)
        public static let key = Column(CodingKeys.key)
        public static let since = Column(CodingKeys.since)
    }
}

extension StateDatabase {
    /// How often a condition that lasts is reported again.
    public static let conditionReminderInterval: TimeInterval = 86_400

    /// Takes the conditions that hold now in `scope` and returns those to
    /// report now: new ones, and lasting ones last reported a day or more ago.
    /// Conditions of the scope that no longer hold are forgotten, so one that
    /// comes back is reported again at once.
    public func conditionsToReport(scope: String, holding current: [Condition], now: Date,
                                   interval: TimeInterval = conditionReminderInterval) throws -> [Condition] {
        try write { db in
            let known = Dictionary(try ReportedCondition.filter(ReportedCondition.Columns.scope == scope).fetchAll(db).map { ($0.key, $0) },
                                   uniquingKeysWith: { first, _ in first })
            var report: [Condition] = []
            var seen = Set<String>()
            for condition in current where seen.insert(condition.key).inserted {
                var record = known[condition.key]
                    ?? ReportedCondition(scope: scope, key: condition.key, message: condition.message, since: now, lastSeenAt: now,
                                         reportedAt: .distantPast)
                record.message = condition.message
                record.lastSeenAt = now
                if now.timeIntervalSince(record.reportedAt) >= interval {
                    record.reportedAt = now
                    report.append(condition)
                }
                try record.save(db)
            }
            for gone in known.keys where !seen.contains(gone) {
                _ = try ReportedCondition.deleteOne(db, key: ["scope": scope, "key": gone])
            }
            return report
        }
    }

    /// Every condition that held when its command last looked, oldest first.
    public func lastingConditions() throws -> [ReportedCondition] {
        try read { db in try ReportedCondition.order(ReportedCondition.Columns.since).fetchAll(db) }
    }
}
