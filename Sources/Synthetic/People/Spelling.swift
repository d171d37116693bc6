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
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.isASCII || "äöüÄÖÜß".unicodeScalars.contains(scalar) {
                result.append(scalar)
            } else {
                result.append(contentsOf: unaccented(scalar).unicodeScalars)
            }
        }
        return String(result)
    }

    /// A letter without its accents: the base of its canonical decomposition, or from a
    /// table for letters that have none (`ł`, `ø`, `ı` …). Combining marks vanish.
    private static func unaccented(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "ł": return "l"
        case "Ł": return "L"
        case "ø": return "o"
        case "Ø": return "O"
        case "ı": return "i"
        case "đ": return "d"
        case "Đ": return "D"
        case "æ": return "ae"
        case "Æ": return "Ae"
        default:
            if scalar.properties.generalCategory == .nonspacingMark { return "" }
            let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
            return String(String.UnicodeScalarView(decomposed.filter { $0.properties.generalCategory != .nonspacingMark }))
        }
    }

    /// Lower-case ASCII for e-mail local parts: `Jürgen` → `juergen`, `José` → `jose`, `Groß-Weiß` → `gross-weiss`.
    static func mailbox(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "a"..."z", "-": result.append(scalar)
            case "A"..."Z": result.append(Unicode.Scalar(scalar.value + 0x20)!)
            case "ä", "Ä": result.append(contentsOf: "ae".unicodeScalars)
            case "ö", "Ö": result.append(contentsOf: "oe".unicodeScalars)
            case "ü", "Ü": result.append(contentsOf: "ue".unicodeScalars)
            case "ß": result.append(contentsOf: "ss".unicodeScalars)
            case _ where scalar.isASCII: break  // blanks, apostrophes, dots
            default:
                let letters = unaccented(scalar).lowercased().unicodeScalars
                result.append(contentsOf: letters.filter { $0.isASCII && $0.properties.isAlphabetic })
            }
        }
        return String(result)
    }
}
