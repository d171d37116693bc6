/// A person's name folded for matching: titles, salutations and name particles removed.
public struct PersonName: Sendable, Equatable {
    /// All given names, folded and joined: `Hans-Peter` → `hanspeter`; may be empty.
    public var first: String
    /// The surname, folded and joined, without particles: `von der Müller-Lüdenscheidt` → `muellerluedenscheidt`.
    public var last: String

    public init(first: String, last: String) {
        self.first = first
        self.last = last
    }
}

/// Personal names as they appear in address files, in one column or two.
///
/// Both sides of a match go through the same rules, so they only need to be consistent:
/// - salutations and academic titles are dropped anywhere (`Herr`, `Frau`, `Familie`,
///   `Dr.`, `Dr. med.`, `Dr. rer. nat.`, `Dr.-Ing.`, `Prof.`, `Dipl.-Ing. (FH)`, `Mag.`,
///   `MBA`, `M.A.`, `B.Sc.`, `jun.` …); ambiguous ones only with their dot
///   (`M.A.` but not the surname `Ma`, `Dr. phil.` but not `Dr. Phil Collins`);
/// - name particles (`von`, `van`, `vom`, `de`, `der`, `den`, `zu`, `zur`, `zum`, `di`, `da`,
///   `du`, `le`, `la`, `ten`, `ter`, `del`, `della`, `dos`, `das`) are removed from the surname,
///   and from the end of the given names, so `Hans von Müller` = `Hans Müller` =
///   `von Müller, Hans` = `Müller, Hans von` = `Hans v. Müller`. A surname made only of
///   particles (`Le`, `Du`) is kept as it is;
/// - a birth name after `geb.` is dropped (`Müller geb. Schmidt` → `Müller`);
/// - `und`, `&`, `+` between given names are dropped (`Hans u. Maria` = `Hans & Maria`).
public enum PersonNameNormalizer {
    /// Folds a name given as first and last name columns.
    ///
    /// Fails with `empty` when both are absent or blank, `digits in name`, or
    /// `no surname` when nothing is left of the last name.
    public static func normalize(first: String?, last: String?) -> Result<PersonName, InvalidValue> {
        let firstRaw = first ?? ""
        let lastRaw = last ?? ""
        if firstRaw.unicodeScalars.allSatisfy(\.isBlank) && lastRaw.unicodeScalars.allSatisfy(\.isBlank) {
            return .failure(.empty)
        }
        return combine(first: givenNames(firstRaw), last: surname(lastRaw))
    }

    /// The folded given names of a first-name column. Depends on that column
    /// alone, so callers may memoize it (first names repeat a lot).
    public static func givenNames(_ raw: String) -> String {
        givenNameWords(withoutTitles(tokens(of: raw))).joined()
    }

    /// The folded surname of a last-name column, particles removed; memoizable like `givenNames`.
    public static func surname(_ raw: String) -> String {
        surnameWords(withoutTitles(tokens(of: raw))).joined()
    }

    /// The checks `normalize` applies to the two folded halves.
    public static func combine(first: String, last: String) -> Result<PersonName, InvalidValue> {
        let name = PersonName(first: first, last: last)
        if name.first.utf8.contains(where: isDigit) || name.last.utf8.contains(where: isDigit) {
            return .failure(InvalidValue("digits in name"))
        }
        if name.last.isEmpty { return .failure(InvalidValue("no surname")) }
        return .success(name)
    }

