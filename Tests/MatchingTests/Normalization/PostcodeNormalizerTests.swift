import Testing
@testable import Matching

@Suite struct PostcodeNormalizerTests {
    @Test(arguments: [
        ("10115", "10115"),
        (" 10115 ", "10115"),
        ("10115\u{A0}", "10115"),
        ("D-10115", "10115"),
        ("d-10115", "10115"),
        ("DE-10115", "10115"),
        ("D 10115", "10115"),
        ("DE10115", "10115"),
        ("01067", "01067"),
        ("1067", "01067"),  // a spreadsheet dropped the leading zero
        ("D-1067", "01067"),
        ("99998", "99998"),
        ("80331", "80331"),
    ])
    func normalizes(input: String, expected: String) {
        #expect(PostcodeNormalizer.normalize(input) == .success(expected))
    }

    @Test(arguments: [
        ("", "empty"),
        ("  ", "empty"),
        ("123", "too few digits in postcode"),
        ("123456", "too many digits in postcode"),
        ("00000", "postcode starts with 00"),
        ("00123", "postcode starts with 00"),
        ("0123", "postcode starts with 00"),  // four digits, padded: 00123
        ("1011A", "letters in postcode"),
        ("10115 Berlin", "letters in postcode"),
        ("A-1010", "foreign postcode"),
        ("CH-8001", "foreign postcode"),
        ("101 15", "space inside postcode"),
        ("10115.0", "invalid character in postcode"),
        ("Berlin", "no digits in postcode"),
    ])
    func rejects(input: String, reason: String) {
        #expect(PostcodeNormalizer.normalize(input) == .failure(InvalidValue(reason)))
    }
}
