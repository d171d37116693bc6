extension Iban {
    /// Where the national bank code sits after the check digits, for the
    /// countries where it identifies the bank (ECB IBAN registry):
    /// Bankleitzahl in DE, Bankleitzahl in AT, clearing number in CH and LI …
    static let bankCodePositions: [String: (offset: Int, length: Int)] = [
        "DE": (0, 8), "AT": (0, 5), "CH": (0, 5), "LI": (0, 5), "NL": (0, 4), "BE": (0, 3), "LU": (0, 3),
        "FR": (0, 5), "MC": (0, 5), "ES": (0, 4), "IT": (1, 5), "PL": (0, 3), "DK": (0, 4), "FI": (0, 3),
    ]

    /// The bank the account is held at (country and national bank code), nil
    /// where this product does not know the country's layout.
    public var bankIdentifier: String? {
        guard let position = Self.bankCodePositions[countryCode] else { return nil }
        let code = electronic.dropFirst(4 + position.offset).prefix(position.length)
        return countryCode + code
    }

    /// Whether both accounts are surely at the same bank; false when unknown.
    public func isAtSameBank(as other: Iban) -> Bool {
        guard let bank = bankIdentifier else { return false }
        return bank == other.bankIdentifier
    }
}
