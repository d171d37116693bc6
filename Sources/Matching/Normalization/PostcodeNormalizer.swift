/// German postcodes (PLZ): always five digits.
public enum PostcodeNormalizer {
    /// The five-digit postcode, or why there is none.
    ///
    /// - Surrounding spaces and a country prefix `D-`, `D `, `DE-`, `DE` are accepted.
    /// - Four digits get their leading zero back (`1067` → `01067`): spreadsheets
    ///   store postcodes as numbers and drop it.
    /// - Anything else fails: letters, spaces inside, other lengths, foreign
    ///   prefixes (`A-1010`), and codes starting with `00`, which are never assigned.
    public static func normalize(_ postcode: String) -> Result<String, InvalidValue> {
        let scalars = Array(postcode.unicodeScalars.trimmingBlanks())
        if scalars.isEmpty { return .failure(.empty) }

        var index = 0
        var prefix: [UInt8] = []
        while index < scalars.count, let letter = scalars[index].asciiLetter {
            prefix.append(letter)
            index += 1
        }
        if !prefix.isEmpty, index < scalars.count, scalars[index] == "-" || scalars[index].isBlank {
            index += 1
            while index < scalars.count, scalars[index].isBlank { index += 1 }
        }

        let rest = scalars[index...]
        if let stray = rest.first(where: { !$0.isASCIIDigit }) {
            // Letters first: "10115 Berlin" is a city in the postcode column, not a stray space.
            if rest.contains(where: \.isLetter) { return .failure(InvalidValue("letters in postcode")) }
            return .failure(InvalidValue(stray.isBlank ? "space inside postcode" : "invalid character in postcode"))
        }
        var digits = rest.map { UInt8(truncatingIfNeeded: $0.value) }
        if digits.isEmpty { return .failure(InvalidValue("no digits in postcode")) }
        switch prefix {
        case [], [UInt8(ascii: "d")], [UInt8(ascii: "d"), UInt8(ascii: "e")]:
            break
        default:
            return .failure(InvalidValue("foreign postcode"))
        }

        switch digits.count {
        case 5: break
        case 4: digits.insert(UInt8(ascii: "0"), at: 0)
        case ..<4: return .failure(InvalidValue("too few digits in postcode"))
        default: return .failure(InvalidValue("too many digits in postcode"))
        }
        if digits[0] == UInt8(ascii: "0") && digits[1] == UInt8(ascii: "0") {
            return .failure(InvalidValue("postcode starts with 00"))
        }
        return .success(String(decoding: digits, as: UTF8.self))
    }
}
