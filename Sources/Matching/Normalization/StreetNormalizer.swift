/// Street names (without house number), folded so that spelling habits do not matter.
public enum StreetNormalizer {
    /// The folded street name with one spelling per street type, or why there is none.
    ///
    /// `Karl-Marx-Str.`, `Karl Marx Straße`, `Karl-Marx-Strasse`, `KARL-MARX-STR` → `karlmarxstr`:
    /// - `Straße`, `Strasse`, `Strase` (typo), `Str.`, `str` → `str`, as a word or a word ending;
    /// - `Pl.` → `platz`, `Prom.` → `promenade`, `Bhf.` → `bahnhof`, as a word or a word ending
    ///   (`Marktpl.`); `Ch.`/`Chaus.` → `chaussee` as a word only (`Berliner Ch.`: an ending `ch`
    ///   is too common, `Teich`, `Bach`); `Al` as the last of several words (`Linden-Al.`) → `allee`
    ///   (not as an ending: `Kanal`, `Mühltal`); `G.` as the last of several words (`Kirch-G.`) → `gasse`;
    /// - `St.` before another word → `sankt` (`St. Georg-Str.` = `Sankt-Georg-Straße`);
    /// - spaces, hyphens and dots vanish (`Straße des 17. Juni` → `strdes17juni`).
    ///
    /// A `G` without dot, or glued to a word (`Kirchg.`), is left alone: Mannheim squares
    /// (`G 7`) and words ending in `g.` (`Hauptweg.`) would be misread.
    /// A trailing house number is not removed; split it off first with `splitHouseNumber`.
    public static func normalize(_ street: String) -> Result<String, InvalidValue> {
        if street.unicodeScalars.allSatisfy(\.isBlank) { return .failure(.empty) }
        let words = TextFolding.foldedBytes(street, marksWords: true, keepsDots: true)
            .split(separator: FoldingBuffer.wordBreak)
        var folded: [UInt8] = []
        folded.reserveCapacity(street.utf8.count + 8)
        for (index, word) in words.enumerated() {
            let isAbbreviated = word.last == UInt8(ascii: ".")
            appendCanonical(
                isAbbreviated ? word.dropLast() : word,
                isAbbreviated: isAbbreviated,
                isLast: index == words.count - 1,
                isOnly: words.count == 1,
                to: &folded
            )
        }
        guard folded.contains(where: { $0 >= UInt8(ascii: "a") }) else {
            return .failure(InvalidValue("no letters in street"))
        }
        return .success(String(decoding: folded, as: UTF8.self))
    }

    /// Appends one folded word with its street-type spelling made canonical;
    /// `isAbbreviated`: a dot followed the word in the input.
    static func appendCanonical(
        _ word: ArraySlice<UInt8>, isAbbreviated: Bool, isLast: Bool, isOnly: Bool, to folded: inout [UInt8]
    ) {
        func equals(_ literal: StaticString) -> Bool { word.elementsEqual(bytes(literal)) }
        func endsWith(_ literal: StaticString) -> Bool {
            let suffix = bytes(literal)
            return word.count >= suffix.count && word.suffix(suffix.count).elementsEqual(suffix)
        }
        func append(_ stem: ArraySlice<UInt8>, _ literal: StaticString) {
            folded += stem
            folded += bytes(literal)
        }

        if equals("str") || equals("strasse") || equals("strase") { return append([], "str") }
        if equals("pl") { return append([], "platz") }
        if equals("ch") || equals("chaus") || equals("chauss") { return append([], "chaussee") }
        if equals("prom") { return append([], "promenade") }
        if equals("bhf") { return append([], "bahnhof") }
        if equals("st") && !isLast { return append([], "sankt") }
        if equals("al") && isLast && !isOnly { return append([], "allee") }
        // "Kirch-G.": only with its dot and after a name; "G 7" is a Mannheim square.
        if equals("g") && isAbbreviated && isLast && !isOnly { return append([], "gasse") }
        // Endings of compounds: "Hauptstraße", "Marktpl.", "Uferprom.", "Hauptbhf."
        if endsWith("strasse") { return append(word.dropLast(4), "") }
        if endsWith("strase") { return append(word.dropLast(3), "") }
        if endsWith("pl") { return append(word, "atz") }
        if endsWith("prom") { return append(word, "enade") }
        if endsWith("bhf") { return append(word.dropLast(3), "bahnhof") }
        folded += word
    }

