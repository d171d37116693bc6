import Foundation

/// Folds free text to the comparable form every key is built from.
///
/// Unicode compatibility forms are unified (NFKC), letters are lower-cased,
/// `ä ö ü` become `ae oe ue` and `ß`/`ẞ` becomes `ss` (the German transliteration,
/// so `Müller` = `Mueller`), other diacritics are dropped (`é→e`, `ł→l`, `ø→o`,
/// `æ→ae`, `œ→oe`), and only `a-z0-9` remain. Apostrophes vanish without
/// splitting a word (`O'Brien` → `obrien`); letters of non-Latin scripts are dropped.
public enum TextFolding {
    /// The folded text with spaces and punctuation removed: `Karl-Marx-Straße 5` → `karlmarxstrasse5`.
    public static func fold(_ s: String) -> String {
        String(decoding: foldedBytes(s, marksWords: false), as: UTF8.self)
    }

    /// The folded text split into words at spaces, hyphens and other punctuation:
    /// `Hans-Peter von Müller` → `["hans", "peter", "von", "mueller"]`.
    public static func words(_ s: String) -> [String] {
        foldedBytes(s, marksWords: true)
            .split(separator: FoldingBuffer.wordBreak)
            .map { String(decoding: $0, as: UTF8.self) }
    }

    /// Like `words`, but a word directly followed by a dot keeps it, marking an
    /// abbreviation: `Linden Al. 5` → `["linden", "al.", "5"]`.
    static func wordsKeepingDots(_ s: String) -> [String] {
        foldedBytes(s, marksWords: true, keepsDots: true)
            .split(separator: FoldingBuffer.wordBreak)
            .map { String(decoding: $0, as: UTF8.self) }
    }

    /// The folded ASCII bytes; with `marksWords`, single spaces between words
    /// (none leading or trailing).
    static func foldedBytes(_ s: some StringProtocol, marksWords: Bool, keepsDots: Bool = false) -> [UInt8] {
        foldedBytes(scalars: s.unicodeScalars, capacity: s.utf8.count, marksWords: marksWords, keepsDots: keepsDots)
    }

    static func foldedBytes(
        scalars: some Sequence<Unicode.Scalar>, capacity: Int, marksWords: Bool, keepsDots: Bool = false
    ) -> [UInt8] {
        var buffer = FoldingBuffer(capacity: capacity, marksWords: marksWords, keepsDots: keepsDots)
        for scalar in scalars {
            buffer.append(scalar, decomposing: true)
        }
        return buffer.finished()
    }
}

/// Accumulates folded bytes scalar by scalar.
struct FoldingBuffer {
    static let wordBreak = UInt8(ascii: " ")

    private var bytes: [UInt8]
    private let marksWords: Bool
    private let keepsDots: Bool
    /// The last letter emitted from a base letter, so that a decomposed umlaut
    /// (`a` + U+0308) folds like the precomposed one.
    private var lastBase: UInt8 = 0

    init(capacity: Int, marksWords: Bool, keepsDots: Bool = false) {
        bytes = []
        bytes.reserveCapacity(capacity + 4)
        self.marksWords = marksWords
        self.keepsDots = keepsDots
    }

    mutating func finished() -> [UInt8] {
        if bytes.last == Self.wordBreak { bytes.removeLast() }
        return bytes
    }

    mutating func append(_ scalar: Unicode.Scalar, decomposing: Bool) {
        let value = scalar.value
        if value < 0x80 {
            appendASCII(UInt8(truncatingIfNeeded: value))
            return
        }
        if value == 0x308 {  // combining diaeresis
            if lastBase == UInt8(ascii: "a") || lastBase == UInt8(ascii: "o") || lastBase == UInt8(ascii: "u") {
                bytes.append(UInt8(ascii: "e"))
            }
            lastBase = 0
            return
        }
        if let folding = Self.latinFolding(value) {
            lastBase = 0
            switch folding {
            case .letters(let first, let second):
                bytes.append(first)
                if second != 0 { bytes.append(second) }
            case .boundary:
                breakWord()
            case .silent:
                break
            }
            return
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return  // accents on the previous letter: dropped
        default:
            break
        }
        if properties.isWhitespace {
            lastBase = 0
            breakWord()
            return
        }
        if decomposing {
            // Rare outside Latin-1: full-width forms, ligatures, superscripts, Latin Extended.
            let decomposed = String(scalar).decomposedStringWithCompatibilityMapping.unicodeScalars
            if decomposed.count != 1 || decomposed.first != scalar {
                for part in decomposed {
                    append(part, decomposing: false)
                }
                return
            }
        }
        lastBase = 0
        if !properties.isAlphabetic {
            breakWord()  // punctuation and symbols separate words; letters of other scripts just vanish
        }
    }

