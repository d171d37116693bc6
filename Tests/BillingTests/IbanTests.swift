import Billing
import Testing

struct IbanTests {
    // Example IBANs of the SWIFT IBAN registry (ISO 13616), one per format.
    @Test(arguments: [
        "DE89370400440532013000", "GB29NWBK60161331926819", "FR1420041010050500013M02606",
        "AT611904300234573201", "NL91ABNA0417164300", "CH9300762011623852957",
        "BE68539007547034", "IT60X0542811101000000123456", "ES9121000418450200051332",
        "NO9386011117947", "MT84MALT011000012345MTLCAST001S", "PL61109010140000071219812874",
    ])
    func acceptsRegistryExamples(text: String) throws {
        #expect(try Iban(text).electronic == text)
    }

    @Test func acceptsPaperFormat() throws {
        let iban = try Iban("de89 3704 0044 0532 0130 00")
        #expect(iban.electronic == "DE89370400440532013000")
        #expect(iban.grouped == "DE89 3704 0044 0532 0130 00")
        #expect(iban.masked == "DE…3000")
        #expect(iban.countryCode == "DE")
        #expect("\(iban)" == "DE…3000")   // never the full IBAN by accident
    }

    @Test(arguments: [
        ("", IbanError.empty),
        ("   ", .empty),
        ("DE89370400440532013001", .checksumMismatch),                 // last digit mistyped
        ("DE89370400440532031000", .checksumMismatch),                 // two digits swapped
        ("DE88370400440532013000", .checksumMismatch),                 // wrong check digits
        ("DE8937040044053201300", .wrongLength(country: "DE", expected: 22, actual: 21)),
        ("DE893704004405320130000", .wrongLength(country: "DE", expected: 22, actual: 23)),
        ("AT61190430023457320", .wrongLength(country: "AT", expected: 20, actual: 19)),
        ("XX89370400440532013000", .unknownCountry("XX")),
        ("US89370400440532013000", .unknownCountry("US")),
        ("1289370400440532013000", .unknownCountry("12")),
        ("DEAB370400440532013000", .malformedCheckDigits),
        ("DE89-3704-0044-0532-0130-00", .invalidCharacter("-")),
        ("DE89 3704 0044 0532 0130 0Ä", .invalidCharacter("Ä")),
    ])
    func rejects(text: String, error: IbanError) {
        #expect(throws: error) { try Iban(text) }
    }
}