    private static func bytes(_ literal: StaticString) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
    }

    /// Splits a street cell that also holds the house number.
    ///
    /// The house number is the trailing run that starts with a digit after the
    /// last street word; flat details after it stay with it (`12 // Whg. 3`, `5 c/o Meier`).
    /// A number followed by a real word belongs to the street (`Straße des 17. Juni 114`
    /// → `Straße des 17. Juni` + `114`). A number glued to the street is split off
    /// (`Hauptstr.5a`).
    ///
    /// When the street would be a single letter or a bare `Straße`/`Weg`, the first number
    /// belongs to the street: Mannheim squares (`Q 7 12` → `Q 7` + `12`, `Q7` → `Q7` + nil)
    /// and numbered streets (`Straße 70 12` → `Straße 70` + `12`).
    /// A label before the number goes with it (`Hauptstr. Nr. 5` → `Hauptstr.` + `Nr. 5`;
    /// the house number normalizer drops it). Without a number the house number is nil.
    public static func splitHouseNumber(_ combined: String) -> (street: String, houseNumber: String?) {
        let scalars = Array(combined.unicodeScalars.trimmingBlanks())
        let tokens = streetTokens(scalars)
        guard var start = houseNumberStart(tokens, scalars) else {
            return (String(String.UnicodeScalarView(scalars)), nil)
        }
        if start > 1, !tokens[start - 1].startsWithDigit, numberLabels.contains(tokens[start - 1].letters(in: scalars)) {
            start -= 1
        }
        var streetEnd = tokens[start].range.lowerBound
        while streetEnd > 0, scalars[streetEnd - 1].isBlank || scalars[streetEnd - 1] == "," {
            streetEnd -= 1
        }
        return (
            String(String.UnicodeScalarView(scalars[..<streetEnd])),
            String(String.UnicodeScalarView(scalars[tokens[start].range.lowerBound...]))
        )
    }

    struct Token {
        var range: Range<Int>
        var startsWithDigit: Bool
        var letterCount: Int

        /// The token's letters, folded: "Seitenflügel" → "seitenfluegel".
        func letters(in scalars: [Unicode.Scalar]) -> String {
            let folded = TextFolding.foldedBytes(scalars: scalars[range], capacity: range.count + 4, marksWords: false)
            return String(decoding: folded.filter { $0 >= UInt8(ascii: "a") }, as: UTF8.self)
        }
    }

    /// Tokens separated by blanks and commas; a digit after a letter or dot starts a new token ("Hauptstr.5a").
    private static func streetTokens(_ scalars: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        while index < scalars.count {
            if scalars[index].isBlank || scalars[index] == "," {
                index += 1
                continue
            }
            let start = index
            var letterCount = 0
            while index < scalars.count, !scalars[index].isBlank, scalars[index] != "," {
                let scalar = scalars[index]
                if index > start, scalar.isASCIIDigit, scalars[index - 1] == "." || scalars[index - 1].isLetter {
                    break
                }
                if scalar.isLetter { letterCount += 1 }
                index += 1
            }
            tokens.append(Token(range: start..<index, startsWithDigit: scalars[start].isASCIIDigit, letterCount: letterCount))
        }
        return tokens
    }

    /// The index of the token where the house number starts.
    private static func houseNumberStart(_ tokens: [Token], _ scalars: [Unicode.Scalar]) -> Int? {
        var candidate = 1
        while candidate < tokens.count {
            defer { candidate += 1 }
            guard tokens[candidate].startsWithDigit, isHouseNumberTail(tokens[(candidate + 1)...], scalars) else { continue }
            if candidate == 1 && isIncompleteStreet(tokens[0], scalars) {
                // "Q 7 12", "Straße 70 12": the first number names the street.
                if let next = tokens.indices.dropFirst(2).first(where: { tokens[$0].startsWithDigit }),
                    isHouseNumberTail(tokens[(next + 1)...], scalars)
                {
                    return next
                }
                return nil
            }
            return candidate
        }
        return nil
    }

    /// Whether everything after a house number is what may follow one:
    /// more numbers, letters (`5 a`), separators, short codes (`OG`, `li`), or a flat detail.
    private static func isHouseNumberTail(_ tokens: ArraySlice<Token>, _ scalars: [Unicode.Scalar]) -> Bool {
        for token in tokens {
            if token.letterCount > 0 && flatDetails.contains(token.letters(in: scalars)) {
                return true  // the rest is free text: "c/o Meier"
            }
            if token.startsWithDigit || token.letterCount <= 2 { continue }
            return false
        }
        return true
    }

    /// A street name that is no name on its own and needs the number after it.
    private static func isIncompleteStreet(_ token: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        token.letterCount == 1
            || (token.letterCount <= 7 && incompleteStreetWords.contains(token.letters(in: scalars)))
    }

    /// Street types that are no name on their own (`Straße 70`).
    static let incompleteStreetWords: Set<String> = ["strasse", "str", "weg"]

    /// Words that announce a house number: `Nr.`, `Hausnr.`, `Hausnummer`.
    static let numberLabels: Set<String> = ["nr", "hnr", "hausnr", "hausnummer"]

    /// Words that start a flat or delivery detail after the house number.
    static let flatDetails: Set<String> = [
        "whg", "wohnung", "app", "apt", "appartement", "apartment", "zi", "zimmer", "co", "bei", "etage", "stock",
        "og", "eg", "ug", "dg", "hh", "vh", "hinterhaus", "vorderhaus", "gartenhaus", "seitenfluegel", "sfl",
        "links", "rechts", "mitte", "haus", "geb", "gebaeude", "aufgang", "eingang", "top", "tuer",
    ]
}
