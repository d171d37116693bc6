import Billing
import Testing

struct GermanWordingTests {
    @Test("a count takes its noun in the right number", arguments: [
        (Int64(1), GermanWording.package, "1 Paket"), (2, GermanWording.package, "2 Pakete"), (0, GermanWording.package, "0 Pakete"),
        (1, GermanWording.record, "1 Datensatz"), (12_345, GermanWording.record, "12.345 Datensätze"),
        (1, GermanWording.checkedRecord, "1 geprüfter Datensatz"), (2, GermanWording.checkedRecord, "2 geprüfte Datensätze"),
        (1, GermanWording.day, "1 Tag"), (31, GermanWording.day, "31 Tage"), (1, GermanWording.item, "1 Posten"), (3, GermanWording.item, "3 Posten"),
    ] as [(Int64, GermanWording.Noun, String)])
    func counts(count: Int64, noun: GermanWording.Noun, expected: String) {
        #expect(GermanWording.count(count, noun) == expected)
    }

    @Test("a stored unit label in either number is printed in the number of the quantity; other labels as they are")
    func unitLabels() {
        #expect(GermanWording.quantity(1, unitLabel: "Pakete") == "1 Paket")
        #expect(GermanWording.quantity(1, unitLabel: "Paket") == "1 Paket")
        #expect(GermanWording.quantity(3, unitLabel: "Paket") == "3 Pakete")
        #expect(GermanWording.quantity(1, unitLabel: "Datensätze") == "1 Datensatz")
        #expect(GermanWording.quantity(1_500, unitLabel: "Datensätze") == "1.500 Datensätze")
        #expect(GermanWording.quantity(2, unitLabel: "Monat") == "2 Monate")
        #expect(GermanWording.quantity(1, unitLabel: "Jahr") == "1 Jahr")
        #expect(GermanWording.quantity(2, unitLabel: "Stück") == "2 Stück")
    }

    @Test("a sentence ends in exactly one full stop", arguments: [
        ("Verzugszinsen: 10,27 % p. a.", "Verzugszinsen: 10,27 % p. a."),
        ("Bitte zahlen Sie bis zum 30.11.2026", "Bitte zahlen Sie bis zum 30.11.2026."),
        ("Zahlbar sofort!", "Zahlbar sofort!"), ("Wirklich?", "Wirklich?"),
        ("Grund: Konto nicht gedeckt  ", "Grund: Konto nicht gedeckt."), ("", ""),
    ])
    func sentences(text: String, expected: String) {
        #expect(GermanWording.sentence(text) == expected)
    }
}
