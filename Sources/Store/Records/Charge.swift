import Foundation
import GRDB

/// A fee or interest a customer owes beside an invoice: a returned-debit fee,
/// a dunning fee, default interest, the §288 (5) BGB lump sum. Billed on the
/// customer's next invoice, then `billedInvoice` names it.
public struct Charge: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    /// `returnDifference`: what a bank took back beyond the debit it returns (booked against the bank, not as income).
    public enum Kind: String, Codable, Sendable, CaseIterable { case returnFee, dunningFee, interest, lumpSum, returnDifference }

    public var id: Int64?
    public var customerId: String
    public var kind: Kind
    public var amountCents: Int64
    /// German, printed on the invoice that bills it: "Rücklastschriftgebühr 2026-000042 (AM04)".
    public var description: String
    /// The invoice that caused it.
    public var relatesTo: String?
    /// ISO date.
    public var createdOn: String
    public var billedOn: String?
    public var billedInvoice: String?

    public init(id: Int64? = nil, customerId: String, kind: Kind, amountCents: Int64, description: String, relatesTo: String?,
                createdOn: String, billedOn: String? = nil, billedInvoice: String? = nil) {
        self.id = id
        self.customerId = customerId
        self.kind = kind
        self.amountCents = amountCents
        self.description = description
        self.relatesTo = relatesTo
        self.createdOn = createdOn
        self.billedOn = billedOn
        self.billedInvoice = billedInvoice
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Charge {
    /// The table's columns, for typed queries.
    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let customerId = Column(CodingKeys.customerId)
        public static let kind = Column(CodingKeys.kind)
        public static let amountCents = Column(CodingKeys.amountCents)
        public static let description = Column(CodingKeys.description)
        public static let relatesTo = Column(CodingKeys.relatesTo)
        public static let createdOn = Column(CodingKeys.createdOn)
        public static let billedOn = Column(CodingKeys.billedOn)
        public static let billedInvoice = Column(CodingKeys.billedInvoice)
    }
}

extension Charge.Kind: DatabaseValueConvertible {}
