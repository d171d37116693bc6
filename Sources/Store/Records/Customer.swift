import Foundation
import GRDB

/// A customer: which lists they booked, where e-mails go, and (for billing)
/// address, tax data, payment method and plan.
public struct Customer: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public enum Status: String, Codable, Sendable, CaseIterable { case active, suspended, terminated }
    /// How the annotated file is written: like the input, always plain, or always zstd.
    public enum OutputCompression: String, Codable, Sendable, CaseIterable { case asInput, none, zstd }
    /// Businesses and consumers differ in default interest and the 40 € lump sum (§288 BGB).
    public enum CustomerType: String, Codable, Sendable, CaseIterable { case business, consumer }
    public enum PaymentMethod: String, Codable, Sendable, CaseIterable { case sepa, transfer }

    public var id: String
    public var name: String
    public var notifyEmail: String?
    /// Booked lists, comma-separated list names (`post,telefon,…`).
    public var lists: String
    public var status: Status
    public var outputCompression: OutputCompression
    public var updatedAt: Date

    // Billing (nil for customers imported before billing existed).
    public var street: String?
    public var postcode: String?
    public var city: String?
    /// ISO 3166-1 alpha-2.
    public var country: String = "DE"
    public var invoiceEmail: String?
    public var vatId: String?
    public var taxNumber: String?
    public var customerType: CustomerType = .business
    public var paymentMethod: PaymentMethod = .transfer
    public var planId: String?
    /// ISO date `YYYY-MM-DD`.
    public var contractStart: String?
    /// BT-10: Leitweg-ID for public buyers, otherwise any reference the buyer wants to see.
    public var buyerReference: String?
    /// Suspended by `robinson dunning` for arrears; payment in full lifts it.
    public var suspendedForArrears = false

    public init(id: String, name: String, notifyEmail: String?, lists: String, status: Status = .active,
                outputCompression: OutputCompression = .asInput, updatedAt: Date) {
        self.id = id
        self.name = name
        self.notifyEmail = notifyEmail
        self.lists = lists
        self.status = status
        self.outputCompression = outputCompression
        self.updatedAt = updatedAt
    }

    public var bookedLists: [String] {
        lists.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

extension Customer {
    /// The table's columns, for typed queries.
    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let name = Column(CodingKeys.name)
        public static let notifyEmail = Column(CodingKeys.notifyEmail)
        public static let lists = Column(CodingKeys.lists)
        public static let status = Column(CodingKeys.status)
        public static let outputCompression = Column(CodingKeys.outputCompression)
        public static let updatedAt = Column(CodingKeys.updatedAt)
        public static let street = Column(CodingKeys.street)
        public static let postcode = Column(CodingKeys.postcode)
        public static let city = Column(CodingKeys.city)
        public static let country = Column(CodingKeys.country)
        public static let invoiceEmail = Column(CodingKeys.invoiceEmail)
        public static let vatId = Column(CodingKeys.vatId)
        public static let taxNumber = Column(CodingKeys.taxNumber)
        public static let customerType = Column(CodingKeys.customerType)
        public static let paymentMethod = Column(CodingKeys.paymentMethod)
        public static let planId = Column(CodingKeys.planId)
        public static let contractStart = Column(CodingKeys.contractStart)
        public static let buyerReference = Column(CodingKeys.buyerReference)
        public static let suspendedForArrears = Column(CodingKeys.suspendedForArrears)
    }
}

extension Customer.Status: DatabaseValueConvertible {}
extension Customer.OutputCompression: DatabaseValueConvertible {}
extension Customer.CustomerType: DatabaseValueConvertible {}
extension Customer.PaymentMethod: DatabaseValueConvertible {}
