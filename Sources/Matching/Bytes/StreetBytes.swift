/// `StreetNormalizer.normalize` and `.splitHouseNumber` on scalar buffers.
struct StreetBytes {
    private var folded = ScratchBuffer<UInt8>(capacity: 128)
    private var letters = ScratchBuffer<UInt8>(capacity: 64)
    private var tokens = ScratchBuffer<Token>(capacity: 16)
    private let plain = PlainText()
    private let lists = WordTable.lookup

    struct Token {
        var range: Range<Int>
        var startsWithDigit: Bool
        var letterCount: Int
    }

    init() {}

    /// Frees the buffers (the owner calls it once, in its `deinit`).
    func release() {
        folded.release()
        letters.release()
        tokens.release()
    }

    /// Appends the folded street to `out`; false when the street is blank or has no letters.
    mutating func normalize(_ field: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, into out: inout ScratchBuffer<UInt8>) -> Bool {
        var allBlank = true
        for index in range where !FieldScalars.isBlank(field[index]) { allBlank = false; break }
        if allBlank { return false }
        folded.removeAll()
        FieldScalars.fold(field, range, marksWords: true, keepsDots: true, into: &folded)
        return appendWords(into: &out)
    }

    /// The same for a plain field (`PlainText`), read from its bytes.
    mutating func normalize(plain field: UnsafeBufferPointer<UInt8>, into out: inout ScratchBuffer<UInt8>) -> Bool {
        folded.removeAll()
        plain.fold(field, marksWords: true, keepsDots: true, into: &folded)
        // A blank street folds to nothing and so has no letters either.
        return appendWords(into: &out)
    }

    /// The canonical words of `folded`, appended to `out`; false when they have no letters.
    private mutating func appendWords(into out: inout ScratchBuffer<UInt8>) -> Bool {
        let start = out.count
        folded.withBuffer { words in
            // Words: the runs between single blanks (fold leaves none at the ends),
            // so the last word ends at the end and the only one also starts at 0.
            var wordStart = 0
            while wordStart <= words.count {
                let j = Self.nextBlank(words, from: wordStart)
                if j > wordStart {
                    let isAbbreviated = words[j - 1] == UInt8(ascii: ".")
                    let end = isAbbreviated ? j - 1 : j
                    Self.appendCanonical(
                        words, wordStart..<end, isAbbreviated: isAbbreviated, isLast: j == words.count,
                        isOnly: wordStart == 0 && j == words.count, to: &out)
                }
                wordStart = j + 1
            }
        }
        for index in start..<out.count where out[index] >= UInt8(ascii: "a") { return true }
        out.truncate(to: start)
        return false
    }

