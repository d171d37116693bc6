/// `HouseNumberNormalizer.normalize` on scalar buffers: the same tokens, with
/// numbers and words as ranges of a reused byte buffer.
struct HouseNumberBytes {
    enum Kind: UInt8 { case number, word, space, hyphen, slash, dot, half, end }

    struct Token {
        var kind: Kind
        /// Digits (without leading zeros) or lower-cased letters, in `text`.
        var range: Range<Int> = 0..<0
    }

    private var text = ScratchBuffer<UInt8>(capacity: 64)
    private var tokens = ScratchBuffer<Token>(capacity: 16)
    private var position = 0
    private let lists = WordTable.lookup

    init() {}

    /// Frees the buffers (the owner calls it once, in its `deinit`).
    func release() {
        text.release()
        tokens.release()
    }

    /// Appends the canonical house number to `out`; false when there is none.
    mutating func normalize(_ field: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, into out: inout ScratchBuffer<UInt8>) -> Bool {
        let trimmed = trimmedRange(field, range)
        if trimmed.isEmpty { return false }
        var hasDigit = false
        for index in trimmed where FieldScalars.isDigit(field[index]) || field[index] == 0xBD { hasDigit = true; break }
        if !hasDigit { return false }
        tokenize(field, trimmed)
        position = 0
        skipping: while true {
            let token = peek(0)
            switch token.kind {
            case .word where isPrefix(token): position += 1
            case .space, .dot: position += 1
            default: break skipping
            }
        }
        let number = next()
        guard number.kind == .number, number.range.count <= 4 else { return false }
        let space = peek(0).kind == .space ? 1 : 0
        if peek(space).kind == .half
            || (space == 1 && peek(1).kind == .number && equals(peek(1), "1") && peek(2).kind == .slash
                && peek(3).kind == .number && equals(peek(3), "2"))
        {
            append(number, to: &out)
            for byte in " 1/2".utf8 { out.append(byte) }
            return true
        }
        let letter = letterAddition()
        append(number, to: &out)
        if let letter { append(letter, to: &out) }
        skip(spaces: true, dots: false)
        let separator = next()
        let joins = separator.kind == .hyphen || separator.kind == .slash
            || (separator.kind == .word && (equals(separator, "bis") || equals(separator, "u") || equals(separator, "und")))
        guard joins else { return true }
        skip(spaces: true, dots: true)
        let second = next()
        switch second.kind {
        case .number where second.range.count <= 4:
            let secondLetter = letterAddition()
            if value(second) > value(number) {
                out.append(UInt8(ascii: "-"))
                append(second, to: &out)
                if let secondLetter { append(secondLetter, to: &out) }
            } else if sameText(second, number), let letter, let secondLetter, text[secondLetter.range.lowerBound] > text[letter.range.lowerBound] {
                out.append(UInt8(ascii: "-"))
                append(secondLetter, to: &out)
            }
            return true
        case .word where second.range.count == 1:
            if let letter, text[second.range.lowerBound] > text[letter.range.lowerBound] {
                out.append(UInt8(ascii: "-"))
                append(second, to: &out)
            }
            return true
        default:
            return true
        }
    }

