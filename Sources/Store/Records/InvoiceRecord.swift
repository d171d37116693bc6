import Foundation
import GRDB

/// An issued invoice or credit note as stored. Never updated except for its
/// status, `cancelledBy` and `documentsWrittenAt`; `document` holds the full
/// immutable content (JSON) that the PDF and the XML are rendered from.
public struct InvoiceRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "invoice"

    public enum Kind: String, Codable, Sendable { case invoice, creditNote }

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
    public var paymentMethod: String
    public var mandateReference: String?
    /// The pre-notified collection date (SEPA customers).
    public var collectionDate: String?
    /// For a credit note: the number of the invoice it reverses.
    public var cancels: String?
    /// For a cancelled invoice: the number of its credit note.
    public var cancelledBy: String?
    /// `open`, `cancelled`, `reversal` (a credit note).
    public var status: String
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
                paymentMethod: String, mandateReference: String?, collectionDate: String?, cancels: String?,
                cancelledBy: String? = nil, status: String, document: Data, documentsWrittenAt: Date? = nil, createdAt: Date) {
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
