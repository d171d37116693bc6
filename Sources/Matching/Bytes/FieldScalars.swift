import Formats

/// A field's bytes decoded into Unicode scalar values in a reused buffer, and
/// the folding of scalar ranges into ASCII, as `FoldingBuffer` does it.
enum FieldScalars {
    enum Outcome {
        /// Decoded; `covered`: every scalar is in `ScalarTable`.
        case decoded(covered: Bool)
        /// Not valid in the encoding (malformed UTF-8, an undefined Windows-1252 byte).
        case invalid
    }

    /// Decodes `bytes` as `encoding`, appending the scalars to `scalars`; on
    /// `.invalid` the scalars appended so far are removed again.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, as encoding: TextEncoding, into scalars: inout ScratchBuffer<UInt32>) -> Outcome {
        let start = scalars.count
        let outcome = decodeAppending(bytes, as: encoding, into: &scalars)
        if case .invalid = outcome { scalars.truncate(to: start) }
        return outcome
    }

    private static func decodeAppending(_ bytes: UnsafeBufferPointer<UInt8>, as encoding: TextEncoding, into scalars: inout ScratchBuffer<UInt32>) -> Outcome {
        var covered = true
        switch encoding {
        case .utf8:
            var i = 0
            let n = bytes.count
            while i < n {
                let b0 = bytes[i]
                if b0 < 0x80 {
                    scalars.append(UInt32(b0))
                    i += 1
                    continue
                }
                var value: UInt32
                var length: Int
                var minimum: UInt32
                switch b0 {
                case 0xC2...0xDF: value = UInt32(b0 & 0x1F); length = 2; minimum = 0x80
                case 0xE0...0xEF: value = UInt32(b0 & 0x0F); length = 3; minimum = 0x800
                case 0xF0...0xF4: value = UInt32(b0 & 0x07); length = 4; minimum = 0x10000
                default: return .invalid
                }
                guard i + length <= n else { return .invalid }
                for k in 1..<length {
                    let b = bytes[i + k]
                    guard b & 0xC0 == 0x80 else { return .invalid }
                    value = value << 6 | UInt32(b & 0x3F)
                }
                guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { return .invalid }
                if covered, ScalarTable.index(value).map({ ScalarTable.entries[$0].isCovered }) != true { covered = false }
                scalars.append(value)
                i += length
            }
        case .windows1252, .iso88591:
            for byte in bytes {
                let value: UInt32
                if encoding == .iso88591 {
                    value = UInt32(byte)
                } else {
                    guard let mapped = TextDecoding.windows1252Scalar(byte) else { return .invalid }
                    value = mapped
                }
                if value >= 0x80, covered, ScalarTable.index(value).map({ ScalarTable.entries[$0].isCovered }) != true { covered = false }
                scalars.append(value)
            }
        }
        return .decoded(covered: covered)
    }

    /// The scalars as a `String` (for the reference path).
    static func string(_ scalars: UnsafeBufferPointer<UInt32>) -> String {
        var view = String.UnicodeScalarView()
        for value in scalars { view.append(Unicode.Scalar(value)!) }
        return String(view)
    }

    @inline(__always)
    static func info(_ value: UInt32) -> ScalarInfo {
        ScalarTable.entries[ScalarTable.index(value)!]
    }

    @inline(__always)
    static func isBlank(_ value: UInt32) -> Bool {
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        guard let index = ScalarTable.index(value) else { return Unicode.Scalar(value)!.isBlank }
        return ScalarTable.entries[index].isBlank
    }

    @inline(__always)
    static func isLetter(_ value: UInt32) -> Bool {
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        guard let index = ScalarTable.index(value) else { return Unicode.Scalar(value)!.isLetter }
        return ScalarTable.entries[index].isLetter
    }

    /// Every scalar of `scalars` is blank (also for an empty buffer).
    static func isBlank(_ scalars: UnsafeBufferPointer<UInt32>) -> Bool {
        for value in scalars where !isBlank(value) { return false }
        return true
    }

    @inline(__always)
    static func isDigit(_ value: UInt32) -> Bool { value >= 0x30 && value <= 0x39 }

    /// The lower-cased ASCII letter, or 0.
    @inline(__always)
    static func asciiLetter(_ value: UInt32) -> UInt8 {
        let lower = value | 0x20
        return value < 0x80 && lower >= 0x61 && lower <= 0x7A ? UInt8(lower) : 0
    }

    /// Folds `scalars[range]` (all covered) and appends the bytes to `out`, as
    /// `FoldingBuffer` does: with `marksWords`, single blanks between words and
    /// none at the ends; with `keepsDots`, a dot after a word is kept.
    static func fold(
        _ scalars: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, marksWords: Bool, keepsDots: Bool = false,
        into out: inout ScratchBuffer<UInt8>
    ) {
        let start = out.count
        @inline(__always) func breakWord() {
            if marksWords, out.count > start, out[out.count - 1] != 0x20 { out.append(0x20) }
        }
        for index in range {
            let value = scalars[index]
            if value < 0x80 {
                let byte = UInt8(truncatingIfNeeded: value)
                switch byte {
                case 0x61...0x7A, 0x30...0x39: out.append(byte)
                case 0x41...0x5A: out.append(byte | 0x20)
                case 0x27, 0x60: break
                case 0x2E where keepsDots:
                    if out.count > start, out[out.count - 1] != 0x20 { out.append(byte) }
                    breakWord()
                default: breakWord()
                }
                continue
            }
            let info = info(value)
            if info.breaksWord {
                breakWord()
            } else if info.foldCount > 0 {
                out.append(info.fold.0)
                if info.foldCount > 1 { out.append(info.fold.1) }
                if info.foldCount > 2 { out.append(info.fold.2) }
            }
        }
        if out.count > start, out[out.count - 1] == 0x20 { out.removeLast() }
    }
}
