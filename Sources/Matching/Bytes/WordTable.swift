/// The normalizers' word lists (titles, particles, flat details, labels …) as
/// one open-addressing table keyed by the word's bytes packed into two 64-bit
/// integers: one lookup answers every list a folded word is on, without a
/// `String` or a `Set` lookup per word.
struct WordClass: OptionSet {
    let rawValue: UInt32

    static let title = WordClass(rawValue: 1 << 0)
    static let dottedTitle = WordClass(rawValue: 1 << 1)
    static let titleSubject = WordClass(rawValue: 1 << 2)
    static let birthNameMarker = WordClass(rawValue: 1 << 3)
    static let particle = WordClass(rawValue: 1 << 4)
    static let numberLabel = WordClass(rawValue: 1 << 5)
    static let flatDetail = WordClass(rawValue: 1 << 6)
    static let houseNumberPrefix = WordClass(rawValue: 1 << 7)
    static let phoneLabel = WordClass(rawValue: 1 << 8)
    static let incompleteStreet = WordClass(rawValue: 1 << 9)
    /// Words the name rules test by value (`und`, `u.`, `v.`, `v. d.`, `Dipl…`, `Dr.-Ing.`, `Dr. phil.`, `B. Sc.`):
    /// a plain name (`NameBytes.normalizePlain`) has none of them.
    static let nameKeyword = WordClass(rawValue: 1 << 10)
}

/// A word of at most 16 bytes, zero-padded (folded words never contain a zero byte).
struct PackedWord: Equatable {
    var low: UInt64 = 0
    var high: UInt64 = 0

    init() {}

    /// nil when the word is empty or longer than 16 bytes: it is on no list.
    @inline(__always)
    init?(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        let count = range.count
        guard count > 0, count <= 16 else { return nil }
        var index = range.lowerBound
        var shift: UInt64 = 0
        while index < range.upperBound && shift < 64 {
            low |= UInt64(bytes[index]) << shift
            shift += 8
            index += 1
        }
        shift = 0
        while index < range.upperBound {
            high |= UInt64(bytes[index]) << shift
            shift += 8
            index += 1
        }
    }

    init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard let word = bytes.withUnsafeBufferPointer({ PackedWord($0, 0..<$0.count) }) else { return nil }
        self = word
    }

    @inline(__always)
    var hash: Int {
        Int(truncatingIfNeeded: ((low &* 0x9E37_79B9_7F4A_7C15) ^ (high &* 0xC2B2_AE3D_27D4_EB4F)) >> 55)
    }
}

/// `WordTable` for the hot loops: two pointers held by the normalizers, so a
/// lookup costs no lazy-global check.
struct WordLookup: @unchecked Sendable {  // immutable after creation
    let words: UnsafePointer<PackedWord>
    let classes: UnsafePointer<WordClass>
    let mask: Int
    /// For each letter `a`…`z`, bit n set when a word of the table starts with
    /// it and has n bytes: most names and street words are on no list, and this
    /// rules them out with one load from a line that stays in the L1 cache,
    /// before the word is packed and hashed.
    let lengthsByFirstLetter: UnsafePointer<UInt32>

    /// The lists `bytes[range]` is on.
    @inline(__always)
    func classes(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> WordClass {
        if !range.isEmpty, range.count < 32 {
            let letter = bytes[range.lowerBound] &- 0x61
            if letter < 26, lengthsByFirstLetter[Int(letter)] >> UInt32(range.count) & 1 == 0 { return [] }
        }
        guard let word = PackedWord(bytes, range) else { return [] }
        return classes(word)
    }

    @inline(__always)
    func classes(_ word: PackedWord) -> WordClass {
        var slot = word.hash & mask
        while true {
            let found = classes[slot]
            if found.rawValue == 0 { return [] }
            if words[slot] == word { return found }
            slot = (slot + 1) & mask
        }
    }
}

enum WordTable {
    private static let size = 512
    private static let mask = size - 1

    static let lookup: WordLookup = {
        let words = UnsafeMutablePointer<PackedWord>.allocate(capacity: size)
        words.initialize(from: table.words, count: size)
        let classes = UnsafeMutablePointer<WordClass>.allocate(capacity: size)
        classes.initialize(from: table.classes, count: size)
        let lengths = UnsafeMutablePointer<UInt32>.allocate(capacity: 26)
        lengths.initialize(repeating: 0, count: 26)
        for slot in 0..<size where table.classes[slot] != [] {
            let word = table.words[slot]
            // A packed word's bytes are nonzero up to its length.
            let count = (0..<16).filter { k in (k < 8 ? word.low >> (8 * UInt64(k)) : word.high >> (8 * UInt64(k - 8))) & 0xFF != 0 }.count
            let letter = UInt8(truncatingIfNeeded: word.low) &- 0x61
            if letter < 26 { lengths[Int(letter)] |= 1 << UInt32(count) }
        }
        return WordLookup(words: words, classes: classes, mask: mask, lengthsByFirstLetter: lengths)
    }()

    private static let table: (words: [PackedWord], classes: [WordClass]) = {
        typealias Names = PersonNameNormalizer
        let lists: [(WordClass, Set<String>)] = [
            (.title, Names.titles), (.dottedTitle, Names.dottedTitles), (.titleSubject, Names.titleSubjects),
            (.birthNameMarker, Names.birthNameMarkers), (.particle, Names.particles),
            (.numberLabel, StreetNormalizer.numberLabels), (.flatDetail, StreetNormalizer.flatDetails),
            (.houseNumberPrefix, HouseNumberNormalizer.prefixes),
            (.phoneLabel, Set(PhoneNormalizer.labels.map { String(decoding: $0, as: UTF8.self) })),
            (.incompleteStreet, StreetNormalizer.incompleteStreetWords),
            (.nameKeyword, ["und", "u", "v", "d", "vd", "dipl", "diplom", "dr", "prof", "dres", "ing", "phil", "sc"]),
        ]
        var words = [PackedWord](repeating: PackedWord(), count: size)
        var classes = [WordClass](repeating: [], count: size)
        for (wordClass, list) in lists {
            for text in list {
                guard let word = PackedWord(text) else { continue }
                var slot = word.hash & mask
                while classes[slot] != [] && words[slot] != word { slot = (slot + 1) & mask }
                words[slot] = word
                classes[slot].insert(wordClass)
            }
        }
        return (words, classes)
    }()

    /// The lists `word` is on, without the prefilter: the reference for `WordLookup`.
    static func classes(_ word: PackedWord) -> WordClass {
        var slot = word.hash & mask
        while true {
            let found = table.classes[slot]
            if found == [] { return [] }
            if table.words[slot] == word { return found }
            slot = (slot + 1) & mask
        }
    }
}
