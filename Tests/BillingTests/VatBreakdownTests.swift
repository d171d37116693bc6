import Billing
import Testing

struct VatBreakdownTests {
    let standard = Percent(19)
    let reduced = Percent(7)

    // EN 16931 BR-CO-17: VAT = sum of line nets × rate, rounded once. Per line it would differ.
    @Test(arguments: [
        // Two lines of 10.50 €: per line 1.995 → 2.00 twice = 4.00; on the sum 21.00 × 19 % = 3.99.
        ([Int64(1_050), 1_050], Int64(2_100), Int64(399), Int64(400)),
        // 12.45 € and 7.45 €: per line 2.3655 → 2.37 and 1.4155 → 1.42 = 3.79; on the sum 19.90 × 19 % = 3.781 → 3.78.
        ([1_245, 745], 1_990, 378, 379),
        // Monthly fee 49.00 € and usage 55.55 €: 104.55 × 19 % = 19.8645 → 19.86; per line 9.31 + 10.55 = 19.86 (same).
        ([4_900, 5_555], 10_455, 1_986, 1_986),
    ])
    func vatOncePerRate(lineNets: [Int64], net: Int64, vat: Int64, perLineVat: Int64) {
        let breakdown = VatBreakdown(lines: lineNets.map { (net: eur($0), rate: standard) })
        #expect(breakdown.net == eur(net))
        #expect(breakdown.vat == eur(vat))
        #expect(breakdown.gross == eur(net + vat))
        #expect(lineNets.map { eur($0).percentage(standard) }.sum() == eur(perLineVat))
    }

    @Test func groupsByRateHighestFirst() {
        let breakdown = VatBreakdown(lines: [
            (net: eur(1_290), rate: reduced),
            (net: eur(4_900), rate: standard),
            (net: eur(5_555), rate: standard),
        ])
        #expect(breakdown.groups.map(\.rate) == [standard, reduced])
        // 19 %: 104.55 → 19.86; 7 %: 12.90 × 7 % = 0.903 → 0.90.
        #expect(breakdown.groups[0].net == eur(10_455) && breakdown.groups[0].vat == eur(1_986))
        #expect(breakdown.groups[1].net == eur(1_290) && breakdown.groups[1].vat == eur(90))
        #expect(breakdown.net == eur(11_745))
        #expect(breakdown.vat == eur(2_076))
        #expect(breakdown.gross == eur(13_821))
    }

    @Test func creditNoteMirrorsInvoice() {
        let invoice = VatBreakdown(lines: [(net: eur(1_050), rate: standard), (net: eur(1_050), rate: standard)])
        let credit = VatBreakdown(lines: [(net: eur(-1_050), rate: standard), (net: eur(-1_050), rate: standard)])
        #expect(credit.vat == -invoice.vat)
        #expect(credit.gross == -invoice.gross)
    }

    @Test func emptyInvoiceHasNoGroups() {
        let breakdown = VatBreakdown(lines: [(net: Money, rate: Percent)]())
        #expect(breakdown.groups.isEmpty)
        #expect(breakdown.gross == .zero)
    }
}