    /// Index of the first blank in `words[from...]`, or its count: eight bytes
    /// at a time, so a word costs one exit from the search, not a branch per
    /// letter. `words` lies in a `ScratchBuffer`, whose padding may be read.
    @inline(__always)
    private static func nextBlank(_ words: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        let raw = UnsafeRawPointer(words.baseAddress!)
        var i = from
        while i < words.count {
            let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ 0x2020_2020_2020_2020
            // The high bit of each zero byte of x, i.e. of each blank; the lowest mark is exact.
            let marks = (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
            if marks != 0 { return min(i + marks.trailingZeroBitCount >> 3, words.count) }
            i += 8
        }
        return words.count
    }

    private static func appendCanonical(
        _ w: UnsafeBufferPointer<UInt8>, _ word: Range<Int>, isAbbreviated: Bool, isLast: Bool, isOnly: Bool,
        to out: inout ScratchBuffer<UInt8>
    ) {
        func equals(_ literal: StaticString) -> Bool {
            guard word.count == literal.utf8CodeUnitCount else { return false }
            let p = literal.utf8Start
            for k in 0..<word.count where w[word.lowerBound + k] != p[k] { return false }
            return true
        }
        func endsWith(_ literal: StaticString) -> Bool {
            let n = literal.utf8CodeUnitCount
            guard word.count >= n else { return false }
            let p = literal.utf8Start
            for k in 0..<n where w[word.upperBound - n + k] != p[k] { return false }
            return true
        }
        func append(_ stem: Range<Int>, _ literal: StaticString) {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: w[stem]))
            out.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
        }
        guard let last = word.isEmpty ? nil : w[word.upperBound - 1] else { return }
        let none = word.lowerBound..<word.lowerBound
        // Every rule's word ends in a known letter: most words end in another and are kept as they are.
        switch last {
        case UInt8(ascii: "r"):
            if equals("str") { return append(none, "str") }
        case UInt8(ascii: "e"):
            if equals("strasse") || equals("strase") { return append(none, "str") }
            if endsWith("strasse") { return append(word.lowerBound..<(word.upperBound - 4), "") }
            if endsWith("strase") { return append(word.lowerBound..<(word.upperBound - 3), "") }
        case UInt8(ascii: "l"):
            if equals("pl") { return append(none, "platz") }
            if equals("al") && isLast && !isOnly { return append(none, "allee") }
            if endsWith("pl") { return append(word, "atz") }
        case UInt8(ascii: "h"):
            if equals("ch") { return append(none, "chaussee") }
        case UInt8(ascii: "s"):
            if equals("chaus") || equals("chauss") { return append(none, "chaussee") }
        case UInt8(ascii: "m"):
            if equals("prom") { return append(none, "promenade") }
            if endsWith("prom") { return append(word, "enade") }
        case UInt8(ascii: "f"):
            if equals("bhf") { return append(none, "bahnhof") }
            if endsWith("bhf") { return append(word.lowerBound..<(word.upperBound - 3), "bahnhof") }
        case UInt8(ascii: "t"):
            if equals("st") && !isLast { return append(none, "sankt") }
        case UInt8(ascii: "g"):
            if equals("g") && isAbbreviated && isLast && !isOnly { return append(none, "gasse") }
        default:
            break
        }
        append(word, "")
    }

    // MARK: - Split

    /// The street and house number parts of a street cell that holds both, as
    /// ranges of `field`; the house number is nil when there is none.
    mutating func splitHouseNumber(_ field: UnsafeBufferPointer<UInt32>) -> (street: Range<Int>, houseNumber: Range<Int>?) {
        let trimmed = trimmedRange(field, 0..<field.count)
        tokens.removeAll()
        var index = trimmed.lowerBound
        while index < trimmed.upperBound {
            let value = field[index]
            if FieldScalars.isBlank(value) || value == 0x2C {
                index += 1
                continue
            }
            let start = index
            var letterCount = 0
            while index < trimmed.upperBound, !FieldScalars.isBlank(field[index]), field[index] != 0x2C {
                let scalar = field[index]
                if index > start, FieldScalars.isDigit(scalar), field[index - 1] == 0x2E || FieldScalars.isLetter(field[index - 1]) {
                    break
                }
                if FieldScalars.isLetter(scalar) { letterCount += 1 }
                index += 1
            }
            tokens.append(Token(range: start..<index, startsWithDigit: FieldScalars.isDigit(field[start]), letterCount: letterCount))
        }
        guard var start = houseNumberStart(field) else { return (trimmed, nil) }
        if start > 1, !tokens[start - 1].startsWithDigit, classes(field, tokens[start - 1]).contains(.numberLabel) {
            start -= 1
        }
        var streetEnd = tokens[start].range.lowerBound
        while streetEnd > trimmed.lowerBound, FieldScalars.isBlank(field[streetEnd - 1]) || field[streetEnd - 1] == 0x2C {
            streetEnd -= 1
        }
        return (trimmed.lowerBound..<streetEnd, tokens[start].range.lowerBound..<trimmed.upperBound)
    }

    private mutating func houseNumberStart(_ field: UnsafeBufferPointer<UInt32>) -> Int? {
        var candidate = 1
        while candidate < tokens.count {
            defer { candidate += 1 }
            guard tokens[candidate].startsWithDigit, isHouseNumberTail(field, from: candidate + 1) else { continue }
            if candidate == 1 && isIncompleteStreet(field, tokens[0]) {
                var next = 2
                while next < tokens.count, !tokens[next].startsWithDigit { next += 1 }
                if next < tokens.count, isHouseNumberTail(field, from: next + 1) { return next }
                return nil
            }
            return candidate
        }
        return nil
    }

    private mutating func isHouseNumberTail(_ field: UnsafeBufferPointer<UInt32>, from first: Int) -> Bool {
        var index = first
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            if token.letterCount > 0 && classes(field, token).contains(.flatDetail) { return true }
            if token.startsWithDigit || token.letterCount <= 2 { continue }
            return false
        }
        return true
    }

    private mutating func isIncompleteStreet(_ field: UnsafeBufferPointer<UInt32>, _ token: Token) -> Bool {
        token.letterCount == 1 || (token.letterCount <= 7 && classes(field, token).contains(.incompleteStreet))
    }

    /// The lists the token's folded letters (digits dropped) are on.
    private mutating func classes(_ field: UnsafeBufferPointer<UInt32>, _ token: Token) -> WordClass {
        letters.removeAll()
        FieldScalars.fold(field, token.range, marksWords: false, into: &letters)
        var kept = 0
        for byte in letters where byte >= UInt8(ascii: "a") {
            letters[kept] = byte
            kept += 1
        }
        return letters.withBuffer { lists.classes($0, 0..<kept) }
    }
}

/// `field[range]` without leading and trailing blanks.
func trimmedRange(_ field: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) -> Range<Int> {
    var lower = range.lowerBound
    var upper = range.upperBound
    while lower < upper, FieldScalars.isBlank(field[lower]) { lower += 1 }
    while upper > lower, FieldScalars.isBlank(field[upper - 1]) { upper -= 1 }
    return lower..<upper
}
