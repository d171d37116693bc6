/// Why a text is not an amount of money.
public enum MoneyParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is empty or only blanks.
    case empty
    /// The text holds a character that belongs in no amount.
    case invalidCharacter(Character)
    /// More than two digits after the decimal separator (amounts are in cents).
    case tooManyDecimals(String)
    /// Thousands separators not in groups of three, or a separator in the wrong place.
    case malformed(String)
    /// The amount does not fit (beyond ±92 quadrillion euros).
    case outOfRange(String)

    public var description: String {
        let hint = "Write amounts like 1.234,56 (German) or 1234.56, with at most two decimals."
        switch self {
        case .empty:
            return "The amount is empty. " + hint
        case .invalidCharacter(let character):
            return "The amount contains \"\(character)\", which is not part of a number. " + hint
        case .tooManyDecimals(let text):
            return "The amount \"\(text)\" has more than two decimals. " + hint
        case .malformed(let text):
            return "The amount \"\(text)\" is not a well-formed number. " + hint
        case .outOfRange(let text):
            return "The amount \"\(text)\" is too large. " + hint
        }
    }
}

extension Money {
    /// Reads an amount in German (`1.234,56`) or plain (`1234.56`) notation.
    ///
    /// Accepts a leading `-` or `+`, surrounding blanks and a trailing `€` or
    /// `EUR`. With a comma present, the comma is the decimal separator and dots
    /// group thousands; without one, a single dot is the decimal separator.
    /// `1.234` is therefore read as a decimal and rejected for its three
    /// decimals rather than silently taken as 1,234 euros.
    public init(parsing text: String) throws(MoneyParseError) {
        var body = Substring(text).trimmingBlanks()
        for suffix in ["€", "EUR"] where body.hasSuffix(suffix) {
            body = body.dropLast(suffix.count).trimmingBlanks()
        }
        guard !body.isEmpty else { throw .empty }

        var negative = false
        if let first = body.first, first == "-" || first == "+" {
            negative = first == "-"
            body = body.dropFirst()
        }
        for character in body where !(character.isASCII && (character.isNumber || character == "." || character == ",")) {
            throw .invalidCharacter(character)
        }

        let (decimalSeparator, groupSeparator): (Character, Character?) = body.contains(",") ? (",", ".") : (".", nil)
        let pieces = body.split(separator: decimalSeparator, omittingEmptySubsequences: false)
        guard pieces.count <= 2 else { throw .malformed(text) }
        let whole = pieces[0]
        let fraction = pieces.count == 2 ? pieces[1] : ""
        guard !(pieces.count == 2 && fraction.isEmpty) else { throw .malformed(text) }
        guard fraction.allSatisfy(\.isNumber) else { throw .malformed(text) }
        guard fraction.count <= 2 else { throw .tooManyDecimals(text) }

        let wholeDigits = try Self.digits(of: whole, groupSeparator: groupSeparator, text: text)
        guard !(wholeDigits.isEmpty && fraction.isEmpty) else { throw .malformed(text) }

        let centsText = (wholeDigits.isEmpty ? "0" : wholeDigits) + fraction.padding(toLength: 2)
        guard let magnitude = Int64(centsText) else { throw .outOfRange(text) }
        self.init(cents: negative ? -magnitude : magnitude)
    }

    /// The integer part without grouping dots; groups after the first must have three digits.
    private static func digits(of whole: Substring, groupSeparator: Character?, text: String) throws(MoneyParseError) -> String {
        guard let groupSeparator, whole.contains(groupSeparator) else {
            guard whole.allSatisfy(\.isNumber) else { throw .malformed(text) }
            return String(whole)
        }
        let groups = whole.split(separator: groupSeparator, omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count),
              groups.dropFirst().allSatisfy({ $0.count == 3 }),
              groups.allSatisfy({ $0.allSatisfy(\.isNumber) })
        else { throw .malformed(text) }
        return groups.joined()
    }
}

extension Substring {
    /// Without leading and trailing spaces, tabs and no-break spaces.
    fileprivate func trimmingBlanks() -> Substring {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" }
        guard let start = firstIndex(where: { !blank($0) }), let end = lastIndex(where: { !blank($0) }) else {
            return self[endIndex...]
        }
        return self[start...end]
    }

    /// Right-padded with zeros to `length` characters ("5" → "50").
    fileprivate func padding(toLength length: Int) -> String {
        String(self) + String(repeating: "0", count: Swift.max(0, length - count))
    }
}
