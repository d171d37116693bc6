import Foundation
import GRDB

/// Money received for an invoice (or not matched to one yet).
public struct Payment: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    /// The bank entry's reference (or `manual:…`), unique: a statement imported twice books once.
    public var entryReference: String
    public var invoiceNumber: String?
    public var amountCents: Int64
    public var bookedOn: String
    /// `camt.053 <file digest>`, `manual`, `debit <MsgId>`.
    public var source: String
    public var remittance: String?
    public var createdAt: Date

    public init(id: Int64? = nil, entryReference: String, invoiceNumber: String?, amountCents: Int64, bookedOn: String,
                source: String, remittance: String?, createdAt: Date) {
        self.id = id
        self.entryReference = entryReference
        self.invoiceNumber = invoiceNumber
        self.amountCents = amountCents
        self.bookedOn = bookedOn
        self.source = source
        self.remittance = remittance
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Payment {
    /// The table's columns, for typed queries.
    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let entryReference = Column(CodingKeys.entryReference)
        public static let invoiceNumber = Column(CodingKeys.invoiceNumber)
        public static let amountCents = Column(CodingKeys.amountCents)
        public static let bookedOn = Column(CodingKeys.bookedOn)
        public static let source = Column(CodingKeys.source)
        public static let remittance = Column(CodingKeys.remittance)
        public static let createdAt = Column(CodingKeys.createdAt)
    }
}

/// A returned or rejected direct debit as booked.
public struct BankReturn: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var entryReference: String
    public var endToEndId: String
    public var invoiceNumber: String?
    public var amountCents: Int64
    public var reason: String
    public var returnedOn: String
    public var source: String
    public var createdAt: Date

    public init(id: Int64? = nil, entryReference: String, endToEndId: String, invoiceNumber: String?, amountCents: Int64,
                reason: String, returnedOn: String, source: String, createdAt: Date) {
        self.id = id
        self.entryReference = entryReference
        self.endToEndId = endToEndId
        self.invoiceNumber = invoiceNumber
        self.amountCents = amountCents
        self.reason = reason
        self.returnedOn = returnedOn
        self.source = source
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension BankReturn {
    /// The table's columns, for typed queries.
    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let entryReference = Column(CodingKeys.entryReference)
        public static let endToEndId = Column(CodingKeys.endToEndId)
        public static let invoiceNumber = Column(CodingKeys.invoiceNumber)
        public static let amountCents = Column(CodingKeys.amountCents)
        public static let reason = Column(CodingKeys.reason)
        public static let returnedOn = Column(CodingKeys.returnedOn)
        public static let source = Column(CodingKeys.source)
        public static let createdAt = Column(CodingKeys.createdAt)
    }
}
