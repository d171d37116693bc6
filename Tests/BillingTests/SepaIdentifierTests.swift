import Billing
import Testing

struct SepaIdentifierTests {
    // 1–35 characters of A–Z a–z 0–9 space + ? / - : ( ) . , ' (EPC); no edge slash, no "//" (EPC clarification).
    @Test(arguments: [
        "MANDAT-2026-0001", "A", "Kd 123/2026", "abc?+:().,'", String(repeating: "9", count: 35),
    ])
    func accepts(text: String) throws {
        #expect(try MandateReference(text).value == text)
        #expect(try SepaIdentifier(text).value == text)
    }

    @Test(arguments: [
        ("", SepaIdentifierError.empty),
        (String(repeating: "9", count: 36), .tooLong(actual: 36)),
        ("/ABC", .slashAtEdge),
        ("ABC/", .slashAtEdge),
        ("AB//C", .doubleSlash),
        ("Müller-1", .invalidCharacter("ü")),
        ("A_B", .invalidCharacter("_")),
        ("A&B", .invalidCharacter("&")),
        ("2026#1", .invalidCharacter("#")),
    ])
    func rejects(text: String, error: SepaIdentifierError) {
        #expect(throws: error) { try MandateReference(text) }
    }
}
