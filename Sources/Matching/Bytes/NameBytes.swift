/// `PersonNameNormalizer.givenNames` and `.surname` on scalar buffers: the same
/// tokens, glued-title splits, joins, title and particle rules, with every
/// token's text and folding in reused arenas instead of `String`s.
struct NameBytes {
    struct Token {
        var text: Range<Int>
        var folded: Range<Int>
        var key: PackedWord?
        var keyLength: Int
        var keyFirst: UInt8
        var classes: WordClass
        var hasDot: Bool
        var commaBefore: Bool
        var isParenthesized: Bool
    }

    private var text = ScratchBuffer<UInt32>(capacity: 256)
    private var folded = ScratchBuffer<UInt8>(capacity: 256)
    private var keyBytes = ScratchBuffer<UInt8>(capacity: 64)
    private var tokens = ScratchBuffer<Token>(capacity: 16)
    private var joined = ScratchBuffer<Token>(capacity: 16)
    private var kept = ScratchBuffer<Token>(capacity: 16)
    private var words = ScratchBuffer<Range<Int>>(capacity: 16)
    private let plain = PlainText()
    private let lists = WordTable.lookup
    private let keys = Keys()

    init() {}

    /// Frees the buffers (the owner calls it once, in its `deinit`).
    func release() {
        text.release()
        folded.release()
        keyBytes.release()
        tokens.release()
        joined.release()
        kept.release()
        words.release()
    }

    enum Part { case given, surname }

    /// Appends the folded given names or surname of `field` (covered scalars) to `out`.
    mutating func normalize(_ field: UnsafeBufferPointer<UInt32>, _ part: Part, into out: inout ScratchBuffer<UInt8>) {
        text.removeAll()
        folded.removeAll()
        tokens.removeAll()
        tokenize(field)
        joinDetachedParts()
        removeTitles()
        switch part {
        case .given: givenNameWords(into: &out)
        case .surname: surnameWords(into: &out)
        }
    }

    /// The fast path for a plain name (`PlainText`): words of letters between
    /// blanks, hyphens only between letters, and no word or hyphenated token on
    /// any list or a name keyword (`WordClass.nameKeyword`). The rules then keep
    /// every word, in given names and surnames alike, so the folded letters are
    /// appended to `out` and true is returned. False, with nothing appended,
    /// when the full rules must decide (titles, particles, dots, commas …).
    ///
    /// For a `surname`, a word standing alone between blanks that is a particle
    /// and on no other list (`von Müller`, `Anna zu Sakelwimmer`) is left out, as
    /// the rules leave it out of a surname; a surname of particles only is
    /// theirs to decide (they keep it whole).
    mutating func normalizePlain(_ field: UnsafeBufferPointer<UInt8>, surname: Bool = false, into out: inout ScratchBuffer<UInt8>) -> Bool {
        guard let p = field.baseAddress else { return true }
        let n = field.count
        let lists = self.lists
        let table = plain.table
        // One letter per ASCII byte, at most three per two-byte scalar: below two per byte.
        return out.append(upTo: 2 * n) { (w, written: inout Int) -> Bool in
            var failed = false
            var k = 0
            var wordStart = 0
            var tokenStart = 0
            var tokenWords = 0
            var inToken = false
            var afterHyphen = false
            var droppedParticle = false
            /// `endsToken`: the word ends at a blank or the end, not at a hyphen.
            @inline(__always) func endWord(endsToken: Bool) {
                let classes = lists.classes(UnsafeBufferPointer(start: w, count: k), wordStart..<k)
                if classes.rawValue != 0 {
                    if surname && classes == .particle && endsToken && tokenWords == 0 {
                        k = wordStart
                        droppedParticle = true
                        return
                    }
                    failed = true
                }
                tokenWords += 1
                wordStart = k
            }
            @inline(__always) func endToken() {
                if tokenWords > 1, lists.classes(UnsafeBufferPointer(start: w, count: k), tokenStart..<k).rawValue != 0 { failed = true }
                tokenWords = 0
                tokenStart = k
            }
            var i = 0
            while i < n && !failed {
                let byte = p[i]
                if byte < 0x80 {
                    i += 1
                    let lower = byte | 0x20
                    if lower >= 0x61 && lower <= 0x7A {
                        w[k] = lower
                        k += 1
                        inToken = true
                        afterHyphen = false
                    } else if byte == 0x20 || byte == 0x09 {
                        guard inToken else { continue }
                        if afterHyphen { failed = true; break }
                        endWord(endsToken: true)
                        endToken()
                        inToken = false
                    } else if byte == 0x2D, inToken, !afterHyphen {
                        endWord(endsToken: false)
                        afterHyphen = true
                    } else {
                        failed = true
                    }
                    continue
                }
                let info = table[PlainText.scalar(p, i)]
                i += 2
                guard info.isPlainLetter else { failed = true; break }
                w[k] = info.fold.0
                k += 1
                if info.foldCount > 1 { w[k] = info.fold.1; k += 1 }
                if info.foldCount > 2 { w[k] = info.fold.2; k += 1 }
                inToken = true
                afterHyphen = false
            }
            if !failed && inToken {
                if afterHyphen {
                    failed = true
                } else {
                    endWord(endsToken: true)
                    endToken()
                }
            }
            // Nothing but particles: the rules keep them all.
            if droppedParticle && k == 0 { failed = true }
            written = failed ? 0 : k
            return !failed
        }
    }

