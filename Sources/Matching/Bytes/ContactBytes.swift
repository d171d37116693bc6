/// `PostcodeNormalizer`, `PhoneNormalizer` and the ASCII path of
/// `EmailNormalizer` on scalar buffers, writing into reused byte buffers.
struct ContactBytes {
    private var digits = ScratchBuffer<UInt8>(capacity: 32)
    private var bytes = ScratchBuffer<UInt8>(capacity: 256)
    private let lists = WordTable.lookup
    /// `emailClasses`, held: a lazy global costs a `swift_once` call per use.
    private let emailClassTable = Self.emailClasses

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
        let classes = Self.phoneClasses
        // Digits are kept and separators skipped without a branch on which a byte is
        // (their order follows no pattern); "+", "(" and anything else branch off.
        let read = digits.append(upTo: trimmed.upperBound - index) { (w, written: inout Int) -> Bool in
            var k = 0
            while index < trimmed.upperBound {
                let byte = field[index]
                let c = classes[Int(byte)]
                index += 1
                w[k] = byte
                k &+= Int(c & PhoneClass.digit)
                guard c & PhoneClass.special != 0 else { continue }
                if byte == 0x2B {
                    if international || k > 0 { return false }
                    international = true
                } else if byte == 0x28 {
                    if let close = Self.closingOfParenthesizedZero(ascii: field, trimmed, after: index - 1) {
                        parenthesizedZero = k
                        w[k] = 0x30
                        k += 1
                        index = close + 1
                    }
                } else {
                    return false
                }
            }
            written = k
            return true
        }
        guard read else { return false }
        return canonicalNumber(international: international, parenthesizedZero: parenthesizedZero, into: &out)
    }

    /// Class bits of a phone number's bytes (`phoneClasses`).
    private enum PhoneClass {
        /// A digit (the bit is the count it adds).
        static let digit: UInt8 = 1
        /// "+", "(" and bytes a phone number cannot hold: handled one by one.
        static let special: UInt8 = 2
    }

    /// `PhoneClass` bits of every byte value: digits; the separators `/ - ) .` and
    /// blanks none; "(" special (it may open "(0)"); everything else special.
    nonisolated(unsafe) private static let phoneClasses = byteTable { b in
        switch b {
        case 0x30...0x39: PhoneClass.digit
        case 0x2F, 0x2D, 0x29, 0x2E: 0
        case _ where PlainText.isBlank(b): 0
        default: PhoneClass.special
        }
    }

    /// A table of `classify` for every byte value, made once and never freed.
    private static func byteTable(_ classify: (UInt8) -> UInt8) -> UnsafePointer<UInt8> {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for value in 0..<256 { table[value] = classify(UInt8(value)) }
        return UnsafePointer(table)
    }

    private static func closingOfParenthesizedZero(ascii field: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, after open: Int) -> Int? {
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
        guard bytes.withBuffer({ lists.classes($0, 0..<$0.count) }).contains(.phoneLabel) else {
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
        let trimmed = PlainText.trimmed(field)
        let start = trimmed.lowerBound, end = trimmed.upperBound
        guard start < end, end - start <= 254 else { return nil }
        // One pass, lower-casing into `out`: any rule broken gives nil and takes the bytes back.
        // The rules are class bits and-ed and or-ed, not branches: the only branches are
        // the "@" and the domain's dots, once or twice per address.
        let first = out.count
        out.reserve(end - start)
        let target = out.base + first
        let count = end - start
        let classes = emailClassTable
        var broken: UInt8 = 0
        // The local part, up to the "@": its characters, no dot first, last or doubled
        // (a dot "before" the first byte refuses a leading one).
        var previousClass = EmailClass.dot
        var i = 0
        while i < count {
            let b = field[start + i]
            if b == 0x40 { break }
            let c = classes[Int(b)]
            target[i] = b | (c & EmailClass.upper)
            broken |= (~c & EmailClass.local) | (c & previousClass & EmailClass.dot)
            previousClass = c
            i += 1
        }
        let at = i
        guard at > 0, at < count - 1, at <= 64, broken == 0, previousClass & EmailClass.dot == 0 else {
            out.truncate(to: first)
            return nil
        }
        target[at] = 0x40
        // The domain: labels of letters, digits and hyphens, not empty, no hyphen at
        // either end; the last of at least two is two characters or more, not all digits.
        var labelStart = at + 1, labels = 0
        var digitsOnly = EmailClass.digit
        var previous: UInt8 = 0x40
        i = at + 1
        while i < count {
            let b = field[start + i]
            let c = classes[Int(b)]
            target[i] = b | (c & EmailClass.upper)
            if c & EmailClass.dot != 0 {
                if i == labelStart || target[labelStart] == 0x2D || previous == 0x2D { broken = 1 }
                labels += 1
                labelStart = i + 1
                digitsOnly = EmailClass.digit
            } else {
                broken |= ~c & EmailClass.domain
                digitsOnly &= c
            }
            previous = b
            i += 1
        }
        if broken == 0, count - labelStart >= 2, digitsOnly == 0, target[labelStart] != 0x2D, previous != 0x2D, labels + 1 >= 2 {
            out.truncate(to: first + count)
            return true
        }
        out.truncate(to: first)
        return nil
    }

    /// Class bits of an e-mail address's bytes (`emailClasses`).
    private enum EmailClass {
        /// Allowed in the local part (letters, digits, the specials of RFC 5322's atext, dot, hyphen).
        static let local: UInt8 = 1
        /// Allowed in a domain label (letters, digits, hyphen).
        static let domain: UInt8 = 2
        static let digit: UInt8 = 4
        static let dot: UInt8 = 8
        /// An upper-case letter: or-ed into the byte, this bit (0x20) lower-cases it.
        static let upper: UInt8 = 0x20
    }

    /// `EmailClass` bits of every byte value.
    nonisolated(unsafe) private static let emailClasses = byteTable { b in
        var c: UInt8 = 0
        if isLocalPartCharacter(b) { c |= EmailClass.local }
        if isAlphanumeric(b) || b == 0x2D { c |= EmailClass.domain }
        if b >= 0x30 && b <= 0x39 { c |= EmailClass.digit }
        if b == 0x2E { c |= EmailClass.dot }
        if b >= 0x41 && b <= 0x5A { c |= EmailClass.upper }
        return c
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
