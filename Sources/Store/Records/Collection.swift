import Foundation
import GRDB

/// A pain.008 file written by `robinson collect`.
public struct CollectionRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "collection"
    public var messageId: String
    public var scheme: Mandate.Scheme
    public var createdAt: Date
    public var path: String
    public var transactions: Int
    public var sumCents: Int64
    /// The pain.008 XML, validated.
    public var document: Data
    public var writtenAt: Date?

    public init(messageId: String, scheme: Mandate.Scheme, createdAt: Date, path: String, transactions: Int, sumCents: Int64,
                document: Data, writtenAt: Date? = nil) {
        self.messageId = messageId
        self.scheme = scheme
        self.createdAt = createdAt
        self.path = path
        self.transactions = transactions
        self.sumCents = sumCents
        self.document = document
        self.writtenAt = writtenAt
    }
}

extension CollectionRecord {
    /// The table's columns, for typed queries.
    public enum Columns {
        public static let messageId = Column(CodingKeys.messageId)
        public static let scheme = Column(CodingKeys.scheme)
        public static let createdAt = Column(CodingKeys.createdAt)
        public static let path = Column(CodingKeys.path)
        public static let transactions = Column(CodingKeys.transactions)
        public static let sumCents = Column(CodingKeys.sumCents)
        public static let document = Column(CodingKeys.document)
        public static let writtenAt = Column(CodingKeys.writtenAt)
    }
}

/// One debit of an invoice in a pain.008 file.
public struct CollectionItem: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public enum SequenceType: String, Codable, Sendable, CaseIterable { case first = "FRST", recurring = "RCUR" }
    /// `returned` once the bank gave the money back.
    public enum Status: String, Codable, Sendable, CaseIterable { case sent, returned }

    public var messageId: String
    public var invoiceNumber: String
    /// This presentation's EndToEndId (`2026-000042-2`); what the bank names in a return.
    public var endToEndId: String
    public var sequenceType: SequenceType
    public var collectionDate: String
    public var amountCents: Int64
    public var mandateReference: String
    public var status: Status

    public init(messageId: String, invoiceNumber: String, endToEndId: String, sequenceType: SequenceType, collectionDate: String,
                amountCents: Int64, mandateReference: String, status: Status = .sent) {
        self.messageId = messageId
        self.invoiceNumber = invoiceNumber
        self.endToEndId = endToEndId
        self.sequenceType = sequenceType
        self.collectionDate = collectionDate
        self.amountCents = amountCents
        self.mandateReference = mandateReference
        self.status = status
    }
}

extension CollectionItem.SequenceType: DatabaseValueConvertible {}
extension CollectionItem.Status: DatabaseValueConvertible {}

extension CollectionItem {
    /// The table's columns, for typed queries.
    public enum Columns {
        public static let messageId = Column(CodingKeys.messageId)
        public static let invoiceNumber = Column(CodingKeys.invoiceNumber)
        public static let endToEndId = Column(CodingKeys.endToEndId)
        public static let sequenceType = Column(CodingKeys.sequenceType)
        public static let collectionDate = Column(CodingKeys.collectionDate)
        public static let amountCents = Column(CodingKeys.amountCents)
        public static let mandateReference = Column(CodingKeys.mandateReference)
        public static let status = Column(CodingKeys.status)
    }
}

/// A reminder or dunning letter sent.
public struct DunningNotice: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public var invoiceNumber: String
    public var level: Int
    public var sentOn: String
    public var path: String
    public var feeCents: Int64
    public var interestCents: Int64

    public init(invoiceNumber: String, level: Int, sentOn: String, path: String, feeCents: Int64, interestCents: Int64) {
        self.invoiceNumber = invoiceNumber
        self.level = level
        self.sentOn = sentOn
        self.path = path
        self.feeCents = feeCents
        self.interestCents = interestCents
    }
}

extension DunningNotice {
    /// The table's columns, for typed queries.
    public enum Columns {
        public static let invoiceNumber = Column(CodingKeys.invoiceNumber)
        public static let level = Column(CodingKeys.level)
        public static let sentOn = Column(CodingKeys.sentOn)
        public static let path = Column(CodingKeys.path)
        public static let feeCents = Column(CodingKeys.feeCents)
        public static let interestCents = Column(CodingKeys.interestCents)
    }
}
