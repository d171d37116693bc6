/// Text from outside — file names, cell values, bank remittance lines — made
/// safe to print on a terminal, in a table, a log line or a note: control
/// characters cannot start a new line, move the cursor, recolour the screen
/// or reorder the text (bidi overrides). Everything the product prints that
/// it did not write itself goes through here.
///
/// Escaping is idempotent (the result holds no character that would be
/// escaped again), so a line may pass through it at several layers.
public enum TerminalText {
    /// `Liste\nBcc: x` → `Liste\nBcc: x` with a visible backslash-n; ESC → `\x1B`;
    /// U+202E → `\u{202E}`. Printable text, including umlauts and emoji, stays as it is.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscaping) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if needsEscaping(scalar) {
                out += escape(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Bytes that should be UTF-8 but may not be: valid sequences as text
    /// (escaped as above), every other byte as `\xE4`.
    public static func escaped(bytes: some Collection<UInt8>) -> String {
        let bytes = Array(bytes)[...]
        var out = ""
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let bad = UTF8Check.firstInvalid(bytes[start...], allowCutEnd: false) ?? bytes.endIndex
            out += escaped(String(decoding: bytes[start..<bad], as: UTF8.self))
            guard bad < bytes.endIndex else { break }
            out += "\\x" + hex(UInt32(bytes[bad]), digits: 2)
            start = bad + 1
        }
        return out
    }

    /// True for characters that are not safe to print as they are: C0 and
    /// C1 controls, DEL, format characters (bidi overrides, zero-width
    /// marks), line and paragraph separators, private-use and unassigned code points.
    public static func needsEscaping(_ scalar: Unicode.Scalar) -> Bool {
        // Zero-width (non-)joiners shape emoji and scripts; they move nothing.
        if scalar == "\u{200C}" || scalar == "\u{200D}" { return false }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
            return true
        default:
            return false
        }
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": "\\n"
        case "\r": "\\r"
        case "\t": "\\t"
        default: scalar.value < 0x100 ? "\\x" + hex(scalar.value, digits: 2) : "\\u{" + hex(scalar.value, digits: 4) + "}"
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
