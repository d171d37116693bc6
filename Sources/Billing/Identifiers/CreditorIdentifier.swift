/// Why a text is not a valid SEPA creditor identifier.
public enum CreditorIdentifierError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing but blanks.
    case empty
    /// Not two letters, two check digits, a three-character business code and a national part.
    case malformed
    /// A German identifier must be 18 characters: `DE`, 2 digits, 3 characters, `0` and 10 digits.
    case wrongGermanFormat
    /// The check digits do not match (ISO 7064 MOD 97-10): usually a typo.
    case checksumMismatch

    public var description: String {
        switch self {
        case .empty:
            return "The creditor identifier is empty. Enter the Gläubiger-ID issued by the Bundesbank."
        case .malformed:
            return "The creditor identifier is malformed: it starts with a country code, two check digits "
                + "and a three-character business code (e.g. DE98ZZZ09999999999)."
        case .wrongGermanFormat:
            return "A German creditor identifier has 18 characters: DE, two check digits, a three-character "
                + "business code, then 0 and ten digits (e.g. DE98ZZZ09999999999)."
        case .checksumMismatch:
            return "The creditor identifier's check digits do not match (ISO 7064 MOD 97-10): "
                + "there is probably a typo. Compare it with the Bundesbank's letter."
        }
    }
}

/// A SEPA creditor identifier (Gläubiger-Identifikationsnummer).
///
/// Structure: country code, 2 check digits, 3-character business code
/// (`ZZZ` by default, chosen freely by the creditor and ignored by the check),
/// national identifier. The check digits are ISO 7064 MOD 97-10 over the
/// national identifier followed by the country code and `00`: check = 98 − (n mod 97).
public struct CreditorIdentifier: Sendable, Hashable, CustomStringConvertible {
    /// The identifier in capitals without blanks (`DE98ZZZ09999999999`).
    public let value: String

    /// Validates `text`; blanks and small letters are accepted (`de98 zzz 09999999999`).
    public init(_ text: String) throws(CreditorIdentifierError) {
        let compact = String(text.filter { $0 != " " }.uppercased())
        guard !compact.isEmpty else { throw .empty }
        let characters = Array(compact)
        let alphanumeric: (Character) -> Bool = { $0.isASCII && ($0.isUppercase || $0.isNumber) }
        guard characters.count > 7, characters.count <= 35,
              characters[0..<2].allSatisfy({ $0.isASCII && $0.isUppercase }),
              characters[2..<4].allSatisfy({ $0.isASCII && $0.isNumber }),
              characters.allSatisfy(alphanumeric)
        else { throw .malformed }
        let country = characters[0..<2]
        let national = characters[7...]
        if country.elementsEqual("DE") {
            guard characters.count == 18, national.first == "0", national.allSatisfy(\.isNumber) else {
                throw .wrongGermanFormat
            }
        }
        guard let remainder = Mod97.remainder(of: Array(national) + Array(country) + ["0", "0"]),
              98 - remainder == Int(String(characters[2..<4]))
        else { throw .checksumMismatch }
        value = compact
    }

    /// The country code (`DE`).
    public var countryCode: String { String(value.prefix(2)) }

    /// The business code (`ZZZ`), which the creditor may vary per business line.
    public var businessCode: String { String(value.dropFirst(4).prefix(3)) }

    public var description: String { value }
}
