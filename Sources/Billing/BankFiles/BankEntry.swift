/// One thing the bank reported that Robinson acts on: a direct debit that came
/// back, or money a customer transferred.
public enum BankEntry: Sendable, Hashable {
    /// A direct debit returned after collection (camt, CSV) or rejected before it (pain.002).
    case returnedDebit(ReturnedDebit)
    /// An incoming credit transfer (camt.053 / camt.054 `CRDT`).
    case credit(IncomingPayment)

    /// The bank's reference for the entry, or a digest of file and position;
    /// the same file read twice gives the same reference, so an applier can skip repeats.
    public var entryReference: String {
        switch self {
        case .returnedDebit(let debit): debit.entryReference
        case .credit(let payment): payment.entryReference
        }
    }
}

/// A direct debit the debtor's bank sent back or refused.
public struct ReturnedDebit: Sendable, Hashable {
    /// Whether money moved: a return reverses a booked collection, a
    /// rejection (pain.002) stops it before settlement.
    public enum Stage: String, Sendable, Hashable {
        case returned
        case rejected
    }

    /// The `EndToEndId` Robinson put into the pain.008 (invoice number).
    public let endToEndId: String
    /// The mandate reference (`MndtId`), when the bank repeats it.
    public let mandateReference: String?
    /// The amount taken back, positive. Nil only for a pain.002 rejection
    /// that does not repeat the original amount.
    public let amount: Money?
    /// The ISO reason code (`AM04`); see ``ReturnReason``.
    public let reasonCode: String
    /// The booking date (pain.002: the report's creation date).
    public let bookingDate: CalendarDate
    /// The value date, when the bank gives one.
    public let valueDate: CalendarDate?
    public let stage: Stage
    /// Stable identity of this return; see ``BankEntry/entryReference``.
    public let entryReference: String

    public init(endToEndId: String, mandateReference: String?, amount: Money?, reasonCode: String,
                bookingDate: CalendarDate, valueDate: CalendarDate?, stage: Stage, entryReference: String) {
        self.endToEndId = endToEndId
        self.mandateReference = mandateReference
        self.amount = amount
        self.reasonCode = reasonCode
        self.bookingDate = bookingDate
        self.valueDate = valueDate
        self.stage = stage
        self.entryReference = entryReference
    }

    /// The reason with this product's default consequences (fee, mandate).
    public var reason: ReturnReason { ReturnReason(code: reasonCode) }
}

/// Money a customer transferred to us, for matching against open invoices.
public struct IncomingPayment: Sendable, Hashable {
    /// The amount received, positive.
    public let amount: Money
    public let bookingDate: CalendarDate
    /// Every unstructured remittance line (`Ustrd`), joined by a space.
    public let remittance: String
    /// The payer's name as the bank reports it.
    public let debtorName: String?
    /// The payer's `EndToEndId`, unless absent or `NOTPROVIDED`.
    public let endToEndId: String?
    /// Stable identity of this payment; see ``BankEntry/entryReference``.
    public let entryReference: String

    public init(amount: Money, bookingDate: CalendarDate, remittance: String, debtorName: String?,
                endToEndId: String?, entryReference: String) {
        self.amount = amount
        self.bookingDate = bookingDate
        self.remittance = remittance
        self.debtorName = debtorName
        self.endToEndId = endToEndId
        self.entryReference = entryReference
    }
}
