import Foundation
import GRDB

/// An issued invoice or credit note as stored. The document never changes:
/// `document` holds the full immutable content (JSON) that the PDF and the
/// XML are rendered from. What changes is where its money stands
/// (`paymentState`, `paidCents`, written only by Billing's `Ledger`),
/// `cancelledBy`/`cancelledOn`, dunning and collection marks, and `documentsWrittenAt`.
public struct InvoiceRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "invoice"

    public enum Kind: String, Codable, Sendable { case invoice, creditNote }
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
    /// The day the credit note was issued, for a cancelled invoice.
    public var cancelledOn: String?
    public var paymentState: PaymentState
    public var document: Data
    public var documentsWrittenAt: Date?
    public var createdAt: Date
    /// The sum of its payment rows, cents: transfers, manual bookings and debits (also one whose date has not come),
    /// less returns, reversals and refunds.
    public var paidCents: Int64 = 0
    /// The reason code of the last returned debit.
    public var returnReason: String?
    /// Collect once more on the next collection date (after AM04/MS03).
    public var presentAgain = false
    /// The highest reminder or dunning level sent (0 = none).
    public var dunningLevel = 0
    /// The day the money reached what is owed (paid, collected or overpaid).
    public var settledOn: String?

    /// What is owed: the gross, nothing once cancelled, nothing for a credit note.
    public var owedCents: Int64 { kind == .creditNote || paymentState == .cancelled ? 0 : grossCents }
    /// Owed minus received; negative is the customer's credit.
    public var openCents: Int64 { owedCents - paidCents }

    public init(number: String, year: Int, sequence: Int, kind: Kind, customerId: String, serviceMonth: String,
                issueDate: String, dueDate: String, netCents: Int64, vatCents: Int64, grossCents: Int64,
                paymentMethod: PaymentMethod, mandateReference: String?, collectionDate: String?, cancels: String?,
                cancelledBy: String? = nil, paymentState: PaymentState, document: Data, documentsWrittenAt: Date? = nil, createdAt: Date) {
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
        self.paymentState = paymentState
        self.document = document
        self.documentsWrittenAt = documentsWrittenAt
        self.createdAt = createdAt
    }
}

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
        public static let cancelledOn = Column(CodingKeys.cancelledOn)
        public static let paymentState = Column(CodingKeys.paymentState)
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
