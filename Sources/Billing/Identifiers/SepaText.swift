import Foundation

/// Free text (names, remittance information) converted to the SEPA character set.
///
/// German umlauts are spelled out (`Ä→AE Ö→OE Ü→UE ä→ae ö→oe ü→ue ß→ss`),
/// other letters lose their accents (`é→e`, `Ł→L`), typographic quotes and
/// dashes become `'` and `-`, anything else becomes a space. Runs of spaces
/// are collapsed and the ends trimmed, so `Müller & Söhne` becomes `Mueller Soehne`.
public struct SepaText: Sendable, Hashable, CustomStringConvertible {
    /// Most characters of a name (`Nm`).
    public static let nameLimit = 70
    /// Most characters of unstructured remittance information (`Ustrd`).
    public static let remittanceLimit = 140

    /// The converted text: only characters of ``SepaCharacterSet``.
    public let value: String

    /// Converts `text` to the SEPA character set.
    public init(_ text: String) {
        var converted = ""
        for character in text {
            converted += Self.transliterate(character)
        }
        value = Self.collapsingSpaces(converted)
    }

    private init(converted: String) {
        value = converted
    }

    /// A name for `Nm`: converted and cut to 70 characters.
    public static func name(_ text: String) -> SepaText {
        SepaText(text).truncated(to: nameLimit)
    }

    /// Remittance information for `Ustrd`: converted and cut to 140 characters.
    public static func remittance(_ text: String) -> SepaText {
        SepaText(text).truncated(to: remittanceLimit)
    }

    /// The first `limit` characters, without a space left dangling at the cut.
    /// All characters are ASCII, so characters, UTF-8 bytes and the schema's length agree.
    public func truncated(to limit: Int) -> SepaText {
        guard value.count > limit else { return self }
        var cut = String(value.prefix(limit))
        while cut.hasSuffix(" ") { cut.removeLast() }
        return SepaText(converted: cut)
    }

    public var description: String { value }

    private static let spelledOut: [Character: String] = [
        "Ä": "AE", "Ö": "OE", "Ü": "UE", "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ẞ": "SS",
        // Letters that do not decompose into a base letter and an accent.
        "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "Ø": "O", "ø": "o", "Ł": "L", "ł": "l",
        "Đ": "D", "đ": "d", "Ð": "D", "ð": "d", "Þ": "TH", "þ": "th", "ı": "i", "Ħ": "H", "ħ": "h",
        // Typographic punctuation with a SEPA equivalent.
        "‘": "'", "’": "'", "‚": "'", "´": "'", "`": "'",
        "‐": "-", "‑": "-", "–": "-", "—": "-",
    ]

    private static func transliterate(_ character: Character) -> String {
        if SepaCharacterSet.contains(character) { return String(character) }
        if let replacement = spelledOut[character] { return replacement }
        // Canonical decomposition splits "é" into "e" and a combining accent; keep the base.
        let base = String(character).decomposedStringWithCanonicalMapping.unicodeScalars
            .filter { $0.properties.generalCategory != .nonspacingMark }
        let baseText = String(String.UnicodeScalarView(base))
        if !baseText.isEmpty, baseText.allSatisfy(SepaCharacterSet.contains) { return baseText }
        return " "
    }

    private static func collapsingSpaces(_ text: String) -> String {
        text.split(separator: " ").joined(separator: " ")
    }
}
