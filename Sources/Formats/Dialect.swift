/// How a record ends in a file.
public enum LineEnding: String, Sendable, Codable {
    case crlf, lf, cr

    /// The terminator's bytes.
    public var bytes: [UInt8] {
        switch self {
        case .crlf: return [0x0D, 0x0A]
        case .lf: return [0x0A]
        case .cr: return [0x0D]
        }
    }
}

/// The shape of a customer's CSV file, detected by ``DialectSniffer`` and
/// used again when writing the annotated file, so the customer gets back the
/// delimiter, encoding, BOM, line ending and quoting they sent.
public struct Dialect: Sendable, Codable, Equatable {
    /// The field separator: `;`, `,`, tab or `|`.
    public var delimiter: UInt8
    public var encoding: TextEncoding
    /// The file starts with a UTF-8 byte order mark.
    public var hasBOM: Bool
    /// The first line ending in the file (`.crlf`, as Excel writes, if it has none).
    public var lineEnding: LineEnding
    /// Every header field was quoted: the exporting tool quotes all fields,
    /// so appended fields should be quoted too.
    public var headerQuoted: Bool
    /// The file is UTF-16 (with a BOM) in this byte order. Its records are
    /// read as UTF-8 (`encoding` is then `.utf8`, `hasBOM` true) and the
    /// output is written back in UTF-16: ``encoding(_:)``.
    public var utf16: UTF16Form?

    public init(
        delimiter: UInt8 = UInt8(ascii: ";"), encoding: TextEncoding = .utf8, hasBOM: Bool = false,
        lineEnding: LineEnding = .crlf, headerQuoted: Bool = false, utf16: UTF16Form? = nil
    ) {
        self.delimiter = delimiter
        self.encoding = encoding
        self.hasBOM = hasBOM
        self.lineEnding = lineEnding
        self.headerQuoted = headerQuoted
        self.utf16 = utf16
    }
}

/// Bytes with a fixed meaning in CSV.
enum ASCII {
    static let quote = UInt8(ascii: "\"")
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let tab: UInt8 = 0x09
    static let space: UInt8 = 0x20
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
}
