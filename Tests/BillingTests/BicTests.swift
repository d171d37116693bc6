import Billing
import Testing

struct BicTests {
    @Test(arguments: [
        ("COBADEFFXXX", "COBADEFFXXX"),   // Commerzbank, 11 characters
        ("COBADEFF", "COBADEFF"),         // 8 characters: the head office
        ("MARKDEF1100", "MARKDEF1100"),   // Bundesbank Berlin: digits in location and branch
        ("cobadeff xxx", "COBADEFFXXX"),
    ])
    func accepts(text: String, value: String) throws {
        #expect(try Bic(text).value == value)
    }

    @Test(arguments: [
        ("COBADEF", BicError.wrongLength(actual: 7)),
        ("COBADEFFXX", .wrongLength(actual: 10)),
        ("", .wrongLength(actual: 0)),
        ("CO_ADEFF", .invalidInstitutionCode),
        ("COBA1EFF", .invalidCountryCode),
        ("COBADE-F", .invalidLocationCode),
        ("COBADEFFX_X", .invalidBranchCode),
    ])
    func rejects(text: String, error: BicError) {
        #expect(throws: error) { try Bic(text) }
    }

    @Test func countryCode() throws {
        #expect(try Bic("BKAUATWW").countryCode == "AT")
    }
}
