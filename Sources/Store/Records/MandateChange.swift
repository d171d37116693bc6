import Foundation
import GRDB

/// One change of a mandate's fields: its history, and whether the debtor's
/// bank still has to learn of it. A change the bank must know (account,
/// mandate reference, creditor identifier or name) is `pending` until the
/// next debit carries it as a mandate amendment, then `sent` (`sentIn` names
/// that debit's EndToEndId); a return of that debit makes it pending again.
public struct MandateChange: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public enum Field: String, Codable, Sendable, CaseIterable {
        case iban, bic
        /// The mandate continues under a new reference (`mandateReference` is the new one).
        case reference
        /// Ours: the creditor identifier and the name (SEPA characters) the debit names us by.
        case creditorIdentifier, creditorName
    }

    public enum Amendment: String, Codable, Sendable, CaseIterable {
        case pending, sent
        /// Nothing to tell the bank: a BIC alone, or the mandate was never debited.
        case notNeeded
    }

    public var id: Int64?
    /// The mandate as it is called now.
    public var mandateReference: String
    public var field: Field
    public var oldValue: String
    public var newValue: String
    public var changedAt: Date
    public var amendment: Amendment
    /// The EndToEndId of the debit that carried the amendment.
    public var sentIn: String?

    public init(id: Int64? = nil, mandateReference: String, field: Field, oldValue: String, newValue: String, changedAt: Date,
                amendment: Amendment, sentIn: String? = nil) {
        self.id = id
        self.mandateReference = mandateReference
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
        self.changedAt = changedAt
        self.amendment = amendment
        self.sentIn = sentIn
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension MandateChange {
    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let mandateReference = Column(CodingKeys.mandateReference)
        public static let field = Column(CodingKeys.field)
        public static let oldValue = Column(CodingKeys.oldValue)
        public static let newValue = Column(CodingKeys.newValue)
        public static let changedAt = Column(CodingKeys.changedAt)
        public static let amendment = Column(CodingKeys.amendment)
        public static let sentIn = Column(CodingKeys.sentIn)
    }
}

extension MandateChange.Field: DatabaseValueConvertible {}
extension MandateChange.Amendment: DatabaseValueConvertible {}
