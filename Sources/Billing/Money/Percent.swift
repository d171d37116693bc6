/// A percentage with two decimals, held as basis points (hundredths of a
/// percentage point): 19 % is 1900, the base rate 2.27 % is 227.
///
/// Used for VAT rates and interest rates; negative values are allowed because
/// the German base rate was negative from 2013 to 2022.
public struct Percent: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Hundredths of a percentage point.
    public let basisPoints: Int

    /// A rate of `basisPoints` hundredths of a percent (`Percent(basisPoints: 1900)` is 19 %).
    public init(basisPoints: Int) {
        self.basisPoints = basisPoints
    }

    /// A whole percentage (`Percent(19)`).
    public init(_ wholePercent: Int) {
        self.basisPoints = wholePercent * 100
    }

    /// Reads `19`, `7.5`, `2,27` or `-0.88` (at most two decimals), as written in configuration.
    public init(parsing text: String) throws(PercentParseError) {
        var body = Substring(text.filter { $0 != " " })
        if body.hasSuffix("%") { body = body.dropLast() }
        var negative = false
        if body.first == "-" || body.first == "+" {
            negative = body.first == "-"
            body = body.dropFirst()
        }
        let pieces = body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "." || $0 == "," })
        guard (1...2).contains(pieces.count),
              !pieces[0].isEmpty, pieces.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              pieces.count == 1 || (1...2).contains(pieces[1].count),
              let whole = Int(pieces[0]), whole <= 1_000
        else { throw PercentParseError(text: text) }
        let fraction = pieces.count == 2 ? String(pieces[1]) + (pieces[1].count == 1 ? "0" : "") : "00"
        let magnitude = whole * 100 + Int(fraction)!
        self.basisPoints = negative ? -magnitude : magnitude
    }

    public static func + (lhs: Percent, rhs: Percent) -> Percent { Percent(basisPoints: lhs.basisPoints + rhs.basisPoints) }
    public static func < (lhs: Percent, rhs: Percent) -> Bool { lhs.basisPoints < rhs.basisPoints }

    /// Two decimals with a dot, as XML schemas want it: `19.00`, `-0.88`.
    public var xmlValue: String {
        let magnitude = basisPoints.magnitude
        let fraction = magnitude % 100
        return (basisPoints < 0 ? "-" : "") + "\(magnitude / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }

    /// German notation without needless zeros: `19 %`, `7 %`, `2,27 %`, `5,5 %`.
    public var germanFormatted: String {
        var text = xmlValue
        while text.hasSuffix("0") && text.contains(".") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return String(text.map { $0 == "." ? "," : $0 }) + " %"
    }

    public var description: String { germanFormatted }
}

/// A text that is not a percentage with at most two decimals.
public struct PercentParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text as given.
    public let text: String

    public init(text: String) {
        self.text = text
    }

    public var description: String {
        "\"\(text)\" is not a percentage. Write it like 19, 7.5 or 2.27 (at most two decimals)."
    }
}
