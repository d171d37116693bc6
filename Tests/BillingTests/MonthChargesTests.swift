import Testing
@testable import Billing

@Suite("Plan charges per month")
struct MonthChargesTests {
    static let october = YearMonth(year: 2026, month: 10)!

    func charges(_ fee: PriceTerms.Fee = .none, usage: PriceTerms.UsagePrice = .none, included: Int64 = 0,
                 start: String = "2025-03-15") -> MonthCharges {
        MonthCharges(terms: PriceTerms(planId: "P", name: "Test", fee: fee, usage: usage, includedRecords: included),
                     contractStart: day(start))
    }

    @Test("monthly fee from the contract's first month on", arguments: [
        ("2026-02", false), ("2026-03", true), ("2026-10", true), ("2027-01", true),
    ])
    func monthlyFee(month: String, billed: Bool) {
        let lines = charges(.monthly(eur(4_900)), start: "2026-03-15").lines(month: YearMonth(iso: month)!, recordsChecked: 0)
        #expect(lines.count == (billed ? 1 : 0))
        if billed {
            #expect(lines[0].net == eur(4_900))
            #expect(lines[0].unitCode == "MON")
            #expect(lines[0].position == 1)
        }
    }

    @Test("annual fee only in the month a contract year begins, for the 12 months ahead", arguments: [
        ("2024-03", nil), ("2025-02", nil), ("2025-03", "2025-03-15…2026-03-14"), ("2025-04", nil),
        ("2026-02", nil), ("2026-03", "2026-03-15…2027-03-14"), ("2026-10", nil),
    ] as [(String, String?)])
    func annualFee(month: String, period: String?) {
        let lines = charges(.annual(eur(59_000))).lines(month: YearMonth(iso: month)!, recordsChecked: 0)
        #expect(lines.count == (period == nil ? 0 : 1))
        if let period, let line = lines.first {
            #expect(line.net == eur(59_000))
            #expect(line.unitCode == "ANN")
            #expect("\(line.period!.start.isoString)…\(line.period!.end.isoString)" == period)
        }
    }

    @Test("a contract signed on 29 February renews on 28 February")
    func leapDayAnniversary() {
        let lines = charges(.annual(eur(10_000)), start: "2024-02-29").lines(month: YearMonth(iso: "2025-02")!, recordsChecked: 0)
        #expect(lines.first?.period == ServicePeriod(start: day("2025-02-28"), end: day("2026-02-27")))
    }

    @Test("price per 1,000 records: exact product, rounded half up once", arguments: [
        (12_345, 450, 0, 5_555),     // 55.5525 → 55.55
        (12_345, 450, 1_000, 5_105), // 11,345 × 4.50 / 1,000 = 51.0525 → 51.05
        (1, 500, 0, 1),              // 0.005 → 0.01 (half up)
        (1_001, 50, 0, 50),          // 0.5005 → 0.50
        (999, 10, 0, 10),            // 0.0999 → 0.10
        (4, 10, 0, 0),               // 0.004 → 0.00
        (1_000_000, 390, 0, 390_000),
    ] as [(Int64, Int64, Int64, Int64)])
    func perThousand(records: Int64, priceCents: Int64, included: Int64, expectedCents: Int64) {
        let lines = charges(usage: .perThousand(eur(priceCents)), included: included).lines(month: Self.october, recordsChecked: records)
        #expect(lines.count == 1)
        #expect(lines.first?.net == eur(expectedCents))
        #expect(lines.first?.quantity == records - included)
        #expect(lines.first?.basisQuantity == 1_000)
    }

    @Test("packages of 1,500 are rounded up", arguments: [
        (1, 1), (1_499, 1), (1_500, 1), (1_501, 2), (3_000, 2), (3_001, 3), (150_000, 100),
    ] as [(Int64, Int64)])
    func packages(records: Int64, packages: Int64) {
        let lines = charges(usage: .perPackage(price: eur(1_990), size: 1_500)).lines(month: Self.october, recordsChecked: records)
        #expect(lines.first?.quantity == packages)
        #expect(lines.first?.net == eur(1_990 * packages))
    }

