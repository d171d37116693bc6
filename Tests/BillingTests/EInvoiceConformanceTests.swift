import Foundation
import Formats
import Store
import Testing
@testable import Billing

/// Every kind of invoice the product issues, written by the real invoice run
/// and cancellation, checked with the official rule sets (CEN EN 16931 CII
/// and KoSIT XRechnung 3.0 CII) as a receiver's validator would: no fatal
/// assert on any of them. One Saxon run per rule set checks all files.
@Suite("E-invoices against the official schematron rules")
struct EInvoiceConformanceTests {
    /// Who gets which kind of invoice (October 2026, issued 2 November).
    static let kinds: [(id: String, what: String)] = [
        ("K01", "monthly fee, per 1,000 with included records, transfer, business"),
        ("K02", "annual fee for a contract year crossing the service month, SEPA CORE"),
        ("K03", "packages of 1,500, SEPA B2B"),
        ("K04", "included records covering all usage: monthly fee only"),
        ("K05", "charges (return fee, dunning fee, interest, lump sum) beside taxable lines, SEPA CORE"),
        ("K06", "charges only, no taxable line"),
        ("K07", "consumer, transfer"),
        ("K08", "public buyer with a Leitweg-ID"),
        ("K09", "business in Austria with an EU VAT id: reverse charge (AE) beside a return fee (E); later cancelled"),
        ("K10", "business in Switzerland: not taxable in Germany (O), its dunning fee too"),
        ("K11", "very long name, street and city"),
        ("K12", "umlauts, ß and & < > in name and address"),
        ("K13", "invoice later cancelled: credit note"),
        ("K14", "consumer in Austria: German VAT"),
    ]

