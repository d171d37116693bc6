import Foundation
import Store
import Testing
import TestSupport
@testable import Billing

/// What customers read is German, in the right number and with one full stop.
@Suite("German wording on customer documents")
struct CustomerWordingTests {
    static let october = YearMonth(year: 2026, month: 10)!

    @Test("every return reason has German wording, the code beside it; an unknown code too")
    func returnReasonsInGerman() {
        #expect(ReturnReason.known.count == 15)
        for reason in ReturnReason.known {
            #expect(!reason.germanMeaning.isEmpty && reason.germanMeaning != reason.meaning, "\(reason.code)")
            #expect(reason.germanText == "\(reason.germanMeaning) (\(reason.code))")
        }
        #expect(ReturnReason(code: "AM04").germanText == "Konto nicht gedeckt (AM04)")
        #expect(ReturnReason(code: "XX99").germanText == "sonstiger Grund (XX99)")
    }

    @Test("a returned debit is named in German on the dunning letter and the next invoice; interest ends in 'p. a.', not 'p. a..'")
    func returnOnLetters() throws {
        let fixture = try BillingFixture()
        try fixture.plan("M", monthly: 4_900)
        try fixture.customer("K2", plan: "M", payment: .sepa)
        try fixture.mandate("K2-M01", customer: "K2")
        _ = try InvoiceRun(context: fixture.context).issue(month: Self.october)
        _ = try CollectionRun(context: fixture.context).run()
        let notice = ReturnNotice(endToEndId: "2026-000001-1", amount: Money(cents: 5_831), reason: "MD06", date: day("2026-11-13"),
                                  entryReference: "R1", source: "test")
        _ = try ReturnBooking(context: fixture.context).book([notice])

        var letters: [String] = []
        for date in ["2026-11-17", "2026-11-24", "2026-12-08"] {
            fixture.setNow("\(date)T09:00:00+01:00")
            letters += try DunningRun(context: fixture.context).run().letters.map(\.path)
        }
        #expect(letters.count == 3)
        for letter in letters {
            let collisions = try Poppler.collisions(try [UInt8](Data(contentsOf: URL(fileURLWithPath: letter))))
            #expect(collisions.isEmpty, "\(letter): \(collisions.prefix(3))")
        }
        let final = singleLine(try Poppler.text(try [UInt8](Data(contentsOf: URL(fileURLWithPath: letters[2])))))
        // The statement's text column wraps: the reason may be split around the amount.
        #expect(final.contains("Rücklastschrift zu Rechnung 2026-000001: Rückgabe auf Verlangen des"), "\(final)")
        #expect(final.contains("Zahlungspflichtigen (MD06)"))
        #expect(!final.contains("refund"))
        #expect(final.contains("p. a."))
        #expect(!final.contains("p. a.."))
        #expect(final.contains("11.11.2026–08.12.2026 (28 Tage)"))

        fixture.setNow("2026-12-01T09:00:00+01:00")
        let november = try InvoiceRun(context: fixture.context).issue(month: YearMonth(year: 2026, month: 11)!)
        let document = try InvoiceStorage.decode(november.issued[0])
        #expect(document.lines.map(\.description).contains("Rücklastschrift zu Rechnung 2026-000001: Rückgabe auf Verlangen des Zahlungspflichtigen (MD06)"))
    }

    @Test("one package is '1 Paket', one record '1 geprüfter Datensatz'")
    func singular() throws {
        let fixture = try BillingFixture()
        try fixture.plan("P", package: 1_990)
        try fixture.customer("K1", plan: "P")
        try fixture.usage("K1", month: "2026-10", rows: 1)
        let report = try InvoiceRun(context: fixture.context).issue(month: Self.october)
        let document = try InvoiceStorage.decode(report.issued[0])
        #expect(document.lines[0].detail == "1 geprüfter Datensatz im Oktober 2026")
        let text = try Poppler.text(try InvoiceLetter.pdf(document))
        #expect(text.contains("1 Paket "))
        #expect(!text.contains("1 Pakete"))
        #expect(text.contains("1 geprüfter Datensatz im Oktober 2026"))
    }

    @Test("a foreign address ends with the country's German name in capitals (DIN 5008)")
    func foreignAddress() throws {
        var document = SampleInvoices.transfer()
        document.buyer.address = PostalAddress(street: "Mariahilfer Straße 99", postcode: "1060", city: "Wien", country: "AT")
        let text = try Poppler.text(try InvoiceLetter.pdf(document))
        #expect(text.contains("1060 Wien"))
        #expect(text.contains("ÖSTERREICH"))
        document.buyer.address.country = "ZZ"
        #expect(try Poppler.text(try InvoiceLetter.pdf(document)).contains("ZZ"))
    }

    private func singleLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            .replacingOccurrences(of: "  +", with: " ", options: .regularExpression)
    }
}
