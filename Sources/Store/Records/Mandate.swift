import Foundation
import GRDB

/// A SEPA direct-debit mandate a customer signed.
public struct Mandate: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public enum Scheme: String, Codable, Sendable, CaseIterable { case core = "CORE", b2b = "B2B" }
    /// `unusable` after a return that says the mandate is gone (AC04, MD01, MD07);
    /// `replaced` when a mandate with a new reference continues it (`MandateChange` names it).
    public enum Status: String, Codable, Sendable, CaseIterable { case active, revoked, unusable, replaced }

    /// The mandate reference (MndtId), ≤ 35 SEPA characters.
    public var reference: String
    public var customerId: String
    /// Electronic form, no spaces.
    public var iban: String
    public var bic: String?
    /// ISO date `YYYY-MM-DD`.
    public var signedOn: String
    public var scheme: Scheme
    /// True once a debit was sent: the next one is RCUR, not FRST.
    public var used: Bool
    /// ISO date of the last collection; a mandate unused for 36 months expires.
    public var lastCollectedOn: String?
    public var status: Status
    public var updatedAt: Date
    /// The creditor identifier (Gläubiger-ID) and name (SEPA characters) of the last debit; nil before the first.
    public var creditorIdentifier: String?
    public var creditorName: String?

    public init(reference: String, customerId: String, iban: String, bic: String?, signedOn: String,
                scheme: Scheme, used: Bool = false, lastCollectedOn: String? = nil, status: Status = .active, updatedAt: Date) {
        self.reference = reference
        self.customerId = customerId
        self.iban = iban
        self.bic = bic
        self.signedOn = signedOn
        self.scheme = scheme
        self.used = used
        self.lastCollectedOn = lastCollectedOn
        self.status = status
        self.updatedAt = updatedAt
    }
}

extension Mandate {
    /// The table's columns, for typed queries.
    public enum Columns {
        public static let reference = Column(CodingKeys.reference)
        public static let customerId = Column(CodingKeys.customerId)
        public static let iban = Column(CodingKeys.iban)
        public static let bic = Column(CodingKeys.bic)
        public static let signedOn = Column(CodingKeys.signedOn)
        public static let scheme = Column(CodingKeys.scheme)
        public static let used = Column(CodingKeys.used)
        public static let lastCollectedOn = Column(CodingKeys.lastCollectedOn)
        public static let status = Column(CodingKeys.status)
        public static let updatedAt = Column(CodingKeys.updatedAt)
        public static let creditorIdentifier = Column(CodingKeys.creditorIdentifier)
        public static let creditorName = Column(CodingKeys.creditorName)
    }
}

extension Mandate.Scheme: DatabaseValueConvertible {}
extension Mandate.Status: DatabaseValueConvertible {}