    @Test("every invoice kind and its credit note: 0 fatal asserts in both rule sets; a broken invoice is caught")
    func everyKindPasses() throws {
        let rules = try ConformanceSchemas.requireSchematron()
        let fixture = try Self.fixture()
        _ = try InvoiceRun(context: fixture.context).issue(month: YearMonth(year: 2026, month: 10)!)
        fixture.setNow("2026-11-20T10:00:00+01:00")
        for customer in ["K13", "K09"] {
            let cancelled = try fixture.invoices().first { $0.customerId == customer }!
            _ = try InvoiceCancellation(context: fixture.context).cancel(number: cancelled.number, reason: "Falscher Tarif & falsche Menge")
        }

        let folder = fixture.root + "/billing/2026-10"
        let issued = fixture.files("2026-10").filter { $0.hasSuffix(".xml") }.map { folder + "/" + $0 }
        // One invoice per kind and two credit notes: a kind that silently issued nothing would be missing here.
        #expect(issued.count == Self.kinds.count + 2)
        #expect(Set(issued.map { ($0 as NSString).lastPathComponent.split(separator: "-")[2] }) == Set(Self.kinds.map { Substring($0.id) }))

        // Known bad documents in the same run prove the check can fail.
        let broken = fixture.root + "/broken"
        try FileManager.default.createDirectory(atPath: broken, withIntermediateDirectories: true)
        let badPeriod = broken + "/annual-fee-period-october-only.xml"
        try Data(CrossIndustryInvoice.xml(Self.annualFeeWithMonthPeriod())).write(to: URL(fileURLWithPath: badPeriod))
        let badSum = broken + "/grand-total-off-by-a-cent.xml"
        let sample = String(decoding: CrossIndustryInvoice.xml(SampleInvoices.directDebit()), as: UTF8.self)
        try sample.replacingOccurrences(of: "<ram:GrandTotalAmount>119.06<", with: "<ram:GrandTotalAmount>119.07<")
            .write(toFile: badSum, atomically: true, encoding: .utf8)

        // A warning is reported, not counted as fatal: the seller's phone without three digits (BR-DE-27).
        let warned = broken + "/phone-without-digits.xml"
        var noPhone = SampleInvoices.directDebit()
        noPhone.seller.contact.phone = "auf Anfrage"
        try Data(CrossIndustryInvoice.xml(noPhone)).write(to: URL(fileURLWithPath: warned))

        // Reverse charge without the buyer's VAT id; not taxable, yet with our VAT id.
        let noBuyerId = broken + "/reverse-charge-without-buyer-vat-id.xml"
        var reverseCharge = SampleInvoices.reverseCharge()
        reverseCharge.buyer.vatId = nil
        try Data(CrossIndustryInvoice.xml(reverseCharge)).write(to: URL(fileURLWithPath: noBuyerId))
        let withVatId = broken + "/not-taxable-with-seller-vat-id.xml"
        var notTaxable = SampleInvoices.notTaxable()
        notTaxable.vatTreatment = .domestic
        try Data(CrossIndustryInvoice.xml(notTaxable)).write(to: URL(fileURLWithPath: withVatId))

        let findings = try Schematron().validate(issued + [badPeriod, badSum, warned, noBuyerId, withVatId], against: rules)
        var warnings: [String: Int] = [:]
        for file in issued {
            let fatal = findings[file, default: []].filter(\.isFatal)
            #expect(fatal.isEmpty, "\((file as NSString).lastPathComponent): \(fatal)")
            for warning in findings[file, default: []] where !warning.isFatal { warnings["\(warning.ruleSet) \(warning.id)", default: 0] += 1 }
        }
        // The customers abroad were checked with their own VAT categories: reverse charge, not taxable, German VAT.
        for (customer, categories) in [("K09", ["E", "AE"]), ("K10", ["O"]), ("K14", ["S"]), ("K01", ["S"])] {
            for file in issued where file.contains("-\(customer)-") {
                let query = try XMLQuery([UInt8](Data(contentsOf: URL(fileURLWithPath: file))), namespaces: CrossIndustryInvoice.namespaces)
                #expect(query.strings("//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode") == categories, "\(file)")
            }
        }
        #expect(findings[badPeriod, default: []].filter(\.isFatal).map(\.id) == ["PEPPOL-EN16931-R111"])
        #expect(findings[badSum, default: []].filter(\.isFatal).map(\.id).contains("BR-CO-15"))
        #expect(findings[warned, default: []].filter(\.isFatal).isEmpty)
        #expect(Set(findings[noBuyerId, default: []].filter(\.isFatal).map(\.id)) == ["BR-AE-02"])
        #expect(Set(findings[withVatId, default: []].filter(\.isFatal).map(\.id)) == ["BR-O-02"])
        #expect(findings[warned, default: []].contains { $0.id == "BR-DE-27" && $0.flag == "warning" && $0.ruleSet == "XRechnung-CII-validation" })
        print("schematron: \(issued.count) files × \(rules.count) rule sets (\(rules.map(\.name).joined(separator: ", "))), 0 fatal; warnings: "
              + (warnings.isEmpty ? "none" : warnings.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")))
    }

    @Test("the invoice period (BT-73/74) covers every line's period: the annual fee runs to next October")
    func invoicePeriodCoversLines() throws {
        let fixture = try Self.fixture()
        _ = try InvoiceRun(context: fixture.context).issue(month: YearMonth(year: 2026, month: 10)!)
        let annual = try InvoiceStorage.decode(try fixture.invoices().first { $0.customerId == "K02" }!)
        #expect(annual.servicePeriod == ServicePeriod(start: day("2026-10-01"), end: day("2027-10-14")))
        let monthly = try InvoiceStorage.decode(try fixture.invoices().first { $0.customerId == "K01" }!)
        #expect(monthly.servicePeriod == ServicePeriod(month: YearMonth(year: 2026, month: 10)!))
        let query = try XMLQuery(CrossIndustryInvoice.xml(annual), namespaces: CrossIndustryInvoice.namespaces)
        #expect(query.strings("//ram:ApplicableHeaderTradeSettlement/ram:BillingSpecifiedPeriod/*/udt:DateTimeString") == ["20261001", "20271014"])
        #expect(query.strings("//ram:SpecifiedLineTradeSettlement/ram:BillingSpecifiedPeriod/*/udt:DateTimeString") == ["20261015", "20271014"])
    }

    /// The document as it was issued before the invoice period covered the lines.
    static func annualFeeWithMonthPeriod() -> InvoiceDocument {
        var document = SampleInvoices.directDebit()
        let period = ServicePeriod(start: day("2026-10-01"), end: day("2027-09-30"))
        document.lines = [InvoiceLine(position: 1, description: "Jahresgebühr", quantity: 1, unitCode: "ANN", unitLabel: "Jahr",
                                      unitPrice: Money(cents: 59_000), vatRate: Percent(19), period: period)]
        return document
    }

    static func fixture() throws -> BillingFixture {
        let fixture = try BillingFixture()
        try fixture.plan("M", monthly: 4_900, perThousand: 450, included: 1_000)
        try fixture.plan("A", annual: 59_000)
        try fixture.plan("P", package: 1_990)
        try fixture.plan("U", perThousand: 300)
        try fixture.customer("K01", plan: "M")
        try fixture.usage("K01", month: "2026-10", rows: 12_345)
        try fixture.customer("K02", plan: "A", payment: .sepa, start: "2025-10-15")
        try fixture.mandate("K02-M01", customer: "K02")
        try fixture.customer("K03", plan: "P", payment: .sepa)
        try fixture.mandate("K03-M01", customer: "K03", scheme: .b2b)
        try fixture.usage("K03", month: "2026-10", rows: 3_001)
        try fixture.customer("K04", plan: "M")
        try fixture.usage("K04", month: "2026-10", rows: 999)
        try fixture.customer("K05", plan: "M", payment: .sepa)
        try fixture.mandate("K05-M01", customer: "K05", iban: "DE02120300000000202051")
        try fixture.usage("K05", month: "2026-10", rows: 5_000)
        try fixture.customer("K06", plan: "U")
        for customer in ["K05", "K06"] {
            try fixture.charge(customer, .returnFee, 800, "Rücklastschrift zu Rechnung 2026-000007 (AM04 Konto nicht gedeckt)")
            try fixture.charge(customer, .dunningFee, 300, "Mahngebühr 1. Mahnung zu Rechnung 2026-000007")
            try fixture.charge(customer, .interest, 127, "Verzugszinsen 10,27 % p. a. vom 10.09.2026 bis 23.10.2026 auf 119,06 €")
            try fixture.charge(customer, .lumpSum, 4_000, "Verzugspauschale nach § 288 Abs. 5 BGB zu Rechnung 2026-000007")
        }
        try fixture.customer("K07", plan: "M") { $0.customerType = .consumer; $0.name = "Erika Mustermann"; $0.vatId = nil }
        try fixture.customer("K08", plan: "M") {
            $0.name = "Bezirksamt Pankow von Berlin"
            $0.buyerReference = "991-01234-56"
        }
        try fixture.customer("K09", plan: "M") {
            $0.name = "Adressverlag Wien GmbH"
            $0.street = "Mariahilfer Straße 99"
            $0.postcode = "1060"
            $0.city = "Wien"
            $0.country = "AT"
            $0.vatId = "ATU12345675"
        }
        try fixture.charge("K09", .returnFee, 800, "Rücklastschrift zu Rechnung 2026-000009 (AM04 Konto nicht gedeckt)")
        try fixture.customer("K10", plan: "M") {
            $0.name = "Direktmarketing Zürich AG"
            $0.street = "Bahnhofstrasse 1"
            $0.postcode = "8001"
            $0.city = "Zürich"
            $0.country = "CH"
            $0.taxNumber = "CHE-123.456.789"
        }
        try fixture.charge("K10", .dunningFee, 300, "Mahngebühr 1. Mahnung zu Rechnung 2026-000010")
        try fixture.customer("K11", plan: "M") {
            $0.name = "Gemeinnützige Gesellschaft für Adressqualität, Datenschutzberatung und Direktmarketing im Ostseeraum mbH & Co. KG i. L., Zweigniederlassung Mecklenburg-Vorpommern"
            $0.street = "Hinterm Deich an der alten Schleuse beim Leuchtturm, Gewerbehof Nord, Aufgang C, 4. Obergeschoss links 117 a-c"
            $0.city = "Ribnitz-Damgarten OT Klockenhagen-Hirschburg-Neuhaus-Körkwitz"
        }
        try fixture.customer("K12", plan: "M") {
            $0.name = "Müller & Söhne <Vertrieb> \"Süd\" GmbH"
            $0.street = "Große Straße 1 ½ & Hof"
            $0.city = "Görlitz"
            $0.invoiceEmail = "buchhaltung@mueller-soehne.example"
        }
        try fixture.customer("K13", plan: "M")
        try fixture.customer("K14", plan: "M") {
            $0.customerType = .consumer
            $0.name = "Maria Huber"
            $0.street = "Getreidegasse 9"
            $0.postcode = "5020"
            $0.city = "Salzburg"
            $0.country = "AT"
        }
        for customer in ["K07", "K08", "K09", "K10", "K11", "K12", "K13", "K14"] {
            try fixture.usage(customer, month: "2026-10", rows: 2_500)
        }
        return fixture
    }
}
