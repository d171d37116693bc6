import Billing
import Testing

struct RoundingTests {
    // Commercial rounding (DIN 1333): halves go away from zero.
    @Test(arguments: [
        (Int128(7), Int128(2), Int128(4)),     // 3.5 → 4
        (Int128(-7), Int128(2), Int128(-4)),   // −3.5 → −4 (credit notes mirror invoices)
        (Int128(749), Int128(100), Int128(7)), // 7.49 → 7
        (Int128(750), Int128(100), Int128(8)), // 7.50 → 8
        (Int128(-749), Int128(100), Int128(-7)),
        (Int128(0), Int128(3), Int128(0)),
        (Int128(2), Int128(3), Int128(1)),     // 0.67 → 1
        (Int128(1), Int128(3), Int128(0)),     // 0.33 → 0
    ])
    func halfUp(numerator: Int128, denominator: Int128, expected: Int128) {
        #expect(Rounding.halfUp(numerator, dividedBy: denominator) == expected)
    }

    // Packages of 1,500 records are counted started (1 → 1, 1,500 → 1, 1,501 → 2).
    @Test(arguments: [
        (Int64(0), Int64(0)), (1, 1), (1_500, 1), (1_501, 2), (3_000, 2), (3_001, 3), (12_345, 9),
    ])
    func packagesRoundUp(records: Int64, packages: Int64) {
        #expect(Rounding.up(records, dividedBy: 1_500) == packages)
    }
}