    /// Splits a one-column name into given names and surname, titles and salutations
    /// removed, spelling otherwise kept; feed the result to `normalize(first:last:)`.
    ///
    /// `Müller, Hans` → (`Hans`, `Müller`); `Dr. Hans Müller` → (`Hans`, `Müller`);
    /// `Hans-Peter von der Müller-Lüdenscheidt` → (`Hans-Peter`, `von der Müller-Lüdenscheidt`);
    /// `Herr Prof. Dr. med. Karl Schmidt` → (`Karl`, `Schmidt`). Without a comma the
    /// last word is the surname, with the particles before it. A name of titles only
    /// (`Herr Dr.`) gives two empty strings.
    public static func split(full: String) -> (first: String, last: String) {
        let parts = withoutTitles(tokens(of: full))
        if let comma = parts.firstIndex(where: \.commaBefore), comma > 0 {
            return (join(withoutEdgeConnectors(parts[comma...])), join(parts[..<comma]))
        }
        guard var surnameStart = parts.indices.last else { return ("", "") }
        // "Hans von der Müller": the particles go with the surname, unless the surname is one ("Anh Van Le").
        if !isParticle(parts[surnameStart]) {
            while surnameStart > 0 && isParticle(parts[surnameStart - 1]) { surnameStart -= 1 }
        }
        return (join(withoutEdgeConnectors(parts[..<surnameStart])), join(parts[surnameStart...]))
    }

    /// Given names without a leading or trailing `und`: "Herr und Frau Müller" leaves none.
    /// A leading `U.` stays: it is an initial.
    private static func withoutEdgeConnectors(_ parts: ArraySlice<Token>) -> ArraySlice<Token> {
        var parts = parts
        while let first = parts.first, first.key == "und" { parts.removeFirst() }
        while let last = parts.last, last.key == "und" || (last.key == "u" && last.hasDot && parts.count > 1) {
            parts.removeLast()
        }
        return parts
    }

    // MARK: - Tokens

    /// A word of the name as written, between blanks or commas.
    struct Token {
        var text: String
        /// The folded words with single spaces between them: `Dr.-Ing.` → `dr ing`.
        private var folded: [UInt8]
        /// The folded text: `Dr.-Ing.` → `dring`.
        var key: String
        var hasDot: Bool
        var commaBefore: Bool
        /// Written in brackets: `(FH)`.
        var isParenthesized: Bool

        init(_ text: String, commaBefore: Bool) {
            self.text = text
            folded = TextFolding.foldedBytes(text, marksWords: true)
            key = String(decoding: folded.filter { $0 != FoldingBuffer.wordBreak }, as: UTF8.self)
            hasDot = text.utf8.contains(UInt8(ascii: "."))
            self.commaBefore = commaBefore
            isParenthesized = text.utf8.first == UInt8(ascii: "(") && text.utf8.last == UInt8(ascii: ")")
        }

        /// The folded words: `Hans-Peter` → `["hans", "peter"]`.
        var words: [String] {
            folded.split(separator: FoldingBuffer.wordBreak).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    static func tokens(of name: String) -> [Token] {
        var tokens: [Token] = []
        let scalars = name.unicodeScalars
        var start = scalars.startIndex
        var commaBefore = false
        func flush(upTo end: String.Index) {
            guard start < end else { return }
            appendSplittingGluedTitle(String(Substring(scalars[start..<end])), commaBefore: commaBefore, to: &tokens)
            commaBefore = false
        }
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            if scalar.isBlank || scalar == "," || scalar == ";" {
                flush(upTo: index)
                commaBefore = commaBefore || scalar == "," || scalar == ";"
                start = next
            }
            index = next
        }
        flush(upTo: scalars.endIndex)
        return joiningDetachedParts(tokens)
    }

    /// Rejoins what blanks tore apart: a double name around a detached hyphen
    /// (`Müller - Lüdenscheidt`, `Müller- Lüdenscheidt`, `Müller -Lüdenscheidt`), which would
    /// otherwise lose its first part when a whole name is split; and `v. d.` (von der),
    /// whose `d.` alone is no particle.
    private static func joiningDetachedParts(_ tokens: [Token]) -> [Token] {
        var joined: [Token] = []
        joined.reserveCapacity(tokens.count)
        var index = 0
        while index < tokens.count {
            var token = tokens[index]
            index += 1
            while index < tokens.count, !tokens[index].commaBefore,
                isHyphen(token.text.unicodeScalars.last) || isHyphen(tokens[index].text.unicodeScalars.first)
            {
                token = Token(token.text + tokens[index].text, commaBefore: token.commaBefore)
                index += 1
            }
            if let previous = joined.last, previous.hasDot, previous.key == "v", token.hasDot, token.key == "d",
                !token.commaBefore
            {
                joined[joined.count - 1] = Token(previous.text + " " + token.text, commaBefore: previous.commaBefore)
                continue
            }
            joined.append(token)
        }
        return joined
    }

