@testable import Documents
import Testing

struct LineBreakingTests {
    /// Every character is one point wide, so widths are character counts.
    let breaking = LineBreaking { Double($0.count) }

    @Test func wrapsAtTheLastSpaceThatFits() {
        #expect(breaking.lines("aaa bbb ccc dd", width: 7) == ["aaa bbb", "ccc dd"])
    }

    @Test func forcedBreaksAndEmptyLinesStay() {
        #expect(breaking.lines("ab\n\ncd", width: 10) == ["ab", "", "cd"])
    }

    @Test func wordWiderThanTheColumnIsCutBetweenCharacters() {
        #expect(breaking.lines("xx abcdefghij yy", width: 4) == ["xx", "abcd", "efgh", "ij", "yy"])
    }

    @Test func cutWordKeepsItsRestForTheNextWord() {
        #expect(breaking.lines("abcdefg h", width: 5) == ["abcde", "fg h"])
    }

    @Test func columnNarrowerThanOneCharacterStillEnds() {
        #expect(breaking.lines("abc", width: 0.5) == ["a", "b", "c"])
    }
}
