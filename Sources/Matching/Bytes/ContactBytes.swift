/// `PostcodeNormalizer`, `PhoneNormalizer` and the ASCII path of
/// `EmailNormalizer` on scalar buffers, writing into reused byte buffers.
struct ContactBytes {
    private var digits = ScratchBuffer<UInt8>(capacity: 32)
    private var bytes = ScratchBuffer<UInt8>(capacity: 256)
    private let lists = WordTable.lookup

    init() {}

    /// Frees the buffers (the owner calls it once, in its `deinit`).
    func release() {
        digits.release()
        bytes.release()
    }

    // MARK: - Postcode

    /// Appends the five-digit postcode to `out`; false when there is none.
    mutating func postcode(_ field: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, into out: inout ScratchBuffer<UInt8>) -> Bool {
        let trimmed = trimmedRange(field, range)
        if trimmed.isEmpty { return false }
        var index = trimmed.lowerBound
        var prefix: UInt32 = 0  // up to four letters, one per byte
        var prefixCount = 0
        while index < trimmed.upperBound {
            let letter = FieldScalars.asciiLetter(field[index])
            if letter == 0 { break }
            if prefixCount < 4 { prefix |= UInt32(letter) << (8 * UInt32(prefixCount)) }
            prefixCount += 1
            index += 1
        }
        if prefixCount > 0, index < trimmed.upperBound, field[index] == 0x2D || FieldScalars.isBlank(field[index]) {
            index += 1
            while index < trimmed.upperBound, FieldScalars.isBlank(field[index]) { index += 1 }
        }
        for i in index..<trimmed.upperBound where !FieldScalars.isDigit(field[i]) { return false }
        let count = trimmed.upperBound - index
        if count == 0 { return false }
        let d = UInt32(UInt8(ascii: "d")), e = UInt32(UInt8(ascii: "e"))
        guard prefixCount == 0 || (prefixCount == 1 && prefix == d) || (prefixCount == 2 && prefix == d | e << 8) else {
            return false
        }
        let start = out.count
        switch count {
        case 5: break
        case 4: out.append(0x30)
        default: return false
        }
        for i in index..<trimmed.upperBound { out.append(UInt8(field[i])) }
        if out[start] == 0x30 && out[start + 1] == 0x30 {
            out.truncate(to: start)
            return false
        }
        return true
    }

