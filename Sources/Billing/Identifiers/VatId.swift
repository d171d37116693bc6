/// Why a text is not a VAT identification number.
public enum VatIdError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing but blanks.
    case empty
    /// The first two letters are not an EU VAT prefix (Greece is `EL`, Northern Ireland `XI`).
    case unknownCountryPrefix(String)
    /// The part after the prefix does not have the country's format; `expected` describes it.
    case wrongFormat(country: String, expected: String)

    public var description: String {
        switch self {
        case .empty:
            return "The VAT id is empty."
        case .unknownCountryPrefix(let prefix):
            return "The VAT id starts with \"\(prefix)\", which is not an EU VAT prefix (e.g. DE, AT, FR; Greece is EL)."
        case .wrongFormat(let country, let expected):
            return "The VAT id does not have the format for \(country): \(expected)."
        }
    }
}

/// A VAT identification number (Umsatzsteuer-Identifikationsnummer, BT-31/BT-48),
/// checked for format only: `DE` + 9 digits for Germany, for other EU
/// countries the prefix followed by 2–12 letters or digits (VIES).
/// Whether the number is assigned only the VIES service can tell.
public struct VatId: Sendable, Hashable, CustomStringConvertible {
    /// The VAT id in capitals without blanks (`DE123456789`).
    public let value: String

    private static let prefixes: Set<String> = [
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU",
        "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "XI",
    ]

    /// Validates `text`; blanks, dots and dashes (`DE 123.456.789`) and small letters are accepted.
    public init(_ text: String) throws(VatIdError) {
        let compact = String(text.filter { $0 != " " && $0 != "." && $0 != "-" }.uppercased())
        guard !compact.isEmpty else { throw .empty }
        let prefix = String(compact.prefix(2))
        guard Self.prefixes.contains(prefix) else { throw .unknownCountryPrefix(prefix) }
        let rest = compact.dropFirst(2)
        if prefix == "DE" {
            guard rest.count == 9, rest.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw .wrongFormat(country: prefix, expected: "DE followed by 9 digits")
            }
        } else {
            guard (2...12).contains(rest.count), rest.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }) else {
                throw .wrongFormat(country: prefix, expected: "\(prefix) followed by 2 to 12 letters or digits")
            }
        }
        value = compact
    }

    /// The country prefix (`DE`; `EL` for Greece).
    public var countryPrefix: String { String(value.prefix(2)) }

    public var description: String { value }
}