    private static func isHyphen(_ scalar: Unicode.Scalar?) -> Bool {
        switch scalar {
        case "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}": true
        default: false
        }
    }

    /// `Dr.Hans` and `Prof.Dr.Hans` are split where a dot is followed by a capitalized word,
    /// and after a title whatever letter follows (`DR.HANS`, `dr.hans`, `Dr.von Bülow`).
    /// A token that reads as a title as a whole (`Dipl.-Ing.Hans`, since any `Dipl.…` is one)
    /// loses only a last part without a dot: that is a name glued to it; `Dipl.Kfm.` stays whole.
    private static func appendSplittingGluedTitle(_ text: String, commaBefore: Bool, to tokens: inout [Token]) {
        let whole = Token(text, commaBefore: commaBefore)
        let scalars = Array(text.unicodeScalars)
        guard whole.hasDot, scalars.count > 3 else {
            tokens.append(whole)
            return
        }
        func token(_ range: some RangeExpression<Int>, isFirst: Bool) -> Token {
            Token(String(String.UnicodeScalarView(scalars[range])), commaBefore: isFirst && commaBefore)
        }
        func startsCapitalizedWord(after dot: Int) -> Bool {
            scalars[dot] == "." && dot + 2 < scalars.count
                && scalars[dot + 1].properties.isUppercase && scalars[dot + 2].properties.isLowercase
        }
        if isTitle(whole) {
            guard let last = (1..<(scalars.count - 2)).last(where: startsCapitalizedWord), !scalars[(last + 1)...].contains(".") else {
                tokens.append(whole)
                return
            }
            tokens.append(token(...last, isFirst: true))
            tokens.append(token((last + 1)..., isFirst: false))
            return
        }
        var start = 0
        for index in 1..<(scalars.count - 1) where scalars[index] == "." && scalars[index + 1].isLetter {
            if startsCapitalizedWord(after: index) || isTitle(token(start...index, isFirst: false)) {
                tokens.append(token(start...index, isFirst: start == 0))
                start = index + 1
            }
        }
        tokens.append(token(start..., isFirst: start == 0))
    }

    private static func join(_ parts: ArraySlice<Token>) -> String {
        parts.map(\.text).joined(separator: " ")
    }

    // MARK: - Titles

    /// The tokens without salutations, titles, a birth name after `geb.`, and punctuation-only tokens.
    /// A comma before a removed token moves to the next kept one.
    static func withoutTitles(_ tokens: [Token]) -> [Token] {
        var kept: [Token] = []
        var pendingComma = false
        var afterTitle = false
        var inBirthName = false
        for token in tokens {
            pendingComma = pendingComma || token.commaBefore
            if token.commaBefore { inBirthName = false }
            var remove = inBirthName || token.key.isEmpty
            if !remove && birthNameMarkers.contains(token.key) {
                inBirthName = true
                remove = true
            }
            if !remove {
                if isTitle(token) || (afterTitle && isTitleSubject(token)) {
                    afterTitle = true
                    remove = true
                } else {
                    afterTitle = false
                }
            }
            if !remove {
                var token = token
                token.commaBefore = pendingComma
                pendingComma = false
                kept.append(token)
            }
        }
        return kept
    }