    /// `postcode` of an ASCII field, read from its bytes.
    func postcode(ascii field: UnsafeBufferPointer<UInt8>, into out: inout ScratchBuffer<UInt8>) -> Bool {
        let trimmed = PlainText.trimmed(field)
        if trimmed.isEmpty { return false }
        var index = trimmed.lowerBound
        var prefix: UInt32 = 0  // up to four letters, one per byte
        var prefixCount = 0
        while index < trimmed.upperBound {
            let lower = field[index] | 0x20
            guard lower >= 0x61 && lower <= 0x7A else { break }
            if prefixCount < 4 { prefix |= UInt32(lower) << (8 * UInt32(prefixCount)) }
            prefixCount += 1
            index += 1
        }
        if prefixCount > 0, index < trimmed.upperBound, field[index] == 0x2D || PlainText.isBlank(field[index]) {
            index += 1
            while index < trimmed.upperBound, PlainText.isBlank(field[index]) { index += 1 }
        }
        for i in index..<trimmed.upperBound where !(field[i] >= 0x30 && field[i] <= 0x39) { return false }
        let count = trimmed.upperBound - index
        if count == 0 { return false }
        let d = UInt32(UInt8(ascii: "d")), e = UInt32(UInt8(ascii: "e"))
        guard prefixCount == 0 || (prefixCount == 1 && prefix == d) || (prefixCount == 2 && prefix == d | e << 8) else {
            return false
        }
        switch count {
        case 5: if field[index] == 0x30 && field[index + 1] == 0x30 { return false }
        case 4: if field[index] == 0x30 { return false }
        default: return false
        }
        if count == 4 { out.append(0x30) }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: field[index..<trimmed.upperBound]))
        return true
    }

    // MARK: - Phone

    /// `phone` of an ASCII field, read from its bytes.
    mutating func phone(ascii field: UnsafeBufferPointer<UInt8>, into out: inout ScratchBuffer<UInt8>) -> Bool {
        let trimmed = PlainText.trimmed(field)
        if trimmed.isEmpty { return false }
        var index = afterLabel(ascii: field, trimmed)
        digits.removeAll()
        var international = false
        var parenthesizedZero = -1
        while index < trimmed.upperBound {
            let byte = field[index]
            index += 1
            if byte >= 0x30 && byte <= 0x39 {
                digits.append(byte)
            } else if byte == 0x2B {
                if international || !digits.isEmpty { return false }
                international = true
            } else if byte == 0x28, let close = closingOfParenthesizedZero(ascii: field, trimmed, after: index - 1) {
                parenthesizedZero = digits.count
                digits.append(0x30)
                index = close + 1
            } else if byte == 0x2F || byte == 0x2D || byte == 0x28 || byte == 0x29 || byte == 0x2E || PlainText.isBlank(byte) {
                continue
            } else {
                return false
            }
        }
        return canonicalNumber(international: international, parenthesizedZero: parenthesizedZero, into: &out)
    }

    private func closingOfParenthesizedZero(ascii field: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, after open: Int) -> Int? {
        var index = open + 1
        var sawZero = false
        while index < range.upperBound {
            let byte = field[index]
            if byte == 0x29 { return sawZero ? index : nil }
            if byte == 0x30 && !sawZero {
                sawZero = true
            } else if !PlainText.isBlank(byte) {
                return nil
            }
            index += 1
        }
        return nil
    }

    private mutating func afterLabel(ascii field: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var index = range.lowerBound
        while index < range.upperBound, (field[index] | 0x20) >= 0x61 && (field[index] | 0x20) <= 0x7A { index += 1 }
        if index == range.lowerBound { return index }
        bytes.removeAll()
        for k in range.lowerBound..<index { bytes.append(field[k] | 0x20) }
        guard bytes.withBuffer({ lists.classes($0, 0..<$0.count) }).contains(.phoneLabel) else {
            return range.lowerBound
        }
        while index < range.upperBound {
            let byte = field[index]
            if byte == 0x2E || byte == 0x3A || byte == 0x2D || PlainText.isBlank(byte) {
                index += 1
            } else if index + 1 < range.upperBound, byte | 0x20 == UInt8(ascii: "n"), field[index + 1] | 0x20 == UInt8(ascii: "r") {
                index += 2
            } else {
                break
            }
        }
        return index
    }

    /// Appends the number in E.164 to `out`; false when it cannot be canonicalized.
    mutating func phone(_ field: UnsafeBufferPointer<UInt32>, into out: inout ScratchBuffer<UInt8>) -> Bool {
        let trimmed = trimmedRange(field, 0..<field.count)
        if trimmed.isEmpty { return false }
        var index = afterLabel(field, trimmed)
        digits.removeAll()
        var international = false
        var parenthesizedZero = -1
        while index < trimmed.upperBound {
            let scalar = field[index]
            index += 1
            if FieldScalars.isDigit(scalar) {
                digits.append(UInt8(scalar))
            } else if scalar == 0x2B {
                if international || !digits.isEmpty { return false }
                international = true
            } else if scalar == 0x28, let close = closingOfParenthesizedZero(field, trimmed, after: index - 1) {
                parenthesizedZero = digits.count
                digits.append(0x30)
                index = close + 1
            } else if Self.isSeparator(scalar) {
                continue
            } else {
                return false
            }
        }
        return canonicalNumber(international: international, parenthesizedZero: parenthesizedZero, into: &out)
    }

    /// The number in E.164 from the digits read, `+` seen, and where a `(0)` was.
    private mutating func canonicalNumber(international: Bool, parenthesizedZero: Int, into out: inout ScratchBuffer<UInt8>) -> Bool {
        var international = international
        var parenthesizedZero = parenthesizedZero
        if digits.isEmpty { return false }
        if !international && digits.count >= 2 && digits[0] == 0x30 && digits[1] == 0x30 {
            international = true
            digits.removeFirst(2)
            parenthesizedZero -= 2
        }
        if international {
            if parenthesizedZero > 0 { digits.remove(at: parenthesizedZero) }
            guard let first = digits.first, first != 0x30 else { return false }
            if digits.count >= 2 && digits[0] == 0x34 && digits[1] == 0x39 {
                var national = 2
                if digits.count > 2 && digits[2] == 0x30 { national = 3 }
                return germanNumber(national, into: &out)
            }
            if digits.count < 7 || digits.count > 15 { return false }
            out.append(0x2B)
            out.append(contentsOf: digits.buffer)
            return true
        }
        guard digits[0] == 0x30 else { return false }
        return germanNumber(1, into: &out)
    }

    /// `digits[from...]` is the German national significant number.
    private func germanNumber(_ from: Int, into out: inout ScratchBuffer<UInt8>) -> Bool {
        let count = digits.count - from
        if count > 0 && digits[from] == 0x30 { return false }
        if count < 6 || count + 2 > 15 { return false }
        out.append(0x2B)
        out.append(0x34)
        out.append(0x39)
        out.append(contentsOf: digits.slice(from..<digits.count))
        return true
    }

    @inline(__always)
    private static func isSeparator(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x2F, 0x2D, 0x28, 0x29, 0x2E, 0x2010, 0x2011, 0x2012, 0x2013, 0x2212: true
        default: FieldScalars.isBlank(scalar)
        }
    }

    private func closingOfParenthesizedZero(_ field: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, after open: Int) -> Int? {
        var index = open + 1
        var sawZero = false
        while index < range.upperBound {
            let scalar = field[index]
            if scalar == 0x29 { return sawZero ? index : nil }
            if scalar == 0x30 && !sawZero {
                sawZero = true
            } else if !FieldScalars.isBlank(scalar) {
                return nil
            }
            index += 1
        }
        return nil
    }

    private mutating func afterLabel(_ field: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) -> Int {
        bytes.removeAll()
        var index = range.lowerBound
        while index < range.upperBound {
            let letter = FieldScalars.asciiLetter(field[index])
            if letter == 0 { break }
            bytes.append(letter)
            index += 1
        }
        guard bytes.withBuffer({ WordTable.classes($0, 0..<$0.count) }).contains(.phoneLabel) else {
            return range.lowerBound
        }
        while index < range.upperBound {
            let scalar = field[index]
            if scalar == 0x2E || scalar == 0x3A || scalar == 0x2D || FieldScalars.isBlank(scalar) {
                index += 1
            } else if index + 1 < range.upperBound, FieldScalars.asciiLetter(scalar) == UInt8(ascii: "n"),
                FieldScalars.asciiLetter(field[index + 1]) == UInt8(ascii: "r")
            {
                index += 2
            } else {
                break
            }
        }
        return index
    }

    // MARK: - E-mail

    /// The plain ASCII case of `EmailNormalizer`: an address without wrapping
    /// that breaks no syntax rule, trimmed and lower-cased, appended to `out`.
    /// nil when the reference must decide (non-ASCII, `mailto:`, brackets, or
    /// any rule broken, which the reference also reports).
    mutating func plainEmail(_ field: UnsafeBufferPointer<UInt8>, into out: inout ScratchBuffer<UInt8>) -> Bool? {
        func isBlank(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
        var end = field.count
        while end > 0, isBlank(field[end - 1]) { end -= 1 }
        var start = 0
        while start < end, isBlank(field[start]) { start += 1 }
        guard start < end, end - start <= 254 else { return nil }
        // One pass, lower-casing into `out`: any rule broken gives nil and takes the bytes back.
        let first = out.count
        out.reserve(end - start)
        let target = out.base + first
        let count = end - start
        var at = -1
        var previous: UInt8 = 0
        var labelStart = 0, labels = 0
        var labelDigitsOnly = true
        var valid = true
        for i in 0..<count {
            var b = field[start + i]
            if b >= 0x41 && b <= 0x5A { b |= 0x20 }
            target[i] = b
            if b == 0x40 {
                // One "@", not first, not after a dot.
                if at >= 0 || i == 0 || previous == 0x2E { valid = false; break }
                at = i
                labelStart = i + 1
            } else if at < 0 {
                if !Self.isLocalPartCharacter(b) || (b == 0x2E && (i == 0 || previous == 0x2E)) { valid = false; break }
            } else if b == 0x2E {
                // A label ends: not empty, no hyphen at either end.
                if i == labelStart || target[labelStart] == 0x2D || previous == 0x2D { valid = false; break }
                labels += 1
                labelStart = i + 1
                labelDigitsOnly = true
            } else {
                if !(Self.isAlphanumeric(b) || b == 0x2D) { valid = false; break }
                if !(b >= 0x30 && b <= 0x39) { labelDigitsOnly = false }
            }
            previous = b
        }
        // The top-level label: at least two characters, not all digits, no hyphen at either end.
        if valid, at > 0, at < count - 1, at <= 64, count - labelStart >= 2, !labelDigitsOnly,
            target[labelStart] != 0x2D, previous != 0x2D, labels + 1 >= 2
        {
            out.truncate(to: first + count)
            return true
        }
        out.truncate(to: first)
        return nil
    }

    @inline(__always)
    private static func isAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
    }

    private static func isLocalPartCharacter(_ b: UInt8) -> Bool {
        if isAlphanumeric(b) { return true }
        switch b {
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
            UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="),
            UInt8(ascii: "?"), UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "{"),
            UInt8(ascii: "|"), UInt8(ascii: "}"), UInt8(ascii: "~"), UInt8(ascii: "."), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }
}
