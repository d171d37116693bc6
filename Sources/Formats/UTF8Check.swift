/// Finds the first byte that breaks UTF-8 (RFC 3629: no overlongs, no
/// surrogates, nothing above U+10FFFF).
enum UTF8Check {
    /// Offset of the first invalid byte in `bytes`, or `nil` if all is valid.
    /// With `allowCutEnd`, a sequence that is only cut off by the end of
    /// `bytes` counts as valid: a sample may end in the middle of a character.
    static func firstInvalid(_ bytes: ArraySlice<UInt8>, allowCutEnd: Bool) -> Int? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let lead = bytes[i]
            if lead < 0x80 { i += 1; continue }
            guard let (length, low, high) = sequence(lead) else { return i }
            for k in 1..<length {
                guard i + k < end else { return allowCutEnd ? nil : i }
                let byte = bytes[i + k]
                let ok = k == 1 ? (low...high).contains(byte) : (0x80...0xBF).contains(byte)
                if !ok { return i }
            }
            i += length
        }
        return nil
    }

    /// The length of the sequence a lead byte (0x80 or above) starts and the
    /// range of its second byte; nil for a byte that starts none.
    @inline(__always)
    private static func sequence(_ lead: UInt8) -> (length: Int, low: UInt8, high: UInt8)? {
        switch lead {
        case 0xC2...0xDF: (2, 0x80, 0xBF)
        case 0xE0: (3, 0xA0, 0xBF)
        case 0xED: (3, 0x80, 0x9F)
        case 0xE1...0xEF: (3, 0x80, 0xBF)
        case 0xF0: (4, 0x90, 0xBF)
        case 0xF4: (4, 0x80, 0x8F)
        case 0xF1...0xF3: (4, 0x80, 0xBF)
        default: nil
        }
    }

    /// Whether all of `bytes` is UTF-8, by the same rules; ASCII runs are passed
    /// 32 and 8 bytes at a time (the matcher checks every row this way).
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(p)
        let end = bytes.count
        var i = 0
        let nonASCII: UInt64 = 0x8080_8080_8080_8080
        while i < end {
            if i + 32 <= end,
                (raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)) & nonASCII == 0
            {
                i += 32
                continue
            }
            // Straight to the next byte above 0x7F.
            i = TextDecoding.skipASCII(p, from: i, end: end)
            guard i < end, p[i] >= 0x80 else { continue }
            let lead = p[i]
            guard let (length, low, high) = sequence(lead) else { return false }
            guard i + length <= end, p[i + 1] >= low, p[i + 1] <= high else { return false }
            for k in 2..<max(2, length) where p[i + k] & 0xC0 != 0x80 { return false }
            i += length
        }
        return true
    }

    /// How many multi-byte UTF-8 characters and how many invalid bytes `bytes`
    /// holds, and where the first invalid byte is that Windows-1252 does not
    /// define either. Tells a UTF-8 file with a few pasted Windows-1252 rows
    /// from a Windows-1252 file: German text in Windows-1252 almost never
    /// forms valid UTF-8 sequences.
    static func census(_ bytes: ArraySlice<UInt8>, allowCutEnd: Bool) -> (multiByte: Int, invalid: Int, firstUndefined: Int?) {
        var multiByte = 0, invalid = 0
        var firstUndefined: Int?
        var i = bytes.startIndex
        while i < bytes.endIndex {
            if bytes[i] < 0x80 {
                i += 1
                continue
            }
            let rest = bytes[i...]
            let bad = firstInvalid(rest.prefix(4), allowCutEnd: true) == i
            if bad {
                invalid += 1
                if firstUndefined == nil, !Windows1252.isDefined(bytes[i]) { firstUndefined = i }
                i += 1
            } else {
                let lead = bytes[i]
                let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                if i + length > bytes.endIndex && !allowCutEnd {
                    invalid += 1
                    i += 1
                    continue
                }
                multiByte += 1
                i += length
            }
        }
        return (multiByte, invalid, firstUndefined)
    }
}
