import Billing
import Testing

struct CreditorIdentifierTests {
    @Test(arguments: [
        ("DE98ZZZ09999999999", "DE98ZZZ09999999999"),   // the Bundesbank's test identifier
        ("de98 zzz 09999999999", "DE98ZZZ09999999999"),
        ("DE98ABC09999999999", "DE98ABC09999999999"),   // the business code is not part of the check
        // 01234567890 + DE00 → 012345678901314 00 mod 97 = 19, check 98 − 19 = 79 (computed by hand).
        ("DE79ZZZ01234567890", "DE79ZZZ01234567890"),
    ])
    func accepts(text: String, value: String) throws {
        let identifier = try CreditorIdentifier(text)
        #expect(identifier.value == value)
        #expect(identifier.countryCode == "DE")
    }

    @Test func businessCode() throws {
        #expect(try CreditorIdentifier("DE98ABC09999999999").businessCode == "ABC")
    }

    @Test(arguments: [
        ("", CreditorIdentifierError.empty),
        ("DE97ZZZ09999999999", .checksumMismatch),
        ("DE98ZZZ09999999998", .checksumMismatch),
        ("DE98ZZZ0999999999", .wrongGermanFormat),     // 17 characters
        ("DE98ZZZ19999999999", .wrongGermanFormat),    // national part must start with 0
        ("DE98ZZZ0999999999X", .wrongGermanFormat),
        ("D198ZZZ09999999999", .malformed),
        ("DEXXZZZ09999999999", .malformed),
        ("DE98ZZZ", .malformed),
        ("DE98-ZZZ-09999999999", .malformed),
    ])
    func rejects(text: String, error: CreditorIdentifierError) {
        #expect(throws: error) { try CreditorIdentifier(text) }
    }
}
