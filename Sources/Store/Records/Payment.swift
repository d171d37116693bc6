import Foundation
import GRDB

/// One movement of money on the receivables ledger. Rows are never changed
/// or deleted: a mistake is undone by a `reversal` row, an unmatched credit
/// is given to an invoice by an `assignment` row. The sum of an invoice's rows
/// is what it has received (`InvoiceRecord.paidCents`).
public struct Payment: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// A credit transfer from a bank statement.
        case transfer
        /// Booked by hand (`invoice paid`).
        case manual
        /// A direct debit, dated on its collection date.
        case debit
        /// A returned or rejected debit (negative).
        case returned
        /// Undoes the row it `relatesTo` (the negative of its amount).
        case reversal
        /// An unmatched credit (`relatesTo`) given to an invoice.
        case assignment
        /// Credit moved from one invoice of a customer to another (a pair of rows, zero in sum).
        case offset
        /// Credit paid back to the customer (negative).
        case refund
    }

    public var id: Int64?
    /// The bank entry's reference (or `manual:…`), unique: a statement imported twice books once.
    public var entryReference: String
    public var kind: Kind
    /// nil while an incoming credit is matched to no customer.
    public var customerId: String?
    public var invoiceNumber: String?
    public var amountCents: Int64
    /// ISO date the money moved (a debit: its collection date).
    public var bookedOn: String
    /// `camt.053 <file>`, `manual by <actor>`, `pain.008 <MsgId>`.
    public var source: String
    public var remittance: String?
    /// The row this one reverses, assigns, or (a return) the debit it takes back.
    public var relatesTo: Int64?
    /// Why (a reversal's or refund's reason, a manual booking's reference).
    public var note: String?
    public var createdAt: Date

    public init(id: Int64? = nil, entryReference: String, kind: Kind, customerId: String?, invoiceNumber: String?, amountCents: Int64,
                bookedOn: String, source: String, remittance: String?, relatesTo: Int64? = nil, note: String? = nil, createdAt: Date) {
        self.id = id
        self.entryReference = entryReference
        self.kind = kind
        self.customerId = customerId
        self.invoiceNumber = invoiceNumber
        self.amountCents = amountCents
        self.bookedOn = bookedOn
        self.source = source
        self.remittance = remittance
        self.relatesTo = relatesTo
        self.note = note
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Payment {
    /// The table's columns, for typed queries.
    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let entryReference = Column(CodingKeys.entryReference)
        public static let kind = Column(CodingKeys.kind)
        public static let customerId = Column(CodingKeys.customerId)
        public static let invoiceNumber = Column(CodingKeys.invoiceNumber)
        public static let amountCents = Column(CodingKeys.amountCents)
        public static let bookedOn = Column(CodingKeys.bookedOn)
        public static let source = Column(CodingKeys.source)
        public static let remittance = Column(CodingKeys.remittance)
        public static let relatesTo = Column(CodingKeys.relatesTo)
        public static let note = Column(CodingKeys.note)
        public static let createdAt = Column(CodingKeys.createdAt)
    }
}

extension Payment.Kind: DatabaseValueConvertible {}

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
