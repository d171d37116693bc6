/// House numbers (Hausnummern) with letter additions, ranges and flat details.
public enum HouseNumberNormalizer {
    /// The canonical house number, or why there is none.
    ///
    /// - `5a`, `5 a`, `5A`, `5-a`, `5.a` → `5a` (one letter after the number is an addition,
    ///   whatever separates it).
    /// - `5-7`, `5 - 7`, `5/7`, `5 bis 7`, `5 u. 7` → `5-7`: a range, kept as one.
    ///   When the second number is not larger (`12/1`, `7-5`) it is a flat or entrance
    ///   number, not a range, and is dropped: `12`.
    /// - `5a-c` and `5a-5c` → `5a-c`; `5-7a` → `5-7a`.
    /// - `5 1/2` and `5½` → `5 1/2` (a half number, not the range 1-2).
    /// - Flat details after `//`, `,`, `;`, `(` or a word (`Whg. 3`, `App. 2`, `Zi. 4`,
    ///   `c/o …`, `Hinterhaus`, `OG`) are ignored: `12 // Whg. 3` → `12`.
    /// - `Nr.`, `Hausnr.`, `Haus` before the number are ignored; other text there fails.
    /// - Leading zeros are dropped (`05` → `5`); more than four digits fail (a postcode?).
    public static func normalize(_ houseNumber: String) -> Result<String, InvalidValue> {
        let trimmed = houseNumber.unicodeScalars.trimmingBlanks()
        if trimmed.isEmpty { return .failure(.empty) }
        if !trimmed.contains(where: { $0.isASCIIDigit || $0 == "½" }) { return .failure(InvalidValue("no digits")) }

        var parts = Parts(tokens(Array(trimmed)))
        skipping: while true {
            switch parts.peek {
            case .word(let word) where prefixes.contains(word): parts.next()
            case .space, .dot: parts.next()
            default: break skipping
            }
        }
        guard case .number(let number) = parts.next() else {
            return .failure(InvalidValue("text before house number"))
        }
        guard number.count <= 4 else { return .failure(InvalidValue("too many digits in house number")) }

        let space = parts.peek == .space ? 1 : 0
        if parts.peek(space) == .half
            || (space == 1 && parts.peek(1) == .number("1") && parts.peek(2) == .slash && parts.peek(3) == .number("2"))
        {
            return .success(number + " 1/2")
        }
        let letter = parts.letterAddition()
        let first = number + (letter ?? "")

        // A range: separator or connecting word, then a number (with letter) or, after a letter, a letter.
        parts.skipSpaces()
        switch parts.next() {
        case .hyphen, .slash, .word("bis"), .word("u"), .word("und"):
            parts.skipSpacesAndDots()
            switch parts.next() {
            case .number(let second) where second.count <= 4:
                let secondLetter = parts.letterAddition()
                if let upper = Int(second), let lower = Int(number), upper > lower {
                    return .success(first + "-" + second + (secondLetter ?? ""))
                }
                if second == number, let letter, let secondLetter, secondLetter > letter {
                    return .success(first + "-" + secondLetter)
                }
                return .success(first)
            case .word(let secondLetter) where secondLetter.count == 1:
                if let letter, secondLetter > letter { return .success(first + "-" + secondLetter) }
                return .success(first)
            default:
                return .success(first)
            }
        default:
            return .success(first)
        }
    }

    /// Words that may stand before the number.
    static let prefixes: Set<String> = ["nr", "no", "hnr", "hausnr", "hausnummer", "haus"]

    enum Token: Equatable {
        case number(String)  // without leading zeros
        case word(String)  // lower-cased ASCII letters
        case space, hyphen, slash, dot
        case half  // ½
        case end  // read past the last token
    }

    /// Tokens up to the first flat detail (`//`, `,`, `;`, `(`, other characters).
    private static func tokens(_ scalars: [Unicode.Scalar]) -> [Token] {
        var result: [Token] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar.isASCIIDigit {
                var digits = ""
                while index < scalars.count, scalars[index].isASCIIDigit {
                    if !(digits.isEmpty && scalars[index] == "0") { digits.unicodeScalars.append(scalars[index]) }
                    index += 1
                }
                result.append(.number(digits.isEmpty ? "0" : digits))
                continue
            }
            if let letter = scalar.asciiLetter {
                if letter == UInt8(ascii: "c"), index + 2 < scalars.count, scalars[index + 1] == "/",
                    scalars[index + 2].asciiLetter == UInt8(ascii: "o")
                {
                    return result  // "c/o Meier"
                }
                var word = [letter]
                index += 1
                while index < scalars.count, let next = scalars[index].asciiLetter {
                    word.append(next)
                    index += 1
                }
                result.append(.word(String(decoding: word, as: UTF8.self)))
                continue
            }
            switch scalar {
            case "/" where index + 1 < scalars.count && scalars[index + 1] == "/":
                return result
            case "/": result.append(.slash)
            case "-", "\u{2010}", "\u{2011}", "\u{2013}": result.append(.hyphen)
            case ".": result.append(.dot)
            case "½": result.append(.half)
            case let blank where blank.isBlank:
                if result.last != .space { result.append(.space) }
            default:
                return result  // , ; ( and anything unexpected start a flat detail
            }
            index += 1
        }
        return result
    }

    /// A cursor over the tokens; reads `.end` past the last one.
    struct Parts {
        private let tokens: [Token]
        private var position = 0

        init(_ tokens: [Token]) { self.tokens = tokens }

        func peek(_ ahead: Int = 0) -> Token {
            position + ahead < tokens.count ? tokens[position + ahead] : .end
        }

        var peek: Token { peek(0) }

        @discardableResult
        mutating func next() -> Token {
            defer { position += 1 }
            return peek
        }

        mutating func skipSpaces() {
            while peek == .space { position += 1 }
        }

        mutating func skipSpacesAndDots() {
            while peek == .space || peek == .dot { position += 1 }
        }

        /// One letter directly after the number, after blanks, `-` or `.`: `5a`, `5 a`, `5-a`.
        mutating func letterAddition() -> String? {
            var ahead = 0
            while [.space, .hyphen, .dot].contains(peek(ahead)) { ahead += 1 }
            guard case .word(let word) = peek(ahead), word.count == 1 else { return nil }
            // "5 u 7" joins two numbers, it is no addition.
            if word == "u" {
                var rest = Parts(Array(tokens[(position + ahead + 1)...]))
                rest.skipSpacesAndDots()
                if case .number = rest.peek { return nil }
            }
            position += ahead + 1
            return word
        }
    }
}
