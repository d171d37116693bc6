import Documents
import Foundation
import Testing
import TestSupport

struct LetterRendererTests {
    let renderer: LetterRenderer

    init() throws {
        renderer = try LetterRenderer.dejaVuSans()
    }

    @Test func printsEveryPartOfTheLetterWithUmlautsAndEuro() throws {
        let pdf = try renderer.pdf(SampleLetters.letter())
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        let text = try Poppler.text(pdf)
        for expected in ["Müller & Söhne GmbH", "Bäckerei Groß KG", "Königsallee 5", "40212 Düsseldorf",
                         "Kundennummer", "K4711", "Übersicht über geprüfte Größen", "Sehr geehrte Damen und Herren",
                         "Bezeichnung", "Prüfung Nr. 2", "Größe: 2", "Gesamtbetrag", "9.999,99 €",
                         "Mit freundlichen Grüßen", "USt-IdNr. DE123456789", "Seite 1 von 1"] {
            #expect(text.contains(expected), "missing \(expected)")
        }
    }

    @Test func embedsDejaVuSansRegularAndBold() throws {
        let rows = try Poppler.fonts(try renderer.pdf(SampleLetters.letter()))
        #expect(rows.count == 2)
        #expect(rows.contains { $0.first?.hasSuffix("+DejaVuSans") == true })
        #expect(rows.contains { $0.first?.hasSuffix("+DejaVuSans-Bold") == true })
        for row in rows {
            #expect(row.count == 8 && row[3] == "yes", "not embedded: \(row)")
        }
    }

    @Test func documentInformationComesFromTheMetadata() throws {
        let info = try Poppler.info(try renderer.pdf(SampleLetters.letter()))
        #expect(info["Title"] == "Übersicht 42")
        #expect(info["Author"] == "Müller & Söhne GmbH")
        #expect(info["Subject"] == "Prüfung")
        #expect(info["Creator"] == "robinson")
        #expect(info["CreationDate"] == "2026-11-02T11:00:00Z")
        #expect(info["Page size"] == "595.276 x 841.89 pts (A4)")
    }

    @Test func sameLetterGivesSameBytes() throws {
        let first = try renderer.pdf(SampleLetters.letter())
        Thread.sleep(forTimeInterval: 1.1)
        #expect(try renderer.pdf(SampleLetters.letter()) == first)
    }

    @Test func longTableContinuesOnPageTwoWithHeaderRepeated() throws {
        let pdf = try renderer.pdf(SampleLetters.letter(rows: 60, details: false))
        let pages = try Poppler.text(pdf).split(separator: "\u{0C}")
        #expect(try Poppler.info(pdf)["Pages"] == "2")
        let second = try #require(pages.count >= 2 ? String(pages[1]) : nil)
        #expect(second.contains("Seite 2 von 2"))
        #expect(second.contains("Bezeichnung"))
        #expect(!second.contains("Übersicht über geprüfte Größen"))
        #expect(second.contains("Einzelpreis"))
        #expect(second.contains("Prüfung Nr. 60"))
        #expect(second.contains("Gesamtbetrag"))
        #expect(String(pages[0]).contains("Seite 1 von 2"))
        #expect(!String(pages[0]).contains("Prüfung Nr. 60"))
        // Footer on every page.
        #expect(second.contains("USt-IdNr. DE123456789"))
    }

    @Test func longParagraphWrapsWithinTheTextWidth() throws {
        let words = (1...80).map { "Wort\($0)" }.joined(separator: " ")
        let text = try Poppler.text(try renderer.pdf(SampleLetters.letter(paragraphs: [words])))
        let lines = text.split(separator: "\n").filter { $0.contains("Wort") }
        #expect(lines.count >= 4)
        // Every word printed once, in order, none cut.
        let printed = lines.flatMap { $0.split(separator: " ") }.filter { $0.hasPrefix("Wort") }
        #expect(printed.map(String.init) == (1...80).map { "Wort\($0)" })
    }

