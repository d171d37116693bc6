import Billing
import Testing

struct SepaTextTests {
    // FACTS "Character set": umlauts spelled out, other letters to the base letter, the rest a space.
    @Test(arguments: [
        ("ÄÖÜäöüß", "AEOEUEaeoeuess"),
        ("Müller & Söhne GmbH", "Mueller Soehne GmbH"),
        ("Straße 1a", "Strasse 1a"),
        ("Renée Çelik", "Renee Celik"),
        ("José Núñez", "Jose Nunez"),
        ("Łukasz Żółć", "Lukasz Zolc"),
        ("Ærø Ørsted", "AEro Orsted"),
        ("O’Brien – Ltd.", "O'Brien - Ltd."),
        ("Rechnung 2026-000123 Leistung 10/2026", "Rechnung 2026-000123 Leistung 10/2026"),
        ("a_b@c;d", "a b c d"),
        ("Tab\tand\nnewline", "Tab and newline"),
        ("€ 40", "40"),
        ("👍 ok", "ok"),
        ("日本", ""),
        ("  viele   Leerzeichen  ", "viele Leerzeichen"),
    ])
    func transliterates(text: String, expected: String) {
        let converted = SepaText(text).value
        #expect(converted == expected)
        #expect(converted.allSatisfy(SepaCharacterSet.contains))
    }

    @Test func cutsNamesTo70AndRemittanceTo140() {
        let longName = String(repeating: "Ä", count: 40)   // 80 characters once spelled out
        #expect(SepaText.name(longName).value == String(repeating: "AE", count: 35))
        let remittance = String(repeating: "Rechnung ", count: 20)
        #expect(SepaText.remittance(remittance).value.count <= 140)
        #expect(SepaText.remittance("Rechnung 2026-000123").value == "Rechnung 2026-000123")
    }

    @Test func doesNotLeaveASpaceAtTheCut() {
        let text = String(repeating: "A", count: 69) + " B"
        #expect(SepaText(text).truncated(to: 70).value == String(repeating: "A", count: 69))
    }
}
