import Foundation
import GRDB

/// Who did what to which file or record, for the data-protection audit
/// (input, change and deletion logging, seed 003 Annex 1). Never holds personal data.
public struct AuditEntry: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var at: Date
    public var actor: String
    public var action: String
    public var subject: String
    public var detail: String

    public init(at: Date, actor: String, action: String, subject: String, detail: String = "") {
        self.at = at
        self.actor = actor
        self.action = action
        self.subject = subject
        self.detail = detail
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension AuditEntry {
    /// The table's columns, for typed queries.
    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let at = Column(CodingKeys.at)
        public static let actor = Column(CodingKeys.actor)
        public static let action = Column(CodingKeys.action)
        public static let subject = Column(CodingKeys.subject)
        public static let detail = Column(CodingKeys.detail)
    }
}

extension Database {
    /// Appends one line to the audit log inside the caller's transaction.
    public func audit(_ action: String, subject: String, detail: String = "", actor: String, at: Date) throws {
        var entry = AuditEntry(at: at, actor: actor, action: action, subject: subject, detail: detail)
        try entry.insert(self)
    }
}
