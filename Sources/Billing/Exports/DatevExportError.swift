/// Why a DATEV export wrote nothing.
public enum DatevExportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Configuration keys the header needs (consultant and client number).
    case missingKeys([String])
    /// Customers with bookings in the month but no debtor account.
    case customersWithoutDebtorAccount([String])
    /// An account does not fit the configured account length.
    case accountLength(String)

    public var description: String {
        switch self {
        case .missingKeys(let keys):
            "cannot export to DATEV: the configuration lacks \(keys.joined(separator: ", ")) (docs/billing.md, \"DATEV export and open items\"). Nothing was written."
        case .customersWithoutDebtorAccount(let ids):
            "cannot export to DATEV: no debtor account for \(ids.joined(separator: ", ")); add them to datev.debtorAccounts "
                + "(\"\(ids[0])=10001\") or give them ids ending in digits. Nothing was written."
        case .accountLength(let detail):
            "cannot export to DATEV: \(detail). Nothing was written."
        }
    }
}
