import Foundation
import Formats
import Store
import Testing
import TestSupport
@testable import Billing

/// Customers abroad: a business in another member state with a VAT id gets a
/// reverse-charge invoice (AE), a business outside the EU one not taxable in
/// Germany (O), a consumer in another member state German VAT up to the
/// threshold; what the product cannot bill correctly it refuses.
@Suite("VAT for customers abroad")
struct VatAbroadTests {
    static let october = YearMonth(year: 2026, month: 10)!

    /// Plan: 49,00 € a month + 4,50 € per 1,000 records beyond 1,000; 2,500 records → net 55,75 €.
    static func fixture() throws -> BillingFixture {
        let fixture = try BillingFixture()
        try fixture.plan("M", monthly: 4_900, perThousand: 450, included: 1_000)
        try fixture.customer("K21", plan: "M") {
            $0.name = "Adressverlag Wien GmbH"
            $0.street = "Mariahilfer Straße 99"
            $0.postcode = "1060"
            $0.city = "Wien"
            $0.country = "AT"
            $0.vatId = "ATU12345675"
        }
        try fixture.charge("K21", .returnFee, 800, "Rücklastschrift zu Rechnung 2026-000001 (AM04 Konto nicht gedeckt)")
        try fixture.customer("K22", plan: "M") {
            $0.name = "Direktmarketing Zürich AG"
            $0.street = "Bahnhofstrasse 1"
            $0.postcode = "8001"
            $0.city = "Zürich"
            $0.country = "CH"
            $0.taxNumber = "CHE-123.456.789"
        }
        try fixture.charge("K22", .dunningFee, 300, "Mahngebühr 1. Mahnung zu Rechnung 2026-000002")
        try fixture.customer("K23", plan: "M")
        try fixture.customer("K24", plan: "M") {
            $0.customerType = .consumer
            $0.name = "Maria Huber"
            $0.country = "AT"
            $0.postcode = "5020"
            $0.city = "Salzburg"
        }
        for customer in ["K21", "K22", "K23", "K24"] { try fixture.usage(customer, month: "2026-10", rows: 2_500) }
        return fixture
    }

    static func document(_ fixture: BillingFixture, _ customer: String, kind: InvoiceRecord.Kind = .invoice) throws -> InvoiceDocument {
        try InvoiceStorage.decode(try fixture.invoices().first { $0.customerId == customer && $0.kind == kind }!)
    }

