/// Text from outside (file names, cell values, bank remittance texts) made safe
/// to show on one terminal line or in one TSV cell.
///
/// A file name may hold a newline, an ESC sequence that recolours or clears the
/// screen, or a right-to-left override that shows `txt.exe` as `exe.txt`.
/// Escaping turns each such character into visible text, so what is printed
/// stays on its line and reads in order: `\n`, `\r`, `\t`, `\xHH` for other
/// control characters (C0, DEL, C1), `\u{HHHH}` for line and paragraph
/// separators and bidirectional controls. Everything else is kept as is.
public enum TerminalText {
    /// For a terminal or a log line; a backslash stays a backslash.
    public static func escaped(_ text: String) -> String {
        escape(text, backslash: false)
    }

    /// For a TSV cell: like ``escaped(_:)``, and a backslash becomes `\\`, so
    /// the escapes can be told from the text and undone.
    public static func tsvEscaped(_ text: String) -> String {
        escape(text, backslash: true)
    }

    /// Bytes that should be UTF-8 but may not be (a file name from a Latin-1
    /// uploader): valid sequences as text, escaped as above; every other
    /// byte as `\xE4`.
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

    /// True when ``escaped(_:)`` would change the text.
    public static func needsEscaping(_ text: String) -> Bool {
        text.unicodeScalars.contains { escape($0) != nil }
    }

    private static func escape(_ text: String, backslash: Bool) -> String {
        guard text.unicodeScalars.contains(where: { escape($0) != nil || (backslash && $0 == "\\") }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if backslash && scalar == "\\" {
                out += "\\\\"
            } else if let replacement = escape(scalar) {
                out += replacement
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return "\\t"
        case 0x00...0x1F, 0x7F...0x9F: return "\\x" + hex(scalar.value, digits: 2)
        // Line and paragraph separators, bidirectional marks, embeddings, overrides and isolates.
        case 0x2028, 0x2029, 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069:
            return "\\u{" + hex(scalar.value, digits: 4) + "}"
        default: return nil
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
