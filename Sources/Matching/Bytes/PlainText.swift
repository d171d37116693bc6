import Formats

/// A field read straight from its bytes, without decoding it into scalars:
/// what the fast paths of the byte-level keyer need to know about it, and its
/// folding. "Plain" text is ASCII, or UTF-8 whose other scalars are two-byte
/// sequences below U+0300 covered by `ScalarTable` (`ä`, `é`, `ß`, no-break
/// space …): that is nearly every field of an address file, and such a field
/// folds exactly as its decoded scalars do (`FieldScalars.fold`).
struct PlainText {
    /// The two-byte scalars' entries of `ScalarTable`.
    let table: UnsafePointer<ScalarInfo>

    init() { table = ScalarTable.latin }

    struct Shape {
        /// Every byte is ASCII.
        var isASCII: Bool
        /// ASCII or plain UTF-8 (see the type): the fast paths may read it.
        var isPlain: Bool
        /// Empty or only blanks (`FieldScalars.isBlank`); meaningful when `isPlain`.
        var isBlank: Bool
    }

    /// The shape of `bytes` in `utf8` (else Windows-1252 or ISO-8859-1, where only ASCII is plain).
    @inline(__always)
    func shape(_ bytes: UnsafeBufferPointer<UInt8>, utf8: Bool) -> Shape {
        // Empty fields are common (phone and e-mail columns): no call for them.
        if bytes.isEmpty { return Shape(isASCII: true, isPlain: true, isBlank: true) }
        // Most fields start with a visible ASCII character and hold no other
        // byte above 0x7F: settled by a few word loads, without a loop per byte.
        if let p = bytes.baseAddress, bytes.count > 0, p[0] > 0x20, p[0] < 0x80 {
            let raw = UnsafeRawPointer(p)
            let n = bytes.count
            var high: UInt64 = 0
            if n >= 8 {
                var i = 0
                while i + 8 <= n {
                    high |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    i += 8
                }
                high |= raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            } else if n >= 4 {
                high = UInt64(raw.loadUnaligned(as: UInt32.self) | raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self))
            } else {
                high = UInt64(p[n - 1] | p[n / 2])
            }
            if high & 0x8080_8080_8080_8080 == 0 { return Shape(isASCII: true, isPlain: true, isBlank: false) }
        }
        return fullShape(bytes, utf8: utf8)
    }

    /// `shape` byte by byte.
    private func fullShape(_ bytes: UnsafeBufferPointer<UInt8>, utf8: Bool) -> Shape {
        var isASCII = true
        var isBlank = true
        let n = bytes.count
        guard let p = bytes.baseAddress else { return Shape(isASCII: true, isPlain: true, isBlank: true) }
        var i = 0
        while i < n {
            if !isBlank {
                // Past the first non-blank only bytes above 0x7F matter: straight to the next one.
                i = TextDecoding.skipASCII(p, from: i, end: n)
                guard i < n, p[i] >= 0x80 else { continue }
            }
            let b = p[i]
            if b < 0x80 {
                if isBlank && !(b == 0x20 || (b >= 0x09 && b <= 0x0D)) { isBlank = false }
                i += 1
                continue
            }
            isASCII = false
            guard utf8, b >= 0xC2, b <= 0xCB, i + 1 < n, p[i + 1] & 0xC0 == 0x80 else {
                return Shape(isASCII: false, isPlain: false, isBlank: false)
            }
            // Lead bytes C2…CB reach U+0080…U+02FF, the table's first block.
            let info = table[Int(b & 0x1F) << 6 | Int(p[i + 1] & 0x3F)]
            guard info.isCovered else { return Shape(isASCII: false, isPlain: false, isBlank: false) }
            if isBlank && !info.isBlank { isBlank = false }
            i += 2
        }
        return Shape(isASCII: isASCII, isPlain: true, isBlank: isBlank)
    }

    /// The scalar of the two-byte sequence at `p[i]` (plain text only).
    @inline(__always)
    static func scalar(_ p: UnsafePointer<UInt8>, _ i: Int) -> Int {
        Int(p[i] & 0x1F) << 6 | Int(p[i + 1] & 0x3F)
    }

    /// `FieldScalars.fold` of plain text: appends the folded bytes to `out`
    /// (at most two per byte: a dot and a blank, or three per two-byte scalar).
    func fold(_ bytes: UnsafeBufferPointer<UInt8>, marksWords: Bool, keepsDots: Bool, into out: inout ScratchBuffer<UInt8>) {
        guard let p = bytes.baseAddress else { return }
        let n = bytes.count
        let table = self.table
        out.append(upTo: 2 * n) { w in
            var k = 0
            @inline(__always) func breakWord() {
                if marksWords, k > 0, w[k - 1] != 0x20 { w[k] = 0x20; k += 1 }
            }
            var i = 0
            while i < n {
                let byte = p[i]
                if byte < 0x80 {
                    i += 1
                    switch byte {
                    case 0x61...0x7A, 0x30...0x39: w[k] = byte; k += 1
                    case 0x41...0x5A: w[k] = byte | 0x20; k += 1
                    case 0x27, 0x60: break
                    case 0x2E where keepsDots:
                        if k > 0, w[k - 1] != 0x20 { w[k] = byte; k += 1 }
                        breakWord()
                    default: breakWord()
                    }
                    continue
                }
                let info = table[Self.scalar(p, i)]
                i += 2
                if info.breaksWord {
                    breakWord()
                } else if info.foldCount > 0 {
                    w[k] = info.fold.0
                    k += 1
                    if info.foldCount > 1 { w[k] = info.fold.1; k += 1 }
                    if info.foldCount > 2 { w[k] = info.fold.2; k += 1 }
                }
            }
            if k > 0, w[k - 1] == 0x20 { k -= 1 }
            return k
        }
    }

    /// ASCII blank as `FieldScalars.isBlank` has it.
    @inline(__always)
    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    /// `bytes` without leading and trailing ASCII blanks.
    @inline(__always)
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var lower = 0
        var upper = bytes.count
        while lower < upper, isBlank(bytes[lower]) { lower += 1 }
        while upper > lower, isBlank(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }
}
