/// Why a text is not a valid IBAN.
public enum IbanError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing but blanks.
    case empty
    /// A character other than letters, digits and spaces.
    case invalidCharacter(Character)
    /// The first two characters are not a country whose IBAN format we know.
    case unknownCountry(String)
    /// The IBAN has `actual` characters, but the country's IBANs have `expected`.
    case wrongLength(country: String, expected: Int, actual: Int)
    /// The third and fourth characters are not two digits.
    case malformedCheckDigits
    /// The check digits do not match the rest (MOD 97 ≠ 1): usually a typo.
    case checksumMismatch

    public var description: String {
        switch self {
        case .empty:
            return "The IBAN is empty. Enter the IBAN from the customer's mandate."
        case .invalidCharacter(let character):
            return "The IBAN contains \"\(character)\"; an IBAN has only letters, digits and spaces."
        case .unknownCountry(let country):
            return "The IBAN starts with \"\(country)\", which is not a SEPA country code. Check the first two letters."
        case .wrongLength(let country, let expected, let actual):
            return "The IBAN has \(actual) characters, but IBANs from \(country) have \(expected). "
                + "Check for missing or extra digits."
        case .malformedCheckDigits:
            return "The IBAN's third and fourth characters must be digits (the check digits)."
        case .checksumMismatch:
            return "The IBAN's check digits do not match (ISO 13616 MOD 97): there is probably a typo. "
                + "Compare it with the mandate."
        }
    }
}

/// An International Bank Account Number whose country length and check
/// digits (ISO 13616, MOD 97 = 1) have been verified.
public struct Iban: Sendable, Hashable, CustomStringConvertible {
    /// The IBAN without spaces, in capitals (`DE89370400440532013000`), as XML wants it.
    public let electronic: String

    /// Validates `text`; spaces anywhere and small letters are accepted
    /// (`de89 3704 0044 0532 0130 00`).
    public init(_ text: String) throws(IbanError) {
        var compact = ""
        for character in text where character != " " && character != "\u{00A0}" {
            guard character.isASCII, character.isLetter || character.isNumber else {
                throw .invalidCharacter(character)
            }
            compact.append(Character(character.uppercased()))
        }
        guard !compact.isEmpty else { throw .empty }
        let country = String(compact.prefix(2))
        guard country.count == 2, country.allSatisfy(\.isLetter), let expected = IbanLengths.byCountry[country] else {
            throw .unknownCountry(country)
        }
        guard compact.count == expected else {
            throw .wrongLength(country: country, expected: expected, actual: compact.count)
        }
        guard compact.dropFirst(2).prefix(2).allSatisfy(\.isNumber) else { throw .malformedCheckDigits }
        // ISO 13616: move the country and check digits to the end; the number must leave 1 modulo 97.
        guard Mod97.remainder(of: compact.dropFirst(4) + compact.prefix(4)) == 1 else { throw .checksumMismatch }
        electronic = compact
    }

    /// The ISO 3166 country code (`DE`).
    public var countryCode: String { String(electronic.prefix(2)) }

    /// The paper format in groups of four: `DE89 3704 0044 0532 0130 00`.
    public var grouped: String {
        var result = ""
        for (index, character) in electronic.enumerated() {
            if index > 0 && index % 4 == 0 { result.append(" ") }
            result.append(character)
        }
        return result
    }

    /// Country and last four characters, for letters and logs: `DE…3000`.
    public var masked: String {
        countryCode + "…" + String(electronic.suffix(4))
    }

    /// The masked form of any text meant as an IBAN, valid or not: a message
    /// about a broken IBAN must not disclose it either.
    public static func masked(_ text: String) -> String {
        if let iban = try? Iban(text) { return iban.masked }
        let compact = text.filter { $0 != " " }
        return compact.count > 6 ? String(compact.prefix(2)) + "…" + String(compact.suffix(4)) : "…"
    }

    /// The masked form, so that logging an IBAN by accident does not disclose it.
    public var description: String { masked }
}
