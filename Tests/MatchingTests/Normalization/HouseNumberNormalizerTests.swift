import Testing
@testable import Matching

@Suite struct HouseNumberNormalizerTests {
    @Test(arguments: [
        ("5", "5"),
        ("5a", "5a"),
        ("5 a", "5a"),
        ("5A", "5a"),
        ("5-a", "5a"),  // one letter after a hyphen is an addition, not a range
        ("5.a", "5a"),
        ("05", "5"),
        ("007b", "7b"),
        ("5-7", "5-7"),
        ("5 - 7", "5-7"),
        ("5/7", "5-7"),
        ("5 – 7", "5-7"),
        ("5 bis 7", "5-7"),
        ("5 u. 7", "5-7"),
        ("5 und 7", "5-7"),
        ("5-7a", "5-7a"),
        ("5a-c", "5a-c"),
        ("5a-5c", "5a-c"),
        ("12/1", "12"),  // second not larger: house 12, flat or entrance 1
        ("7-5", "7"),
        ("5 1/2", "5 1/2"),
        ("5½", "5 1/2"),
        ("5 ½", "5 1/2"),
        ("12 // Whg. 3", "12"),
        ("12, 2. OG links", "12"),
        ("12 Whg. 3", "12"),
        ("12 App. 4", "12"),
        ("12 Zi. 7", "12"),
        ("12 Wohnung 3", "12"),
        ("12 c/o Meier", "12"),
        ("12 (Hinterhaus)", "12"),
        ("12a; Seitenflügel", "12a"),
        ("Nr. 5", "5"),
        ("Hausnr. 12a", "12a"),
        (" 18 ", "18"),
        ("1234", "1234"),
    ])
    func normalizes(input: String, expected: String) {
        #expect(HouseNumberNormalizer.normalize(input) == .success(expected))
    }

    @Test(arguments: [
        ("", "empty"),
        ("  ", "empty"),
        ("abc", "no digits"),
        ("Hinterhaus", "no digits"),
        ("a5", "text before house number"),
        ("Whg. 3", "text before house number"),
        ("12345", "too many digits in house number"),
    ])
    func rejects(input: String, reason: String) {
        #expect(HouseNumberNormalizer.normalize(input) == .failure(InvalidValue(reason)))
    }
}
