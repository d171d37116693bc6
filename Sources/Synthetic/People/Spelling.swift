import Foundation

/// Spelling changes address files make: umlauts written out, accents lost, case changed.
enum Spelling: Sendable {
    case asIs, transliterated, withoutAccents, upper, lower

    func apply(_ text: String) -> String {
        switch self {
        case .asIs: text
        case .transliterated: Self.transliterate(text)
        case .withoutAccents: Self.stripAccents(text)
        case .upper: text.uppercased()
        case .lower: text.lowercased()
        }
    }

    /// `Müller` → `Mueller`, `Groß` → `Gross`: the German way of writing without umlauts.
    static func transliterate(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 4)
        for character in text {
            switch character {
            case "ä": result += "ae"
            case "ö": result += "oe"
            case "ü": result += "ue"
            case "Ä": result += "Ae"
            case "Ö": result += "Oe"
            case "Ü": result += "Ue"
            case "ß": result += "ss"
            case "ẞ": result += "SS"
            default: result.append(character)
            }
        }
        return result
    }

    /// `José` → `Jose`, `Łukasz` → `Lukasz`; German umlauts and ß stay (losing them is another variant).
    static func stripAccents(_ text: String) -> String {
        var result = ""
        for character in text {
            if "äöüÄÖÜß".contains(character) {
                result.append(character)
            } else if let plain = unaccented[character] {
                result += plain
            } else {
                let base = String(character).decomposedStringWithCanonicalMapping.unicodeScalars.filter {
                    $0.properties.generalCategory != .nonspacingMark
                }
                result.unicodeScalars.append(contentsOf: base)
            }
        }
        return result
    }

    /// Letters without a canonical decomposition.
    private static let unaccented: [Character: String] = [
        "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ı": "i", "đ": "d", "Đ": "D", "æ": "ae", "Æ": "Ae",
    ]

    /// Lower-case ASCII for e-mail local parts: `Jürgen` → `juergen`, `José` → `jose`.
    static func mailbox(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {  // most names: no Unicode work
            return String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0 == "-" })
        }
        let plain = stripAccents(transliterate(text)).lowercased()
        return String(plain.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || $0 == "-") }.map(Character.init))
    }
}
