import Matching
import Testing

/// A header where two columns name the same address part is refused; which
/// one holds the real value cannot be known (the first one was used silently,
/// and a listed person came out `nein`).
@Suite("duplicate header names")
struct HeaderConflictTests {
    @Test("PLZ twice, Nachname twice, Straße beside Anschrift: each conflict names its columns")
    func conflicts() {
        func described(_ header: [String]) -> [String] {
            AddressColumns.conflicts(header: header).map { "\($0.part) \($0.columns)" }
        }
        #expect(described(["Vorname", "Nachname", "PLZ", "Straße", "Ort", "PLZ"]) == ["postcode [2, 5]"])
        #expect(described(["Nachname", "Vorname", "nachname ", "Strasse", "PLZ"]) == ["surname [0, 2]"])
        #expect(described(["Name", "Straße", "Anschrift", "PLZ", "Ort", "Stadt"]) == ["street [1, 2]", "city [4, 5]"])
    }

    @Test("repeated phone and e-mail columns and unknown names are no conflict")
    func allowed() {
        #expect(AddressColumns.conflicts(header: ["Name", "Telefon", "Telefon", "Mobil", "E-Mail", "E-Mail", "Notiz", "Notiz"]).isEmpty)
        #expect(AddressColumns.conflicts(header: ["Vorname", "Name", "Straße", "Hausnummer", "PLZ", "Ort"]).isEmpty)
    }
}
