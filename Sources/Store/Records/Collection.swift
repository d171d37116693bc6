import Foundation
import GRDB

/// A pain.008 file written by `robinson collect`.
public struct CollectionRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "collection"
    public var messageId: String
    public var scheme: String
    public var createdAt: Date
    public var path: String
    public var transactions: Int
    public var sumCents: Int64
    /// The pain.008 XML, validated.
    public var document: Data
    public var writtenAt: Date?

    public init(messageId: String, scheme: String, createdAt: Date, path: String, transactions: Int, sumCents: Int64,
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

/// One debit of an invoice in a pain.008 file.
public struct CollectionItem: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public var messageId: String
    public var invoiceNumber: String
    /// FRST, RCUR.
    public var sequenceType: String
    public var collectionDate: String
    public var amountCents: Int64
    public var mandateReference: String
    /// `sent`, `returned`.
    public var status: String

    public init(messageId: String, invoiceNumber: String, sequenceType: String, collectionDate: String, amountCents: Int64,
                mandateReference: String, status: String = "sent") {
        self.messageId = messageId
        self.invoiceNumber = invoiceNumber
        self.sequenceType = sequenceType
        self.collectionDate = collectionDate
        self.amountCents = amountCents
        self.mandateReference = mandateReference
        self.status = status
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