    @Test func wordsWiderThanTheirColumnAreCutAndStayInside() throws {
        let long = String(repeating: "Donaudampfschifffahrtsgesellschaftskapitän", count: 4)
        var letter = SampleLetters.letter(paragraphs: ["Bitte wenden Sie sich an \(long)."])
        letter.table?.rows[0].cells[1] = "Xylophonorchesterprobenraumschlüsselverwaltungsvorschrift"
        let words = try Poppler.words(try renderer.pdf(letter))

        let rightMargin = 190 * 72 / 25.4
        #expect(!words.isEmpty)
        #expect(words.allSatisfy { $0.xMax <= rightMargin + 0.5 }, "\(words.filter { $0.xMax > rightMargin + 0.5 }.map(\.text))")
        #expect(words.map(\.text).joined().contains(long + "."), "every character printed, in order")

        // The description column ends 12 + 83 mm after the 25 mm margin.
        let pieces = words.filter { "Xylophonorchesterprobenraumschlüsselverwaltungsvorschrift".contains($0.text) && $0.text.count > 3 }
        #expect(pieces.count >= 2)
        #expect(pieces.allSatisfy { $0.xMax <= (25 + 12 + 83) * 72 / 25.4 })
        #expect(pieces.map(\.text).joined() == "Xylophonorchesterprobenraumschlüsselverwaltungsvorschrift")
    }

    @Test("no text is printed over other text: long totals labels, info values and addresses wrap in their space")
    func nothingCollides() throws {
        var letter = SampleLetters.letter()
        letter.recipient = ["Gemeinnützige Gesellschaft für Adressqualität, Datenschutzberatung und Direktmarketing im Ostseeraum mbH & Co. KG",
                            "Hinterm Deich an der alten Schleuse beim Leuchtturm, Gewerbehof Nord, Aufgang C 117 a-c", "18311 Ribnitz-Damgarten"]
        letter.info.append(LabeledValue("Ihre Referenz", "Bestellung 2026/4711 vom 14.10.2026, Kostenstelle 0815-Marketing-Nord, Projekt Frühjahrsaussendung"))
        letter.totals = [
            LabeledValue("Summe netto", "1.016,00 €"),
            LabeledValue("Umsatzsteuer 19 % auf 1.000,00 €", "190,00 €"),
            LabeledValue("Keine Umsatzsteuer (Schadensersatz) auf 16,00 €", "0,00 €"),
            LabeledValue("Keine Umsatzsteuer (nicht steuerbarer Schadensersatz: Mahngebühren, Rücklastschriftgebühren, Verzugszinsen) auf 123.456,78 €", "0,00 €"),
            LabeledValue("Rechnungsbetrag", "1.206,00 €"),
        ]
        let pdf = try renderer.pdf(letter)
        let collisions = try Poppler.collisions(pdf)
        #expect(collisions.isEmpty, "\(collisions.prefix(5))")
        let words = try Poppler.words(pdf)
        let rightMargin = 190 * 72 / 25.4
        #expect(words.allSatisfy { $0.xMax <= rightMargin + 0.5 }, "\(words.filter { $0.xMax > rightMargin + 0.5 })")
        let text = try Poppler.text(pdf)
        for amount in ["190,00 €", "0,00 €", "1.206,00 €"] { #expect(text.contains(amount)) }
    }

    @Test("the collision check finds a word printed over another and not words side by side")
    func collisionCheckCanFail() throws {
        let words = try Poppler.words(try renderer.pdf(SampleLetters.letter()))
        let moved = Poppler.Word(text: "x", page: words[0].page, xMin: words[0].xMin + 2, yMin: words[0].yMin + 1,
                                 xMax: words[0].xMax + 2, yMax: words[0].yMax + 1)
        #expect(words[0].overlaps(moved))
        #expect(!words[0].overlaps(words[1]))
        #expect(try Poppler.collisions(try renderer.pdf(SampleLetters.letter())).isEmpty)
    }

    @Test func rendersConcurrently() async throws {
        let renderer = self.renderer
        let expected = try renderer.pdf(SampleLetters.letter(rows: 5))
        let results = try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<16 { group.addTask { try renderer.pdf(SampleLetters.letter(rows: 5)) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 16)
        #expect(results.allSatisfy { $0 == expected })
    }

    @Test func missingFontNamesThePathAndThePackage() {
        #expect(throws: LetterError.fontMissing(path: "/nonexistent/DejaVuSans.ttf")) {
            try LetterFonts(regular: "/nonexistent/DejaVuSans.ttf", bold: "/nonexistent/DejaVuSans-Bold.ttf")
        }
        #expect(LetterError.fontMissing(path: "/x.ttf").description.contains("fonts-dejavu-core"))
    }
}
