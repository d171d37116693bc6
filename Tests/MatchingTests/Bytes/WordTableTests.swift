import Testing
@testable import Matching

@Suite struct WordTableTests {
    static func lookup(_ text: String) -> WordClass {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { WordTable.lookup.classes($0, 0..<$0.count) }
    }

    /// The first-letter and length prefilter never rules out a word of the table:
    /// every word of every list is found with the classes of the full lookup.
    @Test func everyListedWordIsFound() {
        let lists: [Set<String>] = [
            PersonNameNormalizer.titles, PersonNameNormalizer.dottedTitles, PersonNameNormalizer.titleSubjects,
            PersonNameNormalizer.birthNameMarkers, PersonNameNormalizer.particles, StreetNormalizer.numberLabels,
            StreetNormalizer.flatDetails, HouseNumberNormalizer.prefixes, StreetNormalizer.incompleteStreetWords,
            Set(PhoneNormalizer.labels.map { String(decoding: $0, as: UTF8.self) }),
        ]
        var checked = 0
        for word in lists.flatMap({ $0 }) where word.utf8.count <= 16 {
            let full = WordTable.classes(PackedWord(word)!)
            #expect(!full.isEmpty, "\(word)")
            #expect(Self.lookup(word) == full, "\(word)")
            checked += 1
        }
        #expect(checked > 50)
    }

    /// Words on no list: nothing, whether the prefilter or the table says so.
    @Test(arguments: ["mueller", "schmidt", "knogankoetter", "a", "vonn", "drr", "hauptstrasse", "x"])
    func unlistedWordsHaveNoClass(_ word: String) {
        #expect(Self.lookup(word).isEmpty)
    }
}
