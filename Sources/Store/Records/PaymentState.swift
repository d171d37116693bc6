import GRDB

/// Where an invoice's money stands: the one state every listing, register,
/// open-items list, dunning and suspension read. Billing derives it from the
/// payment rows (`Ledger`, `InvoicePosition`) and is the only writer;
/// docs/billing.md has the table of states and transitions.
public enum PaymentState: String, Codable, Sendable, CaseIterable {
    /// Issued, nothing received, no debit under way.
    case issued
    /// In a pain.008 file; the debit date has not come.
    case collectionSubmitted
    /// Paid by a debit whose date has come; the bank may still return it (5 TARGET days).
    case collected
    /// Some money received, less than owed.
    case partiallyPaid
    /// Received exactly what is owed.
    case paid
    /// Received more than owed: the surplus is the customer's credit.
    case overpaid
    /// Reversed by a credit note: nothing is owed; money received is credit.
    case cancelled
    /// The state of every credit note.
    case creditNote

    /// Words for listings (`invoice list`).
    public var label: String {
        switch self {
        case .issued: "issued"
        case .collectionSubmitted: "collection submitted"
        case .collected: "collected"
        case .partiallyPaid: "partially paid"
        case .paid: "paid"
        case .overpaid: "overpaid"
        case .cancelled: "cancelled"
        case .creditNote: "credit note"
        }
    }

    /// Something is still owed and may be asked for (dunning, suspension, collection).
    public static let owing: [PaymentState] = [.issued, .partiallyPaid]
}

extension PaymentState: DatabaseValueConvertible {}