    // MARK: - Tokens

    private mutating func makeToken(_ range: Range<Int>, commaBefore: Bool) -> Token {
        let foldStart = folded.count
        text.withBuffer { FieldScalars.fold($0, range, marksWords: true, into: &folded) }
        keyBytes.removeAll()
        for index in foldStart..<folded.count where folded[index] != 0x20 { keyBytes.append(folded[index]) }
        let key = keyBytes.withBuffer { PackedWord($0, 0..<$0.count) }
        var hasDot = false
        for index in range where text[index] == 0x2E { hasDot = true; break }
        // `text.utf8.first == "("`: the first scalar is "(" exactly when its first byte is.
        let isParenthesized = !range.isEmpty && text[range.lowerBound] == 0x28 && text[range.upperBound - 1] == 0x29
        return Token(
            text: range, folded: foldStart..<folded.count, key: key, keyLength: keyBytes.count,
            keyFirst: keyBytes.first ?? 0, classes: key.map(lists.classes) ?? [],
            hasDot: hasDot, commaBefore: commaBefore, isParenthesized: isParenthesized
        )
    }

    /// Copies `field[range]` (or two texts with a separator) into the text arena.
    private mutating func copyText(_ field: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) -> Range<Int> {
        let start = text.count
        for index in range { text.append(field[index]) }
        return start..<text.count
    }

    private mutating func concatenate(_ a: Range<Int>, separator: UInt32?, _ b: Range<Int>) -> Range<Int> {
        let start = text.count
        for index in a { text.append(text[index]) }
        if let separator { text.append(separator) }
        for index in b { text.append(text[index]) }
        return start..<text.count
    }

    private mutating func tokenize(_ field: UnsafeBufferPointer<UInt32>) {
        var start = 0
        var commaBefore = false
        for index in 0..<field.count {
            let value = field[index]
            if FieldScalars.isBlank(value) || value == 0x2C || value == 0x3B {
                if start < index {
                    appendSplittingGluedTitle(copyText(field, start..<index), commaBefore: commaBefore)
                    commaBefore = false
                }
                commaBefore = commaBefore || value == 0x2C || value == 0x3B
                start = index + 1
            }
        }
        if start < field.count {
            appendSplittingGluedTitle(copyText(field, start..<field.count), commaBefore: commaBefore)
        }
    }

    private mutating func appendSplittingGluedTitle(_ range: Range<Int>, commaBefore: Bool) {
        let whole = makeToken(range, commaBefore: commaBefore)
        let count = range.count
        guard whole.hasDot, count > 3 else {
            tokens.append(whole)
            return
        }
        let base = range.lowerBound
        func scalar(_ i: Int) -> UInt32 { text[base + i] }
        func startsCapitalizedWord(after dot: Int) -> Bool {
            guard scalar(dot) == 0x2E, dot + 2 < count else { return false }
            return Self.isUppercase(scalar(dot + 1)) && Self.isLowercase(scalar(dot + 2))
        }
        if isTitle(whole) {
            var last: Int?
            for candidate in stride(from: count - 3, through: 1, by: -1) where startsCapitalizedWord(after: candidate) {
                last = candidate
                break
            }
            guard let last else {
                tokens.append(whole)
                return
            }
            for i in (last + 1)..<count where scalar(i) == 0x2E {
                tokens.append(whole)
                return
            }
            tokens.append(makeToken(base..<(base + last + 1), commaBefore: commaBefore))
            tokens.append(makeToken((base + last + 1)..<range.upperBound, commaBefore: false))
            return
        }
        var start = 0
        for index in 1..<(count - 1) where scalar(index) == 0x2E && FieldScalars.isLetter(scalar(index + 1)) {
            if startsCapitalizedWord(after: index) || isTitle(makeToken((base + start)..<(base + index + 1), commaBefore: false)) {
                tokens.append(makeToken((base + start)..<(base + index + 1), commaBefore: start == 0 && commaBefore))
                start = index + 1
            }
        }
        tokens.append(makeToken((base + start)..<range.upperBound, commaBefore: start == 0 && commaBefore))
    }

    private static func isUppercase(_ value: UInt32) -> Bool {
        value < 0x80 ? (value >= 0x41 && value <= 0x5A) : FieldScalars.info(value).isUppercase
    }

    private static func isLowercase(_ value: UInt32) -> Bool {
        value < 0x80 ? (value >= 0x61 && value <= 0x7A) : FieldScalars.info(value).isLowercase
    }

    private static func isHyphen(_ value: UInt32?) -> Bool {
        guard let value else { return false }
        return value == 0x2D || (value >= 0x2010 && value <= 0x2014)
    }

