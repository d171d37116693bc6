/// Converting field bytes to and from `String` in a file's encoding.
public enum TextDecoding {
    /// The text of `bytes`, or `nil` if they are not valid in `encoding`
    /// (malformed UTF-8, or a byte Windows-1252 leaves undefined).
    public static func decode(_ bytes: some Collection<UInt8>, as encoding: TextEncoding) -> String? {
        if let decoded = bytes.withContiguousStorageIfAvailable({ decode($0, as: encoding) }) {
            return decoded
        }
        return Array(bytes).withUnsafeBufferPointer { decode($0, as: encoding) }
    }

    /// The bytes of `text` in `encoding`, or `nil` if a character cannot be
    /// written in it (for example "€" in ISO-8859-1).
    public static func encode(_ text: String, as encoding: TextEncoding) -> [UInt8]? {
        switch encoding {
        case .utf8:
            return Array(text.utf8)
        case .windows1252, .iso88591:
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            for scalar in text.unicodeScalars {
                guard let byte = singleByte(scalar, encoding) else { return nil }
                bytes.append(byte)
            }
            return bytes
        }
    }

    /// Like ``encode(_:as:)``, but writes `?` for characters the encoding lacks.
    public static func encodeLossy(_ text: String, as encoding: TextEncoding) -> [UInt8] {
        if let exact = encode(text, as: encoding) { return exact }
        return text.unicodeScalars.map { singleByte($0, encoding) ?? UInt8(ascii: "?") }
    }

    private static func singleByte(_ scalar: Unicode.Scalar, _ encoding: TextEncoding) -> UInt8? {
        switch encoding {
        case .utf8: return nil
        case .windows1252: return Windows1252.byte(for: scalar)
        case .iso88591: return scalar.value <= 0xFF ? UInt8(scalar.value) : nil
        }
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, as encoding: TextEncoding) -> String? {
        // Most fields are plain ASCII, which reads the same in all three encodings.
        if isASCII(bytes) { return String(decoding: bytes, as: UTF8.self) }
        switch encoding {
        case .utf8:
            return String(validating: bytes, as: UTF8.self)
        case .windows1252, .iso88591:
            return decodeSingleByte(bytes, windows1252: encoding == .windows1252)
        }
    }

    private static func decodeSingleByte(_ bytes: UnsafeBufferPointer<UInt8>, windows1252: Bool) -> String? {
        if windows1252, !bytes.allSatisfy(Windows1252.isDefined) { return nil }
        // Each byte becomes at most 3 bytes of UTF-8 (U+20AC € is the widest).
        return String(unsafeUninitializedCapacity: bytes.count * 3) { utf8 in
            var count = 0
            for byte in bytes {
                let scalar: Unicode.Scalar
                if windows1252, (0x80..<0xA0).contains(byte) {
                    scalar = Windows1252.high[Int(byte) - 0x80]!
                } else {
                    scalar = Unicode.Scalar(byte)
                }
                for unit in UTF8.encode(scalar)! {
                    utf8[count] = unit
                    count += 1
                }
            }
            return count
        }
    }

    /// True when every byte is below 0x80; checks eight bytes at a time.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= bytes.count {
            if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 {
                return false
            }
            index += 8
        }
        while index < bytes.count {
            if base[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }
}
