import Foundation
import GRDB

/// A price plan: a fee (monthly, or annual billed 12 months in advance on the
/// contract anniversary) plus a usage price (per 1,000 checked records, or per
/// started package of `packageSize` records), after `includedRecords` free
/// records a month. Amounts in cents; VAT in basis points (1900 = 19 %).
public struct Plan: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public var id: String
    public var name: String
    public var monthlyFeeCents: Int64?
    public var annualFeeCents: Int64?
    public var pricePerThousandCents: Int64?
    public var packagePriceCents: Int64?
    public var packageSize: Int64
    public var includedRecords: Int64
    public var vatBasisPoints: Int
    /// Days from the issue date to the due date.
    public var dueDays: Int
    public var updatedAt: Date

    public init(id: String, name: String, monthlyFeeCents: Int64? = nil, annualFeeCents: Int64? = nil,
                pricePerThousandCents: Int64? = nil, packagePriceCents: Int64? = nil, packageSize: Int64 = 1500,
                includedRecords: Int64 = 0, vatBasisPoints: Int = 1900, dueDays: Int = 7, updatedAt: Date) {
        self.id = id
        self.name = name
        self.monthlyFeeCents = monthlyFeeCents
        self.annualFeeCents = annualFeeCents
        self.pricePerThousandCents = pricePerThousandCents
        self.packagePriceCents = packagePriceCents
        self.packageSize = packageSize
        self.includedRecords = includedRecords
        self.vatBasisPoints = vatBasisPoints
        self.dueDays = dueDays
        self.updatedAt = updatedAt
    }
}

extension Plan {
    /// The table's columns, for typed queries.
    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let name = Column(CodingKeys.name)
        public static let monthlyFeeCents = Column(CodingKeys.monthlyFeeCents)
        public static let annualFeeCents = Column(CodingKeys.annualFeeCents)
        public static let pricePerThousandCents = Column(CodingKeys.pricePerThousandCents)
        public static let packagePriceCents = Column(CodingKeys.packagePriceCents)
        public static let packageSize = Column(CodingKeys.packageSize)
        public static let includedRecords = Column(CodingKeys.includedRecords)
        public static let vatBasisPoints = Column(CodingKeys.vatBasisPoints)
        public static let dueDays = Column(CodingKeys.dueDays)
        public static let updatedAt = Column(CodingKeys.updatedAt)
    }
}
