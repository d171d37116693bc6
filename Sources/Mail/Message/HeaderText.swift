import Formats
import Foundation

/// Header values as RFC 5322 and RFC 2047 want them: printable ASCII folded
/// into lines of at most 78 characters, anything else as `=?UTF-8?B?…?=`
/// encoded words of at most 75 characters, each holding whole characters.
/// No value can end a header early: control characters (a line feed in a
/// file name) are first made visible (`\n`), then encoded like any text.
enum HeaderText {
    /// Longest line we write (RFC 5322 recommends 78 without CRLF).
    static let lineLimit = 78
    private static let wordPrefix = "=?UTF-8?B?"
    private static let wordSuffix = "?="

    /// `Name: value`, folded: the lines of one header field, continuation lines starting with a space.
    static func field(_ name: String, _ value: String) -> [String] {
        fold(name: name, tokens: tokens(for: value, firstBudget: lineLimit - name.count - 2))
    }

    /// `Name: a, b` for a list of addresses.
    static func field(_ name: String, addresses: [MailAddress]) -> [String] {
        var tokens: [String] = []
        for (index, address) in addresses.enumerated() {
            var rendered = address.rendered(budget: lineLimit - name.count - 2)
            if index < addresses.count - 1 { rendered[rendered.count - 1] += "," }
            tokens += rendered
        }
        return fold(name: name, tokens: tokens)
    }

    /// The words of an unstructured value: as they are when plain printable
    /// ASCII that cannot be mistaken for an encoded word, else encoded words.
    static func tokens(for value: String, firstBudget: Int) -> [String] {
        let visible = TerminalText.escaped(value)
        let words = visible.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let plain = visible.unicodeScalars.allSatisfy(isPrintableASCII) && !visible.contains("=?")
            && !visible.hasPrefix(" ") && !visible.hasSuffix(" ") && !visible.contains("  ")
            && words.allSatisfy { $0.utf8.count <= lineLimit - 1 }
        return plain ? words : encodedWords(visible, firstBudget: firstBudget)
    }

    /// `text` as encoded words; the first fits in `firstBudget` characters,
    /// the others in a folded line of their own.
    static func encodedWords(_ text: String, firstBudget: Int) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        // Bytes per word: 4 base64 characters carry 3 bytes.
        func capacity() -> Int {
            let budget = min(75, words.isEmpty ? firstBudget : lineLimit - 1)
            return max(3, (budget - wordPrefix.count - wordSuffix.count) / 4 * 3)
        }
        for character in text {
            let bytes = Array(String(character).utf8)
            if !chunk.isEmpty && chunk.count + bytes.count > capacity() {
                words.append(wordPrefix + Data(chunk).base64EncodedString() + wordSuffix)
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(wordPrefix + Data(chunk).base64EncodedString() + wordSuffix) }
        return words
    }

    /// Puts tokens on lines of at most ``lineLimit`` characters, separated by
    /// spaces; a line break before a token is folding white space.
    static func fold(name: String, tokens: [String]) -> [String] {
        var lines: [String] = []
        var line = name + ":"
        for token in tokens {
            if line.count + 1 + token.count > lineLimit && line.count > name.count + 1 {
                lines.append(line)
                line = " " + token
            } else {
                line += " " + token
            }
        }
        lines.append(line)
        return lines
    }

    static func isPrintableASCII(_ scalar: Unicode.Scalar) -> Bool {
        (0x20...0x7E).contains(scalar.value)
    }

    /// RFC 5322 atext: what may stand in an atom without quoting.
    static func isAtext(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return false }
        if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) { return true }
        return "!#$%&'*+-/=?^_`{|}~".unicodeScalars.contains(scalar)
    }
}
