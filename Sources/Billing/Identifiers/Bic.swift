/// Why a text is not a valid BIC.
public enum BicError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The BIC has `actual` characters; it must have 8 or 11.
    case wrongLength(actual: Int)
    /// Characters 1–4 (the institution) must be letters or digits.
    case invalidInstitutionCode
    /// Characters 5–6 must be a country code (two letters).
    case invalidCountryCode
    /// Characters 7–8 (the location) must be letters or digits.
    case invalidLocationCode
    /// Characters 9–11 (the branch) must be letters or digits.
    case invalidBranchCode

    public var description: String {
        let part: String
        switch self {
        case .wrongLength(let actual):
            return "The BIC has \(actual) characters; a BIC has 8 or 11 (e.g. COBADEFFXXX). "
                + "Leave it empty if unknown: SEPA works with the IBAN alone."
        case .invalidInstitutionCode: part = "characters 1–4 (bank) must be letters or digits"
        case .invalidCountryCode: part = "characters 5–6 must be the country code in letters"
        case .invalidLocationCode: part = "characters 7–8 (location) must be letters or digits"
        case .invalidBranchCode: part = "characters 9–11 (branch) must be letters or digits"
        }
        return "The BIC is malformed: \(part) (e.g. COBADEFFXXX)."
    }
}

/// A Business Identifier Code (ISO 9362), 8 or 11 characters.
///
/// Checked against the pattern of pain.008.001.08 (`BICFIDec2014Identifier`):
/// `[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?`.
public struct Bic: Sendable, Hashable, CustomStringConvertible {
    /// The BIC in capitals without blanks.
    public let value: String

    /// Validates `text`; surrounding blanks and small letters are accepted.
    public init(_ text: String) throws(BicError) {
        let compact = String(text.filter { $0 != " " }.uppercased())
        let characters = Array(compact)
        guard characters.count == 8 || characters.count == 11 else { throw .wrongLength(actual: characters.count) }
        let alphanumeric: (Character) -> Bool = { $0.isASCII && ($0.isUppercase || $0.isNumber) }
        guard characters[0..<4].allSatisfy(alphanumeric) else { throw .invalidInstitutionCode }
        guard characters[4..<6].allSatisfy({ $0.isASCII && $0.isUppercase }) else { throw .invalidCountryCode }
        guard characters[6..<8].allSatisfy(alphanumeric) else { throw .invalidLocationCode }
        guard characters[8...].allSatisfy(alphanumeric) else { throw .invalidBranchCode }
        value = compact
    }

    /// The country code (characters 5–6).
    public var countryCode: String { String(value.dropFirst(4).prefix(2)) }

    public var description: String { value }
}