    @Test("included records are free; what is left is priced")
    func includedRecords() {
        let terms = charges(usage: .perPackage(price: eur(1_990), size: 1_500), included: 1_000)
        #expect(terms.lines(month: Self.october, recordsChecked: 1_000).isEmpty)
        #expect(terms.lines(month: Self.october, recordsChecked: 2_500).first?.quantity == 1)
        #expect(terms.lines(month: Self.october, recordsChecked: 2_501).first?.quantity == 2)
        #expect(terms.lines(month: Self.october, recordsChecked: 2_500).first?.detail == "2.500 geprüfte Datensätze im Oktober 2026, davon 1.000 inklusive")
    }

    @Test("a usage-only plan bills nothing in a month without usage")
    func usageOnlyWithoutUsage() {
        #expect(charges(usage: .perThousand(eur(450))).lines(month: Self.october, recordsChecked: 0).isEmpty)
    }

    @Test("fee and usage on one invoice, numbered 1 and 2; a terminated contract pays usage only")
    func feeAndUsage() {
        let terms = charges(.monthly(eur(4_900)), usage: .perThousand(eur(450)))
        let lines = terms.lines(month: Self.october, recordsChecked: 2_000)
        #expect(lines.map(\.position) == [1, 2])
        #expect(lines.map(\.net) == [eur(4_900), eur(900)])
        #expect(terms.lines(month: Self.october, recordsChecked: 2_000, feesApply: false).map(\.net) == [eur(900)])
    }

    @Test("VAT on the invoice total, not per line: two lines of 10.50 € carry 3.99 €, not 4.00 €")
    func vatOnceOnTotal() {
        var document = SampleInvoices.directDebit()
        document.lines = [
            InvoiceLine(position: 1, description: "Grundgebühr", quantity: 1, unitCode: "MON", unitLabel: "Monat",
                        unitPrice: eur(1_050), vatRate: Percent(19)),
            InvoiceLine(position: 2, description: "Abgleich", quantity: 2_100, unitCode: "C62", unitLabel: "Datensätze",
                        unitPrice: eur(500), basisQuantity: 1_000, vatRate: Percent(19)),
        ]
        let perLine = document.lines.map { $0.net.percentage($0.vatRate) }.sum()
        #expect(perLine == eur(400))
        #expect(document.vat.vat == eur(399))
        #expect(document.gross == eur(2_499))
    }
}

@Suite("Invoice numbers")
struct InvoiceNumberTests {
    @Test("YYYY-NNNNNN, zero-padded, ordered by year then sequence")
    func format() {
        #expect(InvoiceNumber(year: 2026, sequence: 123).description == "2026-000123")
        #expect(InvoiceNumber("2026-000123") == InvoiceNumber(year: 2026, sequence: 123))
        #expect(InvoiceNumber(year: 2026, sequence: 999_999) < InvoiceNumber(year: 2027, sequence: 1))
        for bad in ["2026-123", "26-000123", "2026-000000", "2026000123", "2026-00012a"] {
            #expect(InvoiceNumber(bad) == nil, "\(bad)")
        }
    }
}

@Suite("Seller data for invoices")
struct SellerCheckTests {
    @Test("a complete seller passes; SEPA also needs the creditor identifier")
    func complete() throws {
        var settings = BillingSettings()
        settings.seller = SampleInvoices.seller
        #expect(try settings.checkedSeller(sepa: true) == SampleInvoices.seller)
        settings.seller?.creditorIdentifier = nil
        #expect(throws: BillingSetupError.self) { try settings.checkedSeller(sepa: true) }
        #expect(try settings.checkedSeller(sepa: false).name == SampleInvoices.seller.name)
    }

    @Test("each missing §14 field is named with its configuration key")
    func missing() {
        var settings = BillingSettings()
        settings.seller = SampleInvoices.seller
        settings.seller?.vatId = nil
        settings.seller?.taxNumber = nil
        settings.seller?.address.city = ""
        settings.seller?.contact.phone = ""
        #expect(throws: BillingSetupError(missingKeys: ["seller.city", "seller.vatId or seller.taxNumber", "seller.contact.phone"])) {
            try settings.checkedSeller(sepa: false)
        }
        #expect(throws: BillingSetupError.self) { try BillingSettings().checkedSeller(sepa: false) }
    }

    @Test("a wrong IBAN or VAT id in the configuration is refused")
    func invalid() {
        var settings = BillingSettings()
        settings.seller = SampleInvoices.seller
        settings.seller?.iban = "DE02120300000000202052"
        #expect(throws: BillingSetupError.self) { try settings.checkedSeller(sepa: false) }
    }
}
