import Foundation

/// Content transfer encodings that keep every line short and 7-bit:
/// quoted-printable for text (still readable in the `.eml` file), base64 for
/// attachments (RFC 2045 §6.7, §6.8).
enum BodyEncoding {
    static let lineLimit = 76

    /// Quoted-printable UTF-8: line breaks in the text stay line breaks;
    /// `=`, bytes outside printable ASCII and white space at a line's end
    /// are `=XX`; longer lines get soft breaks (`=` at the end, after a
    /// space where possible). A line
    /// starting with `.` or `From ` is escaped so no transport mangles it.
    static func quotedPrintable(_ text: String) -> [String] {
        var output: [String] = []
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var lines = normalized.split(separator: "\n", omittingEmptySubsequences: false)
        // The text's last line break ends the body; it does not start an empty line.
        if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        for line in lines {
            let bytes = Array(line.utf8)
            var pieces: [String] = []
            for (index, byte) in bytes.enumerated() {
                let atEnd = index == bytes.count - 1
                let literal = (byte >= 0x21 && byte <= 0x7E && byte != UInt8(ascii: "="))
                    || (byte == 0x20 && !atEnd) || (byte == 0x09 && !atEnd)
                let escapeStart = index == 0 && (byte == UInt8(ascii: ".") || (byte == UInt8(ascii: "F") && bytes.starts(with: Array("From ".utf8))))
                pieces.append(literal && !escapeStart ? String(UnicodeScalar(byte)) : String(format: "=%02X", byte))
            }
            // Soft breaks after a space where there is one, so words (file names) stay whole and readable.
            var current: [String] = []
            var length = 0
            for piece in pieces {
                while length + piece.count > lineLimit - 1 && !current.isEmpty {
                    let cut = current.lastIndex(of: " ").map { $0 + 1 } ?? current.count
                    output.append(current[..<cut].joined() + "=")
                    current = Array(current[cut...])
                    length = current.reduce(0) { $0 + $1.count }
                }
                current.append(piece)
                length += piece.count
            }
            output.append(current.joined())
        }
        return output
    }

    /// Base64 in lines of 76 characters.
    static func base64(_ bytes: some Collection<UInt8>) -> [String] {
        let encoded = Data(bytes).base64EncodedString()
        var lines: [String] = []
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let end = encoded.index(index, offsetBy: lineLimit, limitedBy: encoded.endIndex) ?? encoded.endIndex
            lines.append(String(encoded[index..<end]))
            index = end
        }
        return lines
    }
}
