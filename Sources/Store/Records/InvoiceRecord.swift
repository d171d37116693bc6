import Foundation
import GRDB

/// An issued invoice or credit note as stored. Never updated except for its
/// status, `cancelledBy` and `documentsWrittenAt`; `document` holds the full
/// immutable content (JSON) that the PDF and the XML are rendered from.
public struct InvoiceRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "invoice"

    public enum Kind: String, Codable, Sendable { case invoice, creditNote }
    /// `reversal` is every credit note; an invoice is `open` until paid in full, or `cancelled` by a credit note.
    public enum Status: String, Codable, Sendable, CaseIterable { case open, paid, cancelled, reversal }
    /// How the document asks to be paid; a credit note is a `settlement`.
    public enum PaymentMethod: String, Codable, Sendable, CaseIterable { case sepa, transfer, settlement }

    /// `YYYY-NNNNNN`, gapless per year across invoices and credit notes.
    public var number: String
    public var year: Int
    public var sequence: Int
    public var kind: Kind
    public var customerId: String
    /// Service month `YYYY-MM`.
    public var serviceMonth: String
    public var issueDate: String
    public var dueDate: String
    /// Amounts in cents as shown on the document; a credit note's are positive.
    public var netCents: Int64
    public var vatCents: Int64
    public var grossCents: Int64
    public var paymentMethod: PaymentMethod
    public var mandateReference: String?
    /// The pre-notified collection date (SEPA customers).
    public var collectionDate: String?
    /// For a credit note: the number of the invoice it reverses.
    public var cancels: String?
    /// For a cancelled invoice: the number of its credit note.
    public var cancelledBy: String?
    public var status: Status
    public var document: Data
    public var documentsWrittenAt: Date?
    public var createdAt: Date
    /// Received so far (transfers, manual bookings, debits not returned), cents.
    public var paidCents: Int64 = 0
    /// The reason code of the last returned debit.
    public var returnReason: String?
    /// Collect once more on the next collection date (after AM04/MS03).
    public var presentAgain = false
    /// The highest reminder or dunning level sent (0 = none).
    public var dunningLevel = 0
    /// The day the invoice was paid in full.
    public var settledOn: String?

    /// Gross minus what was received.
    public var openCents: Int64 { grossCents - paidCents }

    public init(number: String, year: Int, sequence: Int, kind: Kind, customerId: String, serviceMonth: String,
                issueDate: String, dueDate: String, netCents: Int64, vatCents: Int64, grossCents: Int64,
                paymentMethod: PaymentMethod, mandateReference: String?, collectionDate: String?, cancels: String?,
                cancelledBy: String? = nil, status: Status, document: Data, documentsWrittenAt: Date? = nil, createdAt: Date) {
        self.number = number
        self.year = year
        self.sequence = sequence
        self.kind = kind
        self.customerId = customerId
        self.serviceMonth = serviceMonth
        self.issueDate = issueDate
        self.dueDate = dueDate
        self.netCents = netCents
        self.vatCents = vatCents
        self.grossCents = grossCents
        self.paymentMethod = paymentMethod
        self.mandateReference = mandateReference
        self.collectionDate = collectionDate
        self.cancels = cancels
        self.cancelledBy = cancelledBy
        self.status = status
        self.document = document
        self.documentsWrittenAt = documentsWrittenAt
        self.createdAt = createdAt
    }
}

extension InvoiceRecord.Status: DatabaseValueConvertible {}
extension InvoiceRecord.PaymentMethod: DatabaseValueConvertible {}

extension InvoiceRecord {
    /// The table's columns, for typed queries.
    public enum Columns {
        public static let number = Column(CodingKeys.number)
        public static let year = Column(CodingKeys.year)
        public static let sequence = Column(CodingKeys.sequence)
        public static let kind = Column(CodingKeys.kind)
        public static let customerId = Column(CodingKeys.customerId)
        public static let serviceMonth = Column(CodingKeys.serviceMonth)
        public static let issueDate = Column(CodingKeys.issueDate)
        public static let dueDate = Column(CodingKeys.dueDate)
        public static let netCents = Column(CodingKeys.netCents)
        public static let vatCents = Column(CodingKeys.vatCents)
        public static let grossCents = Column(CodingKeys.grossCents)
        public static let paymentMethod = Column(CodingKeys.paymentMethod)
        public static let mandateReference = Column(CodingKeys.mandateReference)
        public static let collectionDate = Column(CodingKeys.collectionDate)
        public static let cancels = Column(CodingKeys.cancels)
        public static let cancelledBy = Column(CodingKeys.cancelledBy)
        public static let status = Column(CodingKeys.status)
        public static let document = Column(CodingKeys.document)
        public static let documentsWrittenAt = Column(CodingKeys.documentsWrittenAt)
        public static let createdAt = Column(CodingKeys.createdAt)
        public static let paidCents = Column(CodingKeys.paidCents)
        public static let returnReason = Column(CodingKeys.returnReason)
        public static let presentAgain = Column(CodingKeys.presentAgain)
        public static let dunningLevel = Column(CodingKeys.dunningLevel)
        public static let settledOn = Column(CodingKeys.settledOn)
    }
}

extension InvoiceRecord.Kind: DatabaseValueConvertible {}

extension Database {
    /// The next number of `year`'s sequence, taken inside the caller's
    /// transaction: if the transaction rolls back, so does the number.
    public func nextInvoiceSequence(year: Int) throws -> Int {
        let last = try Int.fetchOne(self, sql: "SELECT lastNumber FROM invoiceSequence WHERE year = ?", arguments: [year]) ?? 0
        try execute(sql: "INSERT INTO invoiceSequence(year, lastNumber) VALUES (?, ?) ON CONFLICT(year) DO UPDATE SET lastNumber = excluded.lastNumber",
                    arguments: [year, last + 1])
        return last + 1
    }
}
