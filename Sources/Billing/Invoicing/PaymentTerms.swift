/// How the invoice gets paid; decides the payment means in the XML (BT-81)
/// and the payment paragraph of the letter.
public enum PaymentTerms: Codable, Sendable, Equatable {
    /// SEPA direct debit (code 59) with the pre-notification: amount, date,
    /// mandate reference and creditor identifier (FACTS "Pre-notification").
    case directDebit(DirectDebit)
    /// Credit transfer to the seller's account (code 58) with the invoice number as reference.
    case transfer(Transfer)
    /// A credit note: the amount is settled against what the customer owes
    /// or refunded (code 97, clearing between partners).
    case settlement

    public struct DirectDebit: Codable, Sendable, Equatable {
        /// BT-89.
        public var mandateReference: String
        /// BT-90.
        public var creditorIdentifier: String
        /// BT-91, electronic form; the letter shows it masked (`DE…1234`).
        public var debtorIban: String
        /// The pre-notified collection date.
        public var collectionDate: CalendarDate

        public init(mandateReference: String, creditorIdentifier: String, debtorIban: String, collectionDate: CalendarDate) {
            self.mandateReference = mandateReference
            self.creditorIdentifier = creditorIdentifier
            self.debtorIban = debtorIban
            self.collectionDate = collectionDate
        }
    }

    public struct Transfer: Codable, Sendable, Equatable {
        /// BT-84, the seller's account, electronic form.
        public var iban: String
        /// BT-86.
        public var bic: String?
        public var bankName: String?
        public var accountHolder: String
        /// BT-83: what the payer writes in the remittance (the invoice number).
        public var reference: String

        public init(iban: String, bic: String?, bankName: String?, accountHolder: String, reference: String) {
            self.iban = iban
            self.bic = bic
            self.bankName = bankName
            self.accountHolder = accountHolder
            self.reference = reference
        }
    }
}