    /// A salutation or title on its own: `Herr`, `Dr.`, `Dr.-Ing.`, `Prof.Dr.`, `Dipl.-Kfm.`, `M.A.`.
    static func isTitle(_ token: Token) -> Bool {
        let key = token.key
        if titles.contains(key) { return true }
        if token.hasDot && dottedTitles.contains(key) { return true }
        guard key.count > 2, key.hasPrefix("d") || key.hasPrefix("p") else { return false }
        let pieces = token.words
        // "Dipl.-Ing.", "Dipl.Kfm.", "Diplom-Kaufmann" (but not the surname "Diplock")
        if let head = pieces.first, head == "dipl" || head == "diplom" { return true }
        // Glued titles: "Dr.-Ing.", "Dr.med.", "Prof.Dr."
        guard pieces.count >= 2, ["dr", "prof", "dres"].contains(pieces[0]) else { return false }
        return pieces.dropFirst().allSatisfy { titles.contains($0) || titleSubjects.contains($0) || $0 == "ing" || $0 == "phil" }
    }

    /// A word completing the title before it: `med.` in `Dr. med.`, `(FH)` after `Dipl.-Ing.`.
    private static func isTitleSubject(_ token: Token) -> Bool {
        if token.isParenthesized { return true }
        if titleSubjects.contains(token.key) || titles.contains(token.key) { return true }
        // Also given names: only with the dot of the abbreviation.
        return token.hasDot && (token.key == "phil" || token.key == "ing" || token.key == "sc")
    }

    /// Titles and salutations in any spelling.
    static let titles: Set<String> = [
        "herr", "herrn", "frau", "hr", "hrn", "fr", "frl", "fraeulein", "familie", "fam", "eheleute", "mr", "mrs",
        "dr", "dres", "drs", "prof", "professor", "doktor", "mba", "bsc", "msc", "llm", "llb", "phd", "beng", "meng",
        "dring", "drmed", "jr", "sr",
    ]
    /// Titles that are also names or words: only with their dot (`Mag.`, `M.A.`, `jun.`).
    static let dottedTitles: Set<String> = ["mag", "ing", "ma", "ba", "hc", "jun", "sen", "med", "mult"]
    /// Words that complete a title before them, in any spelling (none is a given name).
    static let titleSubjects: Set<String> = [
        "med", "dent", "vet", "rer", "nat", "pol", "oec", "jur", "theol", "hc", "habil", "mult", "techn", "agr",
        "paed", "rernat", "rerpol", "reroec", "medvet", "meddent", "fh", "univ",
    ]
    /// `geb.` (née), `verw.` (widowed): the name after it is a former one.
    static let birthNameMarkers: Set<String> = ["geb", "geborene", "geborener", "verw", "verwitwete"]

    // MARK: - Particles and joining

    static let particles: Set<String> = [
        "von", "van", "vom", "de", "der", "den", "zu", "zur", "zum", "di", "da", "du", "le", "la", "ten", "ter",
        "del", "della", "dos", "das",
    ]

    /// `v.` (von), `v.d.` (von der): abbreviated particles, recognizable by their dot only.
    private static func isAbbreviatedParticle(_ token: Token) -> Bool {
        token.hasDot && (token.key == "v" || token.key == "vd")
    }

    private static func isParticle(_ token: Token) -> Bool {
        particles.contains(token.key) || isAbbreviatedParticle(token)
    }

    /// Folded words of the given names, without `und` and trailing particles (`Hans von` → `hans`).
    private static func givenNameWords(_ tokens: [Token]) -> [String] {
        var words: [String] = []
        for (index, token) in tokens.enumerated() {
            // "Hans und Maria", "Hans u. Maria"; a leading "U." is an initial.
            if token.key == "und" || (token.key == "u" && token.hasDot && index > 0) { continue }
            if isAbbreviatedParticle(token) && index > 0 { continue }
            words += token.words
        }
        while words.count > 1, let last = words.last, particles.contains(last) {
            words.removeLast()
        }
        return words
    }

    /// Folded words of the surname without particles, unless nothing else is left.
    private static func surnameWords(_ tokens: [Token]) -> [String] {
        let words = tokens.flatMap(\.words)
        let core = tokens.filter { !isAbbreviatedParticle($0) }.flatMap(\.words).filter { !particles.contains($0) }
        return core.isEmpty ? words : core
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