    private mutating func appendASCII(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"):
            bytes.append(byte)
            lastBase = byte
        case UInt8(ascii: "A")...UInt8(ascii: "Z"):
            bytes.append(byte + 0x20)
            lastBase = byte + 0x20
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            bytes.append(byte)
            lastBase = 0
        case UInt8(ascii: "'"), UInt8(ascii: "`"):
            break  // apostrophe inside a name: O'Brien, D'Angelo
        case UInt8(ascii: ".") where keepsDots:
            if let last = bytes.last, last != Self.wordBreak { bytes.append(byte) }
            lastBase = 0
            breakWord()
        default:
            lastBase = 0
            breakWord()
        }
    }

    private mutating func breakWord() {
        if marksWords, let last = bytes.last, last != Self.wordBreak {
            bytes.append(Self.wordBreak)
        }
    }

    enum LatinFolding {
        case letters(UInt8, UInt8)  // second is 0 when there is one letter
        case boundary
        case silent
    }

    /// Latin-1 and the Latin Extended-A letters that have no decomposition; a
    /// switch here keeps German and most European names off the slow path.
    static func latinFolding(_ value: UInt32) -> LatinFolding? {
        func one(_ c: Unicode.Scalar) -> LatinFolding { .letters(UInt8(c.value), 0) }
        func two(_ c: Unicode.Scalar, _ d: Unicode.Scalar) -> LatinFolding { .letters(UInt8(c.value), UInt8(d.value)) }

        if value >= 0xC0 && value <= 0xFF {
            // Upper-case Latin-1 letters sit 0x20 below their lower-case forms.
            let lower = (value <= 0xDE && value != 0xD7) ? value + 0x20 : value
            switch lower {
            case 0xE4, 0xE6: return two("a", "e")  // ä æ
            case 0xE0...0xE5: return one("a")
            case 0xE7: return one("c")
            case 0xE8...0xEB: return one("e")
            case 0xEC...0xEF: return one("i")
            case 0xF0: return one("d")  // ð
            case 0xF1: return one("n")
            case 0xF6: return two("o", "e")  // ö
            case 0xF2...0xF5, 0xF8: return one("o")
            case 0xFC: return two("u", "e")  // ü
            case 0xF9...0xFB: return one("u")
            case 0xFD, 0xFF: return one("y")
            case 0xFE: return two("t", "h")  // þ
            case 0xDF: return two("s", "s")  // ß
            default: return .boundary  // × ÷
            }
        }
        switch value {
        case 0x110, 0x111: return one("d")  // Đ đ
        case 0x126, 0x127: return one("h")  // Ħ ħ
        case 0x131: return one("i")  // dotless ı
        case 0x138: return one("k")  // ĸ
        case 0x13F, 0x140, 0x141, 0x142: return one("l")  // Ŀ ŀ Ł ł
        case 0x149, 0x14A, 0x14B: return one("n")  // ŉ Ŋ ŋ
        case 0x152, 0x153: return two("o", "e")  // Œ œ
        case 0x166, 0x167: return one("t")  // Ŧ ŧ
        case 0x17F: return one("s")  // long s
        case 0x192: return one("f")  // ƒ
        case 0x1E9E: return two("s", "s")  // capital ẞ
        case 0xB4, 0x2018, 0x2019, 0x2BC: return .silent  // apostrophes
        case 0xA0, 0x2010...0x2015: return .boundary  // no-break space, dashes
        default: return nil
        }
    }
}