    private mutating func joinDetachedParts() {
        joined.removeAll()
        var index = 0
        while index < tokens.count {
            var token = tokens[index]
            index += 1
            while index < tokens.count, !tokens[index].commaBefore,
                Self.isHyphen(token.text.isEmpty ? nil : text[token.text.upperBound - 1])
                    || Self.isHyphen(tokens[index].text.isEmpty ? nil : text[tokens[index].text.lowerBound])
            {
                token = makeToken(concatenate(token.text, separator: nil, tokens[index].text), commaBefore: token.commaBefore)
                index += 1
            }
            if let previous = joined.last, previous.hasDot, previous.key == keys.v, token.hasDot, token.key == keys.d,
                !token.commaBefore
            {
                joined[joined.count - 1] = makeToken(
                    concatenate(previous.text, separator: 0x20, token.text), commaBefore: previous.commaBefore)
                continue
            }
            joined.append(token)
        }
    }

    // MARK: - Titles

    private mutating func removeTitles() {
        kept.removeAll()
        var pendingComma = false
        var afterTitle = false
        var inBirthName = false
        for var token in joined {
            pendingComma = pendingComma || token.commaBefore
            if token.commaBefore { inBirthName = false }
            var remove = inBirthName || token.keyLength == 0
            if !remove && token.classes.contains(.birthNameMarker) {
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
                token.commaBefore = pendingComma
                pendingComma = false
                kept.append(token)
            }
        }
    }

    private mutating func isTitle(_ token: Token) -> Bool {
        if token.classes.contains(.title) { return true }
        if token.hasDot && token.classes.contains(.dottedTitle) { return true }
        guard token.keyLength > 2, token.keyFirst == UInt8(ascii: "d") || token.keyFirst == UInt8(ascii: "p") else { return false }
        splitWords(token)
        guard let head = words.first else { return false }
        let headWord = piece(head)
        if headWord == keys.dipl || headWord == keys.diplom { return true }
        guard words.count >= 2, headWord == keys.dr || headWord == keys.prof || headWord == keys.dres else { return false }
        for range in words.dropFirst() {
            let word = piece(range)
            let classes = word.map(lists.classes) ?? []
            if !(classes.contains(.title) || classes.contains(.titleSubject) || word == keys.ing || word == keys.phil) {
                return false
            }
        }
        return true
    }

    private func isTitleSubject(_ token: Token) -> Bool {
        if token.isParenthesized { return true }
        if token.classes.contains(.titleSubject) || token.classes.contains(.title) { return true }
        return token.hasDot && (token.key == keys.phil || token.key == keys.ing || token.key == keys.sc)
    }

    private func isAbbreviatedParticle(_ token: Token) -> Bool {
        token.hasDot && (token.key == keys.v || token.key == keys.vd)
    }

    // MARK: - Words

    /// The folded words of `token` into `words`.
    private mutating func splitWords(_ token: Token) {
        words.removeAll()
        appendWords(token)
    }

    private mutating func appendWords(_ token: Token) {
        var start = token.folded.lowerBound
        for index in token.folded where folded[index] == 0x20 {
            if start < index { words.append(start..<index) }
            start = index + 1
        }
        if start < token.folded.upperBound { words.append(start..<token.folded.upperBound) }
    }

    private func piece(_ range: Range<Int>) -> PackedWord? {
        folded.withBuffer { PackedWord($0, range) }
    }

    private func isParticleWord(_ range: Range<Int>) -> Bool {
        piece(range).map { lists.classes($0).contains(.particle) } ?? false
    }

    private mutating func givenNameWords(into out: inout ScratchBuffer<UInt8>) {
        words.removeAll()
        for index in kept.indices {
            let token = kept[index]
            if token.key == keys.und || (token.key == keys.u && token.hasDot && index > 0) { continue }
            if isAbbreviatedParticle(token) && index > 0 { continue }
            appendWords(token)
        }
        while words.count > 1, isParticleWord(words[words.count - 1]) { words.removeLast() }
        for range in words { out.append(contentsOf: folded.slice(range)) }
    }

    private mutating func surnameWords(into out: inout ScratchBuffer<UInt8>) {
        words.removeAll()
        var anyCore = false
        for token in kept where !isAbbreviatedParticle(token) {
            let before = words.count
            appendWords(token)
            for range in words[before...] where !isParticleWord(range) {
                anyCore = true
                break
            }
            if anyCore { break }
        }
        words.removeAll()
        if anyCore {
            for token in kept where !isAbbreviatedParticle(token) { appendWords(token) }
            for range in words where !isParticleWord(range) { out.append(contentsOf: folded.slice(range)) }
        } else {
            for token in kept { appendWords(token) }
            for range in words { out.append(contentsOf: folded.slice(range)) }
        }
    }

    /// Held by each instance, not static: a lazy global costs a `swift_once` call per use.
    private struct Keys {
        let v = PackedWord("v"), d = PackedWord("d"), vd = PackedWord("vd"), u = PackedWord("u")
        let und = PackedWord("und"), phil = PackedWord("phil"), ing = PackedWord("ing"), sc = PackedWord("sc")
        let dipl = PackedWord("dipl"), diplom = PackedWord("diplom"), dr = PackedWord("dr")
        let prof = PackedWord("prof"), dres = PackedWord("dres")
    }
}
