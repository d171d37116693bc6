import CFormats

/// The text encodings customers' files come in.
public enum TextEncoding: String, Sendable, Codable {
    case utf8
    /// Excel's "CSV" on German Windows: Latin-1 plus € „ “ and others in 0x80–0x9F.
    case windows1252
    /// Latin-1: every byte is the code point of the same number.
    case iso88591
}

/// The Windows-1252 characters for bytes 0x80–0x9F; `nil` where the code page
/// leaves the byte undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D).
enum Windows1252 {
    static let high: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]

    /// Whether `byte` has a character in Windows-1252.
    static func isDefined(_ byte: UInt8) -> Bool {
        byte < 0x80 || byte >= 0xA0 || high[Int(byte) - 0x80] != nil
    }

    /// The byte for `scalar`, or `nil` if Windows-1252 has no such character.
    static func byte(for scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        if value < 0x80 || (0xA0...0xFF).contains(value) { return UInt8(value) }
        guard let index = high.firstIndex(of: scalar) else { return nil }
        return UInt8(0x80 + index)
    }
}

extension TextDecoding {
    /// The scalar value of a Windows-1252 byte, or nil where the code page leaves it undefined.
    @inline(__always)
    public static func windows1252Scalar(_ byte: UInt8) -> UInt32? {
        if byte < 0x80 || byte >= 0xA0 { return UInt32(byte) }
        return windows1252High[Int(byte) - 0x80]
    }

    private static let windows1252High: [UInt32?] = Windows1252.high.map { $0?.value }
}

extension TextDecoding {
    /// Whether `bytes` are valid UTF-8 (what ``decode(_:as:)`` accepts), without making a `String`.
    /// Past the ASCII bytes from `i`, at most eight of them: the offset of the
    /// first byte above 0x7F among `p[i..<min(i + 8, end)]`, else `min(i + 8, end)`.
    /// One load (the lowest marked byte of a little-endian word is the first);
    /// near the end, a load that ends at `end`. For `i < end`.
    @inlinable @inline(__always)
    public static func skipASCII(_ p: UnsafePointer<UInt8>, from i: Int, end: Int) -> Int {
        let raw = UnsafeRawPointer(p)
        let high: UInt64 = 0x8080_8080_8080_8080
        let marks: UInt64
        if i + 8 <= end {
            marks = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) & high
        } else if end >= 8 {
            marks = (UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: end - 8, as: UInt64.self)) & high) >> UInt64(8 * (i + 8 - end))
        } else {
            return p[i] < 0x80 ? i + 1 : i
        }
        return marks == 0 ? min(i + 8, end) : i + marks.trailingZeroBitCount >> 3
    }

    /// Whether all of `bytes` is UTF-8 (RFC 3629): with AVX2 32 bytes at a
    /// time whatever the text (`robinson_utf8_valid`), else `UTF8Check`.
    public static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch robinson_utf8_valid(bytes.baseAddress, bytes.count) {
        case 1: true
        case 0: false
        default: UTF8Check.isValid(bytes)
        }
    }

    public static func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        let ascii = bytes.withUnsafeBufferPointer { isASCII($0) }
        return ascii || UTF8Check.firstInvalid(bytes, allowCutEnd: false) == nil
    }
}