    static func pdfText(_ fixture: BillingFixture, _ document: InvoiceDocument) throws -> String {
        let name = InvoiceFiles.baseName(number: document.number, customerId: document.customerId,
                                         kind: document.kind == .invoice ? .invoice : .creditNote) + ".pdf"
        let text = try Poppler.text([UInt8](Data(contentsOf: URL(fileURLWithPath: fixture.root + "/billing/2026-10/" + name))))
        // pdftotext breaks wrapped paragraphs and spreads columns; compare with every run of blanks as one space.
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func xml(_ fixture: BillingFixture, _ document: InvoiceDocument) throws -> XMLQuery {
        let name = InvoiceFiles.baseName(number: document.number, customerId: document.customerId,
                                         kind: document.kind == .invoice ? .invoice : .creditNote) + ".xml"
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: fixture.root + "/billing/2026-10/" + name)))
        return try XMLQuery(bytes, namespaces: CrossIndustryInvoice.namespaces)
    }

    static let headerTax = "//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax"

    @Test("a business in Austria with a VAT id: reverse charge (AE, 0 %), no VAT line, both VAT ids and the §14a note; its return fee stays E")
    func reverseCharge() throws {
        let fixture = try Self.fixture()
        let report = try InvoiceRun(context: fixture.context).issue(month: Self.october)
        #expect(report.skipped.isEmpty)
        let document = try Self.document(fixture, "K21")
        #expect(document.treatment == .reverseCharge)
        #expect(document.lines.map(\.vatCategory) == [.reverseCharge, .reverseCharge, .exempt])
        #expect(document.lines.allSatisfy { $0.vatRate == Percent(0) })
        #expect(document.vat.vat == .zero)
        #expect(document.gross == eur(6_375))
        let record = try fixture.invoices().first { $0.customerId == "K21" }!
        #expect(record.vatCents == 0 && record.grossCents == 6_375)

        let xml = try Self.xml(fixture, document)
        #expect(xml.strings(Self.headerTax + "/ram:CategoryCode") == ["E", "AE"])
        #expect(xml.strings(Self.headerTax + "/ram:ExemptionReasonCode") == ["VATEX-EU-AE"])
        #expect(xml.strings(Self.headerTax + "/ram:CalculatedAmount") == ["0.00", "0.00"])
        #expect(xml.strings(Self.headerTax + "[ram:CategoryCode='AE']/ram:BasisAmount") == ["55.75"])
        #expect(xml.strings("//ram:BuyerTradeParty/ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']") == ["ATU12345675"])
        #expect(xml.strings("//ram:SellerTradeParty/ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']") == ["DE123456789"])
        #expect(xml.strings("//rsm:ExchangedDocument/ram:IncludedNote/ram:Content").contains { $0.hasPrefix("Steuerschuldnerschaft des Leistungsempfängers") })

        let text = try Self.pdfText(fixture, document)
        for expected in ["Steuerschuldnerschaft des Leistungsempfängers", "Ihre USt-IdNr. ATU12345675", "USt-IdNr. DE123456789",
                         "Keine Umsatzsteuer (Schadensersatz) auf 8,00 €", "Summe netto 63,75 €", "Rechnungsbetrag 63,75 €"] {
            #expect(text.contains(expected), "missing \(expected)")
        }
        #expect(!text.contains("Umsatzsteuer 19"), "no German VAT line")
        #expect(!text.contains("19 %"), "no line at 19 %")

        // The credit note repeats the treatment, with the note.
        fixture.setNow("2026-11-20T10:00:00+01:00")
        _ = try InvoiceCancellation(context: fixture.context).cancel(number: document.number, reason: "Falscher Tarif")
        let credit = try Self.document(fixture, "K21", kind: .creditNote)
        #expect(credit.treatment == .reverseCharge && credit.vat.vat == .zero)
        #expect(try Self.pdfText(fixture, credit).contains("Steuerschuldnerschaft des Leistungsempfängers"))
    }

    @Test("a business in Switzerland: not taxable in Germany (O) for every line, its dunning fee too; no VAT ids in the XML, the register entry instead")
    func notTaxable() throws {
        let fixture = try Self.fixture()
        _ = try InvoiceRun(context: fixture.context).issue(month: Self.october)
        let document = try Self.document(fixture, "K22")
        #expect(document.treatment == .notTaxable)
        #expect(document.lines.map(\.vatCategory) == [.notSubject, .notSubject, .notSubject])
        #expect(document.vat.vat == .zero && document.gross == eur(5_875))

        let xml = try Self.xml(fixture, document)
        #expect(xml.strings(Self.headerTax + "/ram:CategoryCode") == ["O"])
        #expect(xml.strings(Self.headerTax + "/ram:ExemptionReasonCode") == ["VATEX-EU-O"])
        #expect(xml.strings(Self.headerTax + "/ram:RateApplicablePercent") == ["0.00"], "XRechnung BR-DE-14 wants the group's rate")
        #expect(xml.count("//ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:RateApplicablePercent") == 0, "BR-O-05")
        #expect(xml.count("//ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']") == 0, "BR-O-02")
        #expect(xml.strings("//ram:SellerTradeParty/ram:SpecifiedTaxRegistration/ram:ID[@schemeID='FC']") == ["30/123/45678"])
        #expect(xml.strings("//ram:SellerTradeParty/ram:SpecifiedLegalOrganization/ram:ID") == ["HRB 123456 B"])

        let text = try Self.pdfText(fixture, document)
        for expected in ["Nicht im Inland steuerbare Leistung", "Ihre Steuernummer CHE-123.456.789", "Rechnungsbetrag 58,75 €"] {
            #expect(text.contains(expected), "missing \(expected)")
        }
        #expect(!text.contains("Umsatzsteuer 19") && !text.contains("Keine Umsatzsteuer"), "no VAT line at all")
    }

    @Test("a consumer in Austria pays German VAT; a business in Germany too")
    func consumerInAnotherMemberState() throws {
        let fixture = try Self.fixture()
        _ = try InvoiceRun(context: fixture.context).issue(month: Self.october)
        for customer in ["K23", "K24"] {
            let document = try Self.document(fixture, customer)
            #expect(document.lines.allSatisfy { $0.vatCategory == .standard && $0.vatRate == Percent(19) })
            #expect(document.vat.vat == eur(1_059) && document.gross == eur(6_634))
        }
        #expect(try Self.document(fixture, "K24").treatment == .euConsumer)
        #expect(try Self.document(fixture, "K23").treatment == .domestic)
    }

    @Test("what cannot be billed correctly is refused with the reason, the others are billed")
    func refusals() throws {
        let fixture = try Self.fixture()
        let cases: [(String, (inout Customer) -> Void, String)] = [
            ("K31", { $0.country = "FR"; $0.postcode = "75001"; $0.city = "Paris" }, "is a business in FR without a VAT id"),
            ("K32", { $0.country = "AT"; $0.vatId = "DE987654321" }, "whose VAT id begins with DE, not AT"),
            ("K33", { $0.country = "CH"; $0.customerType = .consumer }, "is a consumer outside the EU (CH)"),
            ("K34", { $0.country = "US"; $0.postcode = "10001"; $0.city = "New York" }, "is a business in US with neither tax_number nor vat_id"),
        ]
        for (id, adjust, _) in cases {
            try fixture.customer(id, plan: "M", adjust)
            try fixture.usage(id, month: "2026-10", rows: 2_500)
        }
        let report = try InvoiceRun(context: fixture.context).issue(month: Self.october)
        for (id, _, reason) in cases {
            let skipped = report.skipped.first { $0.customerId == id }
            #expect(skipped?.reason.contains(reason) == true, "\(id): \(skipped?.reason ?? "billed")")
        }
        #expect(report.skipped.count == cases.count)
        #expect(Set(report.issued.map(\.customerId)) == ["K21", "K22", "K23", "K24"])
    }

    @Test("reverse charge needs our VAT id, an invoice to a business outside the EU our register entry; without them those customers are refused")
    func sellerData() throws {
        let fixture = try Self.fixture()
        fixture.settings.seller?.vatId = nil
        fixture.settings.seller?.registration = nil
        let report = try InvoiceRun(context: fixture.context).issue(month: Self.october)
        #expect(report.skipped.first { $0.customerId == "K21" }?.reason.contains("set seller.vatId") == true)
        #expect(report.skipped.first { $0.customerId == "K22" }?.reason.contains("set seller.registration") == true)
        #expect(Set(report.issued.map(\.customerId)) == ["K23", "K24"])
    }

    @Test("consumers in other member states: German VAT within billing.euConsumerLimit a year; beyond it refused; a credit note makes room again")
    func euConsumerLimit() throws {
        let fixture = try Self.fixture()
        fixture.settings.euConsumerLimit = eur(10_000)
        // October: 55,75 € ≤ 100,00 €.
        _ = try InvoiceRun(context: fixture.context).issue(month: Self.october)
        #expect(try fixture.invoices().contains { $0.customerId == "K24" })
        // November: 111,50 € > 100,00 €.
        try fixture.usage("K24", month: "2026-11", rows: 2_500)
        fixture.setNow("2026-12-01T09:00:00+01:00")
        let november = YearMonth(year: 2026, month: 11)!
        var report = try InvoiceRun(context: fixture.context).issue(month: november)
        let reason = report.skipped.first { $0.customerId == "K24" }?.reason ?? ""
        #expect(reason.contains("is a consumer in AT") && reason.contains("within 100,00 €") && reason.contains("2026 would reach 111,50 €"), "\(reason)")
        #expect(!report.issued.contains { $0.customerId == "K24" })
        // October's invoice cancelled: the year's sales are 0 again, November is billed.
        let october = try fixture.invoices().first { $0.customerId == "K24" }!
        _ = try InvoiceCancellation(context: fixture.context).cancel(number: october.number, reason: "Kulanz")
        report = try InvoiceRun(context: fixture.context).issue(month: november)
        #expect(report.issued.map(\.customerId) == ["K24"])
        // Last year's sales above the limit refuse this year's first invoice.
        var sales = EUConsumerSales(byYear: [2025: eur(10_001)])
        #expect(throws: BillingGap.self) { try sales.admit(eur(1), year: 2026, limit: eur(10_000), country: "FR") }
        #expect(throws: Never.self) { try sales.admit(eur(1), year: 2025, limit: eur(20_000), country: "FR") }
    }

    @Test("DATEV: reverse charge on 8336 with the customer's VAT id (ZM), not taxable on 8338, German VAT on 8400; the credit note likewise")
    func datev() throws {
        let fixture = try Self.fixture()
        _ = try InvoiceRun(context: fixture.context).issue(month: Self.october)
        fixture.setNow("2026-11-20T10:00:00+01:00")
        let austrian = try Self.document(fixture, "K21")
        _ = try InvoiceCancellation(context: fixture.context).cancel(number: austrian.number, reason: "Falscher Tarif")
        fixture.settings.datev.consultantNumber = 29098
        fixture.settings.datev.clientNumber = 55003
        let report = try DatevExport(context: fixture.context).write(month: YearMonth(year: 2026, month: 11)!)
        let all = try DatevExportTests().lines(report.path)
        let euVatId = all[1].firstIndex(of: "\"EU-Land u. UStID (Bestimmung)\"")!
        // Amount, S/H, account, contra account, EU VAT id of every revenue line (text "Rechnung …" / "Gutschrift …" with the number).
        let revenue = all.dropFirst(2).filter { ["8400", "8336", "8338"].contains($0[7]) }
            .map { [$0[0], $0[1], $0[6], $0[7], $0[euVatId]] }
        #expect(revenue == [
            ["55,75", "\"S\"", "10021", "8336", "\"ATU12345675\""],
            ["55,75", "\"S\"", "10022", "8338", ""],
            ["66,34", "\"S\"", "10023", "8400", ""],
            ["66,34", "\"S\"", "10024", "8400", ""],
            ["55,75", "\"H\"", "10021", "8336", "\"ATU12345675\""],
        ])
        // The charges keep their own accounts, whatever the invoice's treatment: the credit note takes the return fee back from 2700
        // (the fees themselves arose, and were booked, in October).
        #expect(all.dropFirst(2).filter { $0[7] == "2700" }.map { [$0[0], $0[1], $0[6]] } == [["8,00", "\"H\"", "10021"]])
    }

    @Test("the decision per customer: country, type, VAT id and tax number")
    func decisions() throws {
        func treatment(_ country: String, _ type: Customer.CustomerType, vatId: String? = nil, taxNumber: String? = nil) -> VatTreatment? {
            var customer = Customer(id: "K1", name: "Kunde", notifyEmail: nil, lists: "post", updatedAt: Date())
            customer.country = country
            customer.customerType = type
            customer.vatId = vatId
            customer.taxNumber = taxNumber
            return try? PlaceOfSupply.treatment(of: customer)
        }
        #expect(treatment("DE", .business) == .domestic)
        #expect(treatment("DE", .consumer) == .domestic)
        #expect(treatment("DE", .business, vatId: "ATU12345675") == .domestic, "established in Germany")
        #expect(treatment("AT", .business, vatId: "ATU12345675") == .reverseCharge)
        #expect(treatment("GR", .business, vatId: "EL123456789") == .reverseCharge, "Greece's VAT ids begin with EL")
        #expect(treatment("MC", .business, vatId: "FR12345678901") == .reverseCharge, "Monaco is in the French VAT area")
        #expect(treatment("AT", .business) == nil)
        #expect(treatment("AT", .business, taxNumber: "12 345/6789") == nil, "a tax number is no VAT id")
        #expect(treatment("FR", .business, vatId: "ATU12345675") == nil)
        #expect(treatment("AT", .consumer) == .euConsumer)
        #expect(treatment("AT", .consumer, vatId: "ATU12345675") == .euConsumer, "the master data says consumer")
        #expect(treatment("CH", .business, taxNumber: "CHE-123.456.789") == .notTaxable)
        #expect(treatment("GB", .business, vatId: "XI123456789") == .notTaxable, "Northern Ireland is in the EU VAT area for goods only")
        #expect(treatment("CH", .business) == nil)
        #expect(treatment("CH", .consumer) == nil)
        #expect(treatment("US", .consumer, taxNumber: "12-3456789") == nil)
    }
}
