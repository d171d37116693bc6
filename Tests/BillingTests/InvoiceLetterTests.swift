@testable import Billing
import Foundation
import Testing
import TestSupport

struct InvoiceLetterTests {
    /// Lines 49,00 € + 11.345 × 4,50 € / 1.000 = 51,05 €; VAT 19 % once on 100,05 €.
    static let amounts = ["49,00 €", "51,05 €", "100,05 €", "19,01 €", "119,06 €"]

    @Test func directDebitInvoiceCarriesTheMandatoryFieldsAndThePreNotification() throws {
        let text = try Poppler.text(try InvoiceLetter.pdf(SampleInvoices.directDebit()))
        let expected = [
            "Rechnung Nr. 2026-000042", "Rechnungsnummer", "2026-000042", "Rechnungsdatum", "02.11.2026",
            "Kundennummer", "K1001", "Leistungszeitraum", "Oktober 2026", "Fällig am", "09.11.2026",
            // Seller and buyer with full address, seller's tax ids, buyer's VAT id.
            "Robinson Abgleich GmbH", "Friedrichstraße 123", "10117 Berlin",
            "Versandhaus Nord GmbH", "Große Elbstraße 7a", "22767 Hamburg", "Ihre USt-IdNr.", "DE987654321",
            "USt-IdNr. DE123456789", "Steuernummer 30/123/45678",
            // Lines: position, description, detail, quantity with unit, unit price, net.
            "Grundgebühr Oktober 2026", "1 Monat", "Robinson-Abgleich, Preis je 1.000", "11.345 Datensätze",
            "12.345 geprüfte Datensätze, davon 1.000 inklusive", "4,50 € / 1.000",
            "Summe netto", "Umsatzsteuer 19 % auf 100,05 €", "Rechnungsbetrag",
            "Amtsgericht Charlottenburg HRB 123456 B", "Geschäftsführerin: Anna Beispiel", "Seite 1 von 1",
        ] + Self.amounts
        for string in expected { #expect(text.contains(string), "missing \(string)") }
        #expect(singleLine(text).contains(
            "Wir ziehen den Betrag von 119,06 € am 10.11.2026 mit Mandatsreferenz K1001-M01 und Gläubiger-ID "
                + "DE98ZZZ09999999999 von Ihrem Konto DE…3000 ein."))
        #expect(!text.contains("0532013000"), "the debtor's IBAN is printed masked")
    }

    @Test func transferInvoiceAsksForPaymentWithBankDetailsAndReference() throws {
        let text = try Poppler.text(try InvoiceLetter.pdf(SampleInvoices.transfer()))
        for string in ["Rechnung Nr. 2026-000043", "Callcenter Süd AG", "Leopoldstraße 244", "80807 München",
                       "Ihre Referenz", "04011000-12345-67", "Ihre Steuernummer", "143/123/45678",
                       "Bitte überweisen Sie 119,06 € bis zum 09.11.2026 auf unser Konto:",
                       "Kontoinhaber: Robinson Abgleich GmbH", "IBAN: DE02 1203 0000 0000 2020 51", "BIC: BYLADEM1001",
                       "Bank: Deutsche Kreditbank", "Verwendungszweck: 2026-000043"] + Self.amounts {
            #expect(text.contains(string), "missing \(string)")
        }
        #expect(!text.contains("Wir ziehen"))
        #expect(!text.contains("Ihre USt-IdNr."), "this buyer has no VAT id")
    }

    @Test func creditNoteNamesTheInvoiceAndReasonAndShowsAmountsNegative() throws {
        let text = try Poppler.text(try InvoiceLetter.pdf(SampleInvoices.creditNote()))
        #expect(singleLine(text).contains("Rechnungskorrektur Nr. 2026-000057 zur Rechnung 2026-000042 vom 02.11.2026"))
        #expect(singleLine(text).contains("Grund: Falscher Tarif berechnet."))
        for string in ["20.11.2026", "-49,00 €", "-51,05 €", "-100,05 €", "-19,01 €",
                       "-119,06 €", "Gutschriftsbetrag"] {
            #expect(text.contains(string), "missing \(string)")
        }
        // A credit note issued before the settlement was recorded keeps its wording when it is rendered again.
        #expect(singleLine(text).contains("verrechnen wir mit Ihrer nächsten Rechnung"))
        #expect(singleLine(text).contains("erstatten wir ihn bis zum 20.11.2026"))
        #expect(!text.contains("Rechnungsbetrag"))
        #expect(!text.contains("Wir ziehen"))
    }

    @Test(arguments: [SampleInvoices.directDebit(), SampleInvoices.transfer(), SampleInvoices.creditNote()])
    func embedsDejaVuSans(document: InvoiceDocument) throws {
        let fonts = try Poppler.fonts(try InvoiceLetter.pdf(document))
        #expect(Set(fonts.compactMap { $0.first?.split(separator: "+").last.map(String.init) }) == ["DejaVuSans", "DejaVuSans-Bold"])
        #expect(fonts.allSatisfy { $0.count == 8 && $0[3] == "yes" })
    }

    @Test func metadataNamesTheDocumentAndSellerAndTheIssueDateAtNoonInBerlin() throws {
        let invoice = try Poppler.info(try InvoiceLetter.pdf(SampleInvoices.directDebit()))
        #expect(invoice["Title"] == "Rechnung 2026-000042")
        #expect(invoice["Author"] == "Robinson Abgleich GmbH")
        // 02.11.2026 12:00 CET = 11:00 UTC.
        #expect(invoice["CreationDate"] == "2026-11-02T11:00:00Z")
        #expect(try Poppler.info(try InvoiceLetter.pdf(SampleInvoices.creditNote()))["Title"] == "Rechnungskorrektur 2026-000057")
    }

    @Test func sameDocumentGivesSameBytes() throws {
        let first = try InvoiceLetter.pdf(SampleInvoices.directDebit())
        Thread.sleep(forTimeInterval: 1.1)
        #expect(try InvoiceLetter.pdf(SampleInvoices.directDebit()) == first)
        #expect(try InvoiceLetter.pdf(SampleInvoices.transfer()) != first)
    }

    @Test func lineWithItsOwnPeriodShowsIt() throws {
        var document = SampleInvoices.directDebit()
        document.lines[0] = InvoiceLine(position: 1, description: "Jahresgebühr", quantity: 1, unitCode: "ANN", unitLabel: "Jahr",
                                        unitPrice: Money(cents: 50_000), vatRate: Percent(19),
                                        period: ServicePeriod(start: day("2026-11-01"), end: day("2027-10-31")))
        let text = try Poppler.text(try InvoiceLetter.pdf(document))
        #expect(text.contains("Leistungszeitraum 01.11.2026 – 31.10.2027"))
        #expect(text.contains("1 Jahr"))
    }

    @Test func netAndVatArePrintedPerRate() throws {
        var document = SampleInvoices.directDebit()
        document.lines.append(InvoiceLine(position: 3, description: "Versand Prüfbericht (Druck)", quantity: 1, unitCode: "C62",
                                          unitLabel: "Stück", unitPrice: Money(cents: 1_000), vatRate: Percent(7)))
        let text = try Poppler.text(try InvoiceLetter.pdf(document))
        // 19 %: 100,05 € → 19,01 €; 7 %: 10,00 € → 0,70 €; gross 129,76 €.
        for string in ["Summe netto", "110,05 €", "Umsatzsteuer 19 % auf 100,05 €", "19,01 €",
                       "Umsatzsteuer 7 % auf 10,00 €", "0,70 €", "129,76 €", "Wir ziehen den Betrag von 129,76 €"] {
            #expect(text.contains(string), "missing \(string)")
        }
    }

    /// pdftotext breaks wrapped paragraphs; sentences are compared with line breaks as spaces.
    private func singleLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }
}

@Suite("Invoice letters: layout")
struct InvoiceLayoutTests {
    @Test("every kind of invoice and the credit note: no text printed over other text (pdftotext -bbox)")
    func nothingCollides() throws {
        let fixture = try EInvoiceConformanceTests.fixture()
        _ = try InvoiceRun(context: fixture.context).issue(month: YearMonth(year: 2026, month: 10)!)
        fixture.setNow("2026-11-20T10:00:00+01:00")
        _ = try InvoiceCancellation(context: fixture.context).cancel(number: "2026-000005", reason: "Falscher Tarif")
        let pdfs = fixture.files("2026-10").filter { $0.hasSuffix(".pdf") }
        #expect(pdfs.count == EInvoiceConformanceTests.kinds.count + 1)
        for name in pdfs {
            let pdf = try [UInt8](Data(contentsOf: URL(fileURLWithPath: fixture.root + "/billing/2026-10/" + name)))
            let collisions = try Poppler.collisions(pdf)
            #expect(collisions.isEmpty, "\(name): \(collisions.prefix(3))")
        }
    }
}
