import Billing
import Testing

struct VatIdTests {
    @Test(arguments: [
        ("DE123456789", "DE123456789"),      // Germany: DE + 9 digits
        ("de 123 456 789", "DE123456789"),
        ("DE 123.456.789", "DE123456789"),
        ("ATU12345678", "ATU12345678"),      // Austria: U + 8 digits
        ("EL123456789", "EL123456789"),      // Greece uses EL, not GR
        ("FRXX123456789", "FRXX123456789"),
        ("NL123456789B01", "NL123456789B01"), // 12 characters after the prefix
        ("XI123456789", "XI123456789"),      // Northern Ireland
    ])
    func accepts(text: String, value: String) throws {
        #expect(try VatId(text).value == value)
    }

    @Test(arguments: [
        ("", VatIdError.empty),
        ("DE12345678", .wrongFormat(country: "DE", expected: "DE followed by 9 digits")),
        ("DE1234567890", .wrongFormat(country: "DE", expected: "DE followed by 9 digits")),
        ("DE12345678A", .wrongFormat(country: "DE", expected: "DE followed by 9 digits")),
        ("GR123456789", .unknownCountryPrefix("GR")),
        ("CHE-123.456.789", .unknownCountryPrefix("CH")),   // Switzerland is not in the EU VAT area
        ("US123456789", .unknownCountryPrefix("US")),
        ("12/345/67890", .unknownCountryPrefix("12")),      // a tax number, not a VAT id
        ("AT1", .wrongFormat(country: "AT", expected: "AT followed by 2 to 12 letters or digits")),
        ("NL123456789B012", .wrongFormat(country: "NL", expected: "NL followed by 2 to 12 letters or digits")),
    ])
    func rejects(text: String, error: VatIdError) {
        #expect(throws: error) { try VatId(text) }
    }
}
