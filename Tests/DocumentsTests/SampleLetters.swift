import Documents
import Foundation

/// Letters for the renderer tests.
enum SampleLetters {
    /// 2026-11-02 11:00 UTC.
    static let date = Date(timeIntervalSince1970: 1_793_617_200)

    static func table(rows: Int, details: Bool) -> ItemTable {
        ItemTable(
            columns: [
                .init("Pos.", width: 12),
                .init("Bezeichnung", width: 83),
                .init("Menge", width: 25, alignment: .right),
                .init("Einzelpreis", width: 22, alignment: .right),
                .init("Betrag", width: 23, alignment: .right),
            ],
            rows: (1...rows).map { .init(["\($0)", "Prüfung Nr. \($0)", "1 Stück", "1,00 €", "1,00 €"], detail: details ? "Größe: \($0)" : nil) },
            detailColumn: 1
        )
    }

    static func letter(rows: Int = 2, details: Bool = true, paragraphs: [String] = ["Sehr geehrte Damen und Herren, anbei die Übersicht."]) -> Letter {
        Letter(
            letterhead: Letterhead(name: "Müller & Söhne GmbH", lines: ["Hauptstraße 1", "10115 Berlin"]),
            returnAddress: "Müller & Söhne GmbH · Hauptstraße 1 · 10115 Berlin",
            recipient: ["Bäckerei Groß KG", "Königsallee 5", "40212 Düsseldorf"],
            info: [LabeledValue("Datum", "02.11.2026"), LabeledValue("Kundennummer", "K4711")],
            title: "Übersicht über geprüfte Größen",
            paragraphs: paragraphs,
            table: table(rows: rows, details: details),
            totals: [LabeledValue("Summe netto", "\(rows),00 €"), LabeledValue("Gesamtbetrag", "9.999,99 €")],
            closing: ["Mit freundlichen Grüßen"],
            footer: [["Müller & Söhne GmbH", "Hauptstraße 1"], ["USt-IdNr. DE123456789"]],
            metadata: LetterMetadata(title: "Übersicht 42", author: "Müller & Söhne GmbH", subject: "Prüfung",
                                     creator: "robinson", creationDate: date)
        )
    }
}
