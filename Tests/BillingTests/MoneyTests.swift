import Billing
import Testing

struct MoneyTests {
    @Test(arguments: [
        ("1.234,56", Int64(123_456)),       // German, as in customers' spreadsheets
        ("1234.56", 123_456),               // plain, as in XML and config
        ("1234,56", 123_456),
        ("1.234.567,89 EUR", 123_456_789),
        (" 40 € ", 4_000),                  // the §288 (5) BGB lump sum as typed
        ("40,00 €", 4_000),
        ("-3,00", -300),                    // a credit
        ("+8.00", 800),
        ("0,5", 50),                        // one decimal means tenths
        ("0.05", 5),
        ("12", 1_200),
        ("0", 0),
    ])
    func parses(text: String, cents: Int64) throws {
        #expect(try Money(parsing: text) == Money(cents: cents))
    }

    @Test(arguments: [
        ("", MoneyParseError.empty),
        ("€", .empty),
        ("1.234", .tooManyDecimals("1.234")),    // no comma: the dot is a decimal point, and 3 decimals are no cents
        ("1,234", .tooManyDecimals("1,234")),
        ("1.23,45", .malformed("1.23,45")),      // thousands groups have three digits
        ("12,3,4", .malformed("12,3,4")),
        ("1.234.56", .malformed("1.234.56")),
        ("1.", .malformed("1.")),
        ("-", .malformed("-")),
        ("12a", .invalidCharacter("a")),
        ("1 234,56", .invalidCharacter(" ")),
        ("99999999999999999999", .outOfRange("99999999999999999999")),
    ])
    func rejects(text: String, error: MoneyParseError) {
        #expect(throws: error) { try Money(parsing: text) }
    }

    @Test(arguments: [
        (Int64(123_456), "1.234,56 €", "1234.56"),
        (5, "0,05 €", "0.05"),
        (0, "0,00 €", "0.00"),
        (99_999, "999,99 €", "999.99"),
        (100_000_000, "1.000.000,00 €", "1000000.00"),
        (-50, "-0,50 €", "-0.50"),
        (-123_456, "-1.234,56 €", "-1234.56"),
    ])
    func formats(cents: Int64, german: String, xml: String) {
        #expect(Money(cents: cents).germanFormatted == german)
        #expect(Money(cents: cents).xmlValue == xml)
    }

    @Test func formatsTheSmallestAmountWithoutOverflow() {
        #expect(Money(cents: .min).xmlValue == "-92233720368547758.08")
    }

    @Test func arithmetic() {
        #expect(eur(1_050) + eur(1_050) == eur(2_100))
        #expect(eur(1_000) - eur(1_050) == eur(-50))
        #expect(-eur(300) == eur(-300))
        #expect(eur(1_200) * 3 == eur(3_600))           // three packages at 12.00 €
        #expect([eur(4_900), eur(5_555), eur(-800)].sum() == eur(9_655))
        #expect([Money]().sum() == .zero)
        #expect(Money(euros: 40) == eur(4_000))
        #expect(Money(euros: 1_234, cents: 56) == eur(123_456))
        #expect(eur(-1).isNegative && !Money.zero.isNegative)
    }

    // Price per block of records: price × records / block, rounded half up once (§14 (4) UStG: to the cent).
    @Test(arguments: [
        (Int64(450), Int64(12_345), Int64(1_000), Int64(5_555)),  // 4.50 €/1,000 × 12,345 = 55.5525 → 55.55
        (499, 1_500, 1_000, 749),        // 4.99 €/1,000 × 1,500 = 7.485 → 7.49 (x.xx5 rounds up)
        (499, 500, 1_000, 250),          // 2.495 → 2.50
        (450, 1, 1_000, 0),              // 0.0045 → 0.00
        (450, 2, 1_000, 1),              // 0.009 → 0.01
        (-499, 1_500, 1_000, -749),      // a credit note reverses the same line to the cent
        (1_200, 9, 1, 10_800),           // 9 packages at 12.00 €
    ])
    func timesQuantityPerDivisor(cents: Int64, quantity: Int64, divisor: Int64, expected: Int64) {
        #expect(eur(cents).times(quantity, per: divisor) == eur(expected))
    }

    @Test(arguments: [
        (Int64(1_050), 1_900, Int64(200)),   // 10.50 × 19 % = 1.995 → 2.00
        (Int64(15_050), 1_900, 2_860),       // 150.50 × 19 % = 28.595 → 28.60
        (Int64(1_290), 700, 90),             // 12.90 × 7 % = 0.903 → 0.90
        (Int64(-1_050), 1_900, -200),
    ])
    func percentage(cents: Int64, basisPoints: Int, expected: Int64) {
        #expect(eur(cents).percentage(Percent(basisPoints: basisPoints)) == eur(expected))
    }
}
