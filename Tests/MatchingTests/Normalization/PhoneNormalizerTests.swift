import Testing
@testable import Matching

@Suite struct PhoneNormalizerTests {
    /// Ways of writing one number; every member must give the group's E.164 form.
    static let groups: [(e164: String, spellings: [String])] = [
        ("+49301234567", [
            "030 1234567", "030/123 45 67", "(030) 1234-567", "+49 30 1234567", "+49 (0)30 1234567",
            "+49 (0) 30 1234567", "0049 30 1234567", "0049 (0)30 1234567", "030.1234567", "030-1234567",
            "tel: 030 1234567", "Tel.: 030 1234567", "Tel.-Nr.: 030/1234567", "Telefon 030 1234567",
            "Fax: 030 1234567", "+49 0 30 1234567", "+49 (030) 1234567", "+490301234567",
            "030\u{A0}123\u{A0}4567", "  030 1234567  ", "030 – 1234567", "+49-30-1234567", "(0)30 1234567",
        ]),
        ("+4915112345678", [
            "0151 12345678", "+49-151-12345678", "0151/123 456 78", "Mobil: 0151 12345678", "Handy 0151-12345678",
            "+49 (0)151 12345678", "0049151 12345678",
        ]),
        ("+493012340", ["030 1234-0", "030 12340"]),  // a direct-dial extension cannot be told apart
        ("+49462112345", ["04621 12345", "(04621) 123 45"]),
        ("+431234567", ["+43 1 234567", "0043 1 234567", "+43 (0)1 234567"]),
        ("+41441234567", ["+41 44 1234567", "0041 44 1234567", "+41 (0)44 123 45 67"]),
        ("+302101234567", ["0030 210 1234567", "+30 210 1234567"]),  // 00 30 is Greece, not Berlin
        ("+390612345678", ["+39 06 1234 5678", "0039 06 12345678"]),  // Italy keeps its 0
        ("+12125550100", ["+1 212 555 0100", "001 212-555-0100"]),
    ]

    static let spellings: [(String, String)] = groups.flatMap { group in group.spellings.map { ($0, group.e164) } }

    @Test(arguments: spellings)
    func canonicalizes(input: String, expected: String) {
        #expect(PhoneNormalizer.normalize(input) == .success(expected))
    }

    @Test func groupsAreDistinct() {
        #expect(Set(Self.groups.map(\.e164)).count == Self.groups.count)
    }

    @Test(arguments: [
        ("0800 FLOWERS", "letters in phone number"),
        ("030 1234567 ext. 12", "letters in phone number"),
        ("030 1234567 (privat)", "letters in phone number"),
        ("1234567", "no area code"),
        ("301234567", "no area code"),  // the spreadsheet dropped the 0: not repaired
        ("49 30 1234567", "no area code"),
        ("+49 30 123", "phone number too short"),
        ("030 123", "phone number too short"),
        ("+43 123", "phone number too short"),
        ("+49 30 1234567890123", "phone number too long"),
        ("+43 1 234567890123456", "phone number too long"),
        ("030 123456 / 0171 1234567", "phone number too long"),  // two numbers in one cell
        ("++49 30 1234567", "misplaced +"),
        ("030 1234567 +1", "misplaced +"),
        ("030;1234567", "invalid character in phone number"),
        ("030 1234567 #2", "invalid character in phone number"),
        ("+0 30 1234567", "invalid country code"),
        ("+49 00 301234567", "area code starts with 0"),
        ("+", "no digits in phone number"),
        ("Tel.:", "no digits in phone number"),
        ("", "empty"),
        ("   ", "empty"),
    ])
    func rejects(input: String, reason: String) {
        #expect(PhoneNormalizer.normalize(input) == .failure(InvalidValue(reason)))
    }
}
