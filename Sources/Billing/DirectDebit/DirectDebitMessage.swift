import Foundation

/// One pain.008 file as the bank sees it: a group header, one payment
/// information block per (collection date, sequence type), each with its
/// debits. All texts are already in the SEPA character set.
public struct DirectDebitMessage: Sendable, Equatable {
    /// CORE or B2B; one file never mixes them.
    public enum Scheme: String, Sendable { case core = "CORE", b2b = "B2B" }
    public enum SequenceType: String, Sendable, Comparable {
        case first = "FRST", recurring = "RCUR"
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public struct Creditor: Sendable, Equatable {
        public var name: SepaText
        public var street: SepaText
        public var postcode: SepaText
        public var town: SepaText
        public var country: String
        public var iban: String
        public var bic: String?
        public var creditorIdentifier: String
    }

    public struct Debit: Sendable, Equatable {
        /// This presentation of the invoice: its number and a counter (`2026-000042-2`
        /// for the second), so a return names exactly one presentation.
        public var endToEndId: String
        /// The invoice it collects (named in the remittance text, not written as an element).
        public var invoiceNumber: String
        public var amount: Money
        public var mandateReference: String
        public var mandateSignedOn: CalendarDate
        public var debtorName: SepaText
        public var debtorIban: String
        public var debtorBic: String?
        public var remittance: SepaText
        /// What changed in the mandate since the last debit; sent once.
        public var amendment: MandateAmendment?
    }

    public struct PaymentGroup: Sendable, Equatable {
        public var id: String
        public var collectionDate: CalendarDate
        public var sequenceType: SequenceType
        public var debits: [Debit]

        public var total: Money { debits.map(\.amount).sum() }
    }

    public var messageId: String
    /// Europe/Berlin wall-clock time of creation.
    public var created: Date
    public var scheme: Scheme
    /// `BtchBookg` of every payment group (configured per scheme).
    public var batchBooking: BatchBooking = .agreed
    public var creditor: Creditor
    public var groups: [PaymentGroup]

    public var debits: [Debit] { groups.flatMap(\.debits) }
    public var total: Money { groups.map(\.total).sum() }
}
