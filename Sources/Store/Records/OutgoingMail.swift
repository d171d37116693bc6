import Foundation
import GRDB

/// One e-mail to a customer (table `outgoingMail`): a job's "file is ready"
/// message, an invoice, a credit note, a reminder or dunning letter.
///
/// `key` says what the message is about (`job:<id>`, `invoice:<number>`,
/// `dunning:<number>:<level>`); one key, at most one message. `sending` is
/// written before the hand-over to sendmail and `sent` after it, so a run
/// that dies in between leaves `sending`, which the next run turns into
/// `unknown`: reported until ops acknowledge it or send it again by hand,
/// never sent again on its own.
public struct OutgoingMail: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public enum Kind: String, Codable, Sendable, CaseIterable { case jobReady, invoice, creditNote, reminder, dunning }

    public enum State: String, Codable, Sendable, CaseIterable {
        /// Waiting for (another) hand-over to sendmail.
        case queued
        /// Being handed over; a run that dies now leaves it so.
        case sending
        /// sendmail accepted it.
        case sent
        /// A hand-over was interrupted: it may or may not have left.
        case unknown
        /// An `unknown` message ops checked (in the mail log) and settled without sending it again.
        case acknowledged
    }

    public var key: String
    public var kind: Kind
    /// The job id or the invoice number the message is about.
    public var reference: String
    /// The addresses of `To:`, comma-separated (empty when there is none).
    public var recipients: String
    public var subject: String
    /// `mail/outgoing/<name>.eml`, then `mail/sent/<name>.eml`.
    public var messagePath: String
    public var state: State
    public var attempts: Int
    public var lastError: String?
    public var queuedAt: Date
    public var sentAt: Date?
    /// When the state last changed by hand (`mail acknowledge`, `mail resend`), and by whom.
    public var settledAt: Date?
    public var settledBy: String?

    public init(key: String, kind: Kind, reference: String, recipients: String, subject: String, messagePath: String,
                state: State = .queued, attempts: Int = 0, queuedAt: Date) {
        self.key = key
        self.kind = kind
        self.reference = reference
        self.recipients = recipients
        self.subject = subject
        self.messagePath = messagePath
        self.state = state
        self.attempts = attempts
        self.queuedAt = queuedAt
    }
}

extension OutgoingMail {
    /// The table's columns, for typed queries.
    public enum Columns {
        public static let key = Column(CodingKeys.key)
        public static let kind = Column(CodingKeys.kind)
        public static let reference = Column(CodingKeys.reference)
        public static let recipients = Column(CodingKeys.recipients)
        public static let subject = Column(CodingKeys.subject)
        public static let messagePath = Column(CodingKeys.messagePath)
        public static let state = Column(CodingKeys.state)
        public static let attempts = Column(CodingKeys.attempts)
        public static let lastError = Column(CodingKeys.lastError)
        public static let queuedAt = Column(CodingKeys.queuedAt)
        public static let sentAt = Column(CodingKeys.sentAt)
        public static let settledAt = Column(CodingKeys.settledAt)
        public static let settledBy = Column(CodingKeys.settledBy)
    }

    /// The key of a job's "file is ready" message.
    public static func jobKey(_ jobId: String) -> String { "job:" + jobId }
}

extension OutgoingMail.Kind: DatabaseValueConvertible {}
extension OutgoingMail.State: DatabaseValueConvertible {}