    /// The fast path for the common ASCII forms: digits with at most one letter
    /// after them (`23`, `007`, `5a`, `5 A`), blanks around. Appends the canonical
    /// number and returns true; false, with nothing appended, for every other
    /// form, which the full rules decide.
    func normalizePlain(ascii field: UnsafeBufferPointer<UInt8>, into out: inout ScratchBuffer<UInt8>) -> Bool {
        let trimmed = PlainText.trimmed(field)
        var i = trimmed.lowerBound
        let end = trimmed.upperBound
        while i < end, field[i] == 0x30 { i += 1 }
        let digitsStart = i
        while i < end, field[i] >= 0x30 && field[i] <= 0x39 { i += 1 }
        let digits = digitsStart..<i
        // No digit at all, or more than four without the leading zeros: the full rules.
        guard i > trimmed.lowerBound, digits.count <= 4 else { return false }
        var letter: UInt8 = 0
        if i < end {
            while i < end, PlainText.isBlank(field[i]) { i += 1 }
            let lower = field[i] | 0x20
            guard i + 1 == end, lower >= 0x61, lower <= 0x7A else { return false }
            letter = lower
        }
        if digits.isEmpty {
            out.append(0x30)
        } else {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: field[digits]))
        }
        if letter != 0 { out.append(letter) }
        return true
    }

    private func isPrefix(_ token: Token) -> Bool {
        text.withBuffer { lists.classes($0, token.range) }.contains(.houseNumberPrefix)
    }

    private func peek(_ ahead: Int) -> Token {
        position + ahead < tokens.count ? tokens[position + ahead] : Token(kind: .end)
    }

    private mutating func next() -> Token {
        defer { position += 1 }
        return peek(0)
    }

    private mutating func skip(spaces: Bool, dots: Bool) {
        while true {
            let kind = peek(0).kind
            if kind == .space || (dots && kind == .dot) { position += 1 } else { return }
        }
    }

    /// One letter after the number, after blanks, `-` or `.`: `5a`, `5 a`, `5-a`; not the `u` of `5 u 7`.
    private mutating func letterAddition() -> Token? {
        var ahead = 0
        while [.space, .hyphen, .dot].contains(peek(ahead).kind) { ahead += 1 }
        let word = peek(ahead)
        guard word.kind == .word, word.range.count == 1 else { return nil }
        if equals(word, "u") {
            var rest = position + ahead + 1
            while rest < tokens.count, tokens[rest].kind == .space || tokens[rest].kind == .dot { rest += 1 }
            if rest < tokens.count, tokens[rest].kind == .number { return nil }
        }
        position += ahead + 1
        return word
    }

    private func equals(_ token: Token, _ literal: StaticString) -> Bool {
        guard token.range.count == literal.utf8CodeUnitCount else { return false }
        for k in 0..<token.range.count where text[token.range.lowerBound + k] != literal.utf8Start[k] { return false }
        return true
    }

    private func sameText(_ a: Token, _ b: Token) -> Bool {
        a.range.count == b.range.count && text[a.range].elementsEqual(text[b.range])
    }

    private func value(_ token: Token) -> Int {
        var value = 0
        for index in token.range { value = value * 10 + Int(text[index] - 0x30) }
        return value
    }

    private func append(_ token: Token, to out: inout ScratchBuffer<UInt8>) {
        out.append(contentsOf: text.slice(token.range))
    }

    /// Tokens up to the first flat detail (`//`, `,`, `;`, `(`, other characters, `c/o`).
    private mutating func tokenize(_ field: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) {
        tokens.removeAll()
        text.removeAll()
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let scalar = field[index]
            if FieldScalars.isDigit(scalar) {
                let start = text.count
                while index < end, FieldScalars.isDigit(field[index]) {
                    if !(text.count == start && field[index] == 0x30) { text.append(UInt8(field[index])) }
                    index += 1
                }
                if text.count == start { text.append(0x30) }
                tokens.append(Token(kind: .number, range: start..<text.count))
                continue
            }
            let letter = FieldScalars.asciiLetter(scalar)
            if letter != 0 {
                if letter == UInt8(ascii: "c"), index + 2 < end, field[index + 1] == 0x2F,
                    FieldScalars.asciiLetter(field[index + 2]) == UInt8(ascii: "o")
                {
                    return
                }
                let start = text.count
                text.append(letter)
                index += 1
                while index < end {
                    let next = FieldScalars.asciiLetter(field[index])
                    if next == 0 { break }
                    text.append(next)
                    index += 1
                }
                tokens.append(Token(kind: .word, range: start..<text.count))
                continue
            }
            switch scalar {
            case 0x2F where index + 1 < end && field[index + 1] == 0x2F: return
            case 0x2F: tokens.append(Token(kind: .slash))
            case 0x2D, 0x2010, 0x2011, 0x2013: tokens.append(Token(kind: .hyphen))
            case 0x2E: tokens.append(Token(kind: .dot))
            case 0xBD: tokens.append(Token(kind: .half))
            case let blank where FieldScalars.isBlank(blank):
                if tokens.last?.kind != .space { tokens.append(Token(kind: .space)) }
            default: return
            }
            index += 1
        }
    }
}
