import Store

extension PaymentState {
    /// The word in the register and the open-items list (German, for the accountant).
    public var germanLabel: String {
        switch self {
        case .issued: "offen"
        case .collectionSubmitted: "Einzug eingereicht"
        case .collected: "eingezogen"
        case .partiallyPaid: "teilweise bezahlt"
        case .paid: "bezahlt"
        case .overpaid: "überzahlt"
        case .cancelled: "storniert"
        case .creditNote: "Korrektur"
        }
    }
}
