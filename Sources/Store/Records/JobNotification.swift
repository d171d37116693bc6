import Foundation
import GRDB

/// The "file is ready" e-mail of one job (table `notification`). `sending` is written before the
/// message is handed to sendmail, so a crash in between is never retried
/// blindly: a job's customer gets at most one e-mail.
public struct JobNotification: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "notification"
    public enum State: String, Codable, Sendable { case queued, sending, sent, unknown }

    public var jobId: String
    public var recipient: String?
    public var messagePath: String
    public var state: State
    public var attempts: Int
    public var lastError: String?
    public var sentAt: Date?

    public init(jobId: String, recipient: String?, messagePath: String, state: State = .queued) {
        self.jobId = jobId
        self.recipient = recipient
        self.messagePath = messagePath
        self.state = state
        self.attempts = 0
    }
}

extension JobNotification {
    /// The table's columns, for typed queries.
    public enum Columns {
        public static let jobId = Column(CodingKeys.jobId)
        public static let recipient = Column(CodingKeys.recipient)
        public static let messagePath = Column(CodingKeys.messagePath)
        public static let state = Column(CodingKeys.state)
        public static let attempts = Column(CodingKeys.attempts)
        public static let lastError = Column(CodingKeys.lastError)
        public static let sentAt = Column(CodingKeys.sentAt)
    }
}

extension JobNotification.State: DatabaseValueConvertible {}
