/// Telephone, mobile and fax numbers to E.164 (`+49301234567`), Germany being the default country.
public enum PhoneNormalizer {
    /// The number in E.164 form, or why it cannot be canonicalized. Nothing is guessed.
    ///
    /// - A leading label is dropped: `Tel.`, `Tel:`, `tel:`, `Telefon`, `Fon`, `Mobil`,
    ///   `Handy`, `Fax` (each optionally followed by `.`, `:`, `-Nr.`).
    /// - Separators: blanks (also no-break space), `/ - ( ) .` and dashes.
    /// - `+cc` and `00cc` are international; `0…` is German national (trunk prefix 0).
    ///   A number with neither has no area code and fails; a spreadsheet that lost
    ///   the leading zero is not repaired.
    /// - `+49 (0)30…`, `+49 030…`: the trunk zero after `+49` is dropped;
    ///   `(0)` after any country code is dropped.
    /// - Digits after a hyphen stay (`030 1234-0` → `+493012340`): a direct-dial
    ///   extension cannot be told apart from the number.
    /// - German numbers need 6 to 13 digits after `+49`; foreign ones 7 to 15 digits in all.
    public static func normalize(_ phone: String) -> Result<String, InvalidValue> {
        let trimmed = phone.unicodeScalars.trimmingBlanks()
        if trimmed.isEmpty { return .failure(.empty) }
        let scalars = Array(trimmed)
        let start = afterLabel(scalars)

        var digits: [UInt8] = []
        digits.reserveCapacity(scalars.count)
        var international = false
        var parenthesizedZero: Int?  // index in `digits` of a "(0)"
        var index = start
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if scalar.isASCIIDigit {
                digits.append(UInt8(scalar.value))
            } else if scalar == "+" {
                if international || !digits.isEmpty { return .failure(InvalidValue("misplaced +")) }
                international = true
            } else if scalar == "(", let close = closingOfParenthesizedZero(scalars, after: index - 1) {
                parenthesizedZero = digits.count
                digits.append(UInt8(ascii: "0"))
                index = close + 1
            } else if isSeparator(scalar) {
                continue
            } else if scalar.isLetter {
                return .failure(InvalidValue("letters in phone number"))
            } else {
                return .failure(InvalidValue("invalid character in phone number"))
            }
        }
        if digits.isEmpty { return .failure(InvalidValue("no digits in phone number")) }

        let zero = UInt8(ascii: "0")
        if !international && digits.count >= 2 && digits[0] == zero && digits[1] == zero {
            international = true
            digits.removeFirst(2)
            parenthesizedZero = parenthesizedZero.map { $0 - 2 }
        }
        if international {
            // "+49 (0)30": the bracketed zero is the trunk prefix written out for national callers.
            if let position = parenthesizedZero, position > 0 { digits.remove(at: position) }
            return internationalNumber(digits[...])
        }
        guard digits[0] == zero else { return .failure(InvalidValue("no area code")) }
        return germanNumber(digits.dropFirst())
    }

    /// `digits` start with the country code.
    private static func internationalNumber(_ digits: ArraySlice<UInt8>) -> Result<String, InvalidValue> {
        guard let first = digits.first else { return .failure(InvalidValue("no digits after country prefix")) }
        if first == UInt8(ascii: "0") { return .failure(InvalidValue("invalid country code")) }
        if digits.starts(with: germany) {
            var national = digits.dropFirst(germany.count)
            if national.first == UInt8(ascii: "0") { national = national.dropFirst() }  // "+49 030…": habit, not a different number
            return germanNumber(national)
        }
        if digits.count < 7 { return .failure(InvalidValue("phone number too short")) }
        if digits.count > 15 { return .failure(InvalidValue("phone number too long")) }
        return .success("+" + String(decoding: digits, as: UTF8.self))
    }

    /// `national` is the German national significant number (area code without its 0, then subscriber).
    private static func germanNumber(_ national: ArraySlice<UInt8>) -> Result<String, InvalidValue> {
        if national.first == UInt8(ascii: "0") { return .failure(InvalidValue("area code starts with 0")) }
        if national.count < 6 { return .failure(InvalidValue("phone number too short")) }
        if national.count + germany.count > 15 { return .failure(InvalidValue("phone number too long")) }
        return .success("+49" + String(decoding: national, as: UTF8.self))
    }

    private static let germany: [UInt8] = [UInt8(ascii: "4"), UInt8(ascii: "9")]

    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "/", "-", "(", ")", ".", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2212}": true
        default: scalar.isBlank
        }
    }

    /// The index of `)` when `scalars[open]` starts a `(0)` group (blanks allowed inside).
    private static func closingOfParenthesizedZero(_ scalars: [Unicode.Scalar], after open: Int) -> Int? {
        var index = open + 1
        var sawZero = false
        while index < scalars.count {
            switch scalars[index] {
            case ")": return sawZero ? index : nil
            case "0" where !sawZero: sawZero = true
            case let scalar where scalar.isBlank: break
            default: return nil
            }
            index += 1
        }
        return nil
    }

    /// Where the number starts after a leading label such as `Tel.:` or `Mobil`.
    private static func afterLabel(_ scalars: [Unicode.Scalar]) -> Int {
        var word: [UInt8] = []
        var index = 0
        while index < scalars.count, let letter = scalars[index].asciiLetter {
            word.append(letter)
            index += 1
        }
        guard labels.contains(word) else { return 0 }
        // "Tel.-Nr.:", "Tel:", "Fax ", "Mobil."
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "." || scalar == ":" || scalar == "-" || scalar.isBlank {
                index += 1
            } else if index + 1 < scalars.count, scalar.asciiLetter == UInt8(ascii: "n"),
                scalars[index + 1].asciiLetter == UInt8(ascii: "r")
            {
                index += 2
            } else {
                break
            }
        }
        return index
    }

    static let labels: Set<[UInt8]> = Set(
        [
            "tel", "telefon", "telephone", "phone", "fon", "mobil", "mobile", "mob", "handy", "fax", "telefax",
            "telnr", "telefonnummer", "rufnummer", "mobilnummer", "handynummer", "faxnummer",
        ].map { Array($0.utf8) }
    )
}
