/// Kölner Phonetik (Postel 1969): a digit code for how a German name sounds,
/// so that `Meier`, `Maier`, `Mayer` and `Meyer` share one key (`67`).
public enum KoelnerPhonetik {
    /// The phonetic code of `name`; empty when it has no letters.
    ///
    /// The standard algorithm as commons-codec implements it: each letter gets a code
    /// from its neighbours, repeated codes collapse, and `0` (vowels) is kept only
    /// at the start. `H` has no code but separates repeats. Characters that are not
    /// letters (hyphens, spaces, digits) are skipped but still count as the
    /// neighbour of the letter before them. Umlauts count as vowels and `ß` as `S`;
    /// unlike commons-codec, other accented letters count as their base letter
    /// (`José` = `Jose`) instead of being skipped.
    public static func encode(_ name: String) -> String {
        let text = TextFolding.foldedBytes(name, marksWords: true)
        var code = Code()
        var previous: UInt8 = 0  // the last letter, for C and X
        for index in text.indices {
            let letter = text[index]
            guard letter >= a && letter <= z else { continue }
            let next: UInt8 = index + 1 < text.endIndex ? text[index + 1] : 0
            switch letter {
            case a, e, i, j, o, u, y:
                code.put(0)
            case b:
                code.put(1)
            case p:
                code.put(next == h ? 3 : 1)
            case d, t:
                code.put(next == c || next == s || next == z ? 8 : 2)
            case f, v, w:
                code.put(3)
            case g, k, q:
                code.put(4)
            case x:
                if previous == c || previous == k || previous == q {
                    code.put(8)
                } else {
                    code.put(4)
                    code.put(8)
                }
            case l:
                code.put(5)
            case m, n:
                code.put(6)
            case r:
                code.put(7)
            case s, z:
                code.put(8)
            case c:
                // Hard (K) before back vowels and consonants like these, soft (S/Z) otherwise.
                if code.isEmpty {
                    let hard = switch next { case a, h, k, l, o, q, r, u, x: true; default: false }
                    code.put(hard ? 4 : 8)
                } else {
                    let hard = switch next { case a, h, k, o, q, u, x: true; default: false }
                    code.put(hard && previous != s && previous != z ? 4 : 8)
                }
            default:  // h
                code.put(nil)
            }
            previous = letter
        }
        return String(decoding: code.digits, as: UTF8.self)
    }

    /// The digits written so far, collapsing repeats and dropping inner zeros.
    private struct Code {
        private(set) var digits: [UInt8] = []
        private var last: UInt8?

        var isEmpty: Bool { digits.isEmpty }

        /// `nil` is the code of `H`: nothing written, but a repeat is broken.
        mutating func put(_ value: UInt8?) {
            if let value, value != last, value != 0 || digits.isEmpty {
                digits.append(UInt8(ascii: "0") + value)
            }
            last = value
        }
    }

    private static let a = UInt8(ascii: "a"), b = UInt8(ascii: "b"), c = UInt8(ascii: "c"), d = UInt8(ascii: "d")
    private static let e = UInt8(ascii: "e"), f = UInt8(ascii: "f"), g = UInt8(ascii: "g"), h = UInt8(ascii: "h")
    private static let i = UInt8(ascii: "i"), j = UInt8(ascii: "j"), k = UInt8(ascii: "k"), l = UInt8(ascii: "l")
    private static let m = UInt8(ascii: "m"), n = UInt8(ascii: "n"), o = UInt8(ascii: "o"), p = UInt8(ascii: "p")
    private static let q = UInt8(ascii: "q"), r = UInt8(ascii: "r"), s = UInt8(ascii: "s"), t = UInt8(ascii: "t")
    private static let u = UInt8(ascii: "u"), v = UInt8(ascii: "v"), w = UInt8(ascii: "w"), x = UInt8(ascii: "x")
    private static let y = UInt8(ascii: "y"), z = UInt8(ascii: "z")
}
