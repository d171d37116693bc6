import Billing
import Testing

struct PercentTests {
    @Test(arguments: [
        ("19", 1_900), ("7", 700), ("2.27", 227), ("2,27", 227), ("-0.88", -88), ("9.5", 950),
        ("19 %", 1_900), ("0", 0), ("1.27", 127),
    ])
    func parses(text: String, basisPoints: Int) throws {
        #expect(try Percent(parsing: text) == Percent(basisPoints: basisPoints))
    }

    @Test(arguments: ["", "abc", "1.234", "19.", ".5", "1.2.3", "--1"])
    func rejects(text: String) {
        #expect(throws: PercentParseError(text: text)) { try Percent(parsing: text) }
    }

    @Test(arguments: [
        (1_900, "19 %", "19.00"), (700, "7 %", "7.00"), (550, "5,5 %", "5.50"),
        (227, "2,27 %", "2.27"), (-88, "-0,88 %", "-0.88"), (0, "0 %", "0.00"),
    ])
    func formats(basisPoints: Int, german: String, xml: String) {
        #expect(Percent(basisPoints: basisPoints).germanFormatted == german)
        #expect(Percent(basisPoints: basisPoints).xmlValue == xml)
    }

    @Test func addsPoints() {
        // §288 (2) BGB: base rate 2.27 % + 9 points = 11.27 %.
        #expect(Percent(basisPoints: 227) + Percent(9) == Percent(basisPoints: 1_127))
    }
}
