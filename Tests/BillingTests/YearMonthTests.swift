import Billing
import Testing

struct YearMonthTests {
    @Test(arguments: [("2026-03", true), ("2026-12", true), ("2026-13", false), ("2026-00", false),
                      ("2026-3", false), ("202603", false), ("2026-03-01", false)])
    func parses(text: String, valid: Bool) {
        #expect((YearMonth(iso: text) != nil) == valid)
    }

    @Test(arguments: [
        ("2026-12", 1, "2027-01"), ("2027-01", -1, "2026-12"), ("2026-03", 12, "2027-03"),
        ("2026-03", -15, "2024-12"), ("2026-03", 0, "2026-03"),
    ])
    func addsMonths(start: String, months: Int, expected: String) {
        #expect(YearMonth(iso: start)!.adding(months: months) == YearMonth(iso: expected)!)
    }

    @Test func daysOfTheMonth() {
        let february = YearMonth(iso: "2028-02")!
        #expect(february.firstDay == day("2028-02-01"))
        #expect(february.lastDay == day("2028-02-29"))    // leap year
        #expect(february.day(31) == day("2028-02-29"))    // clamped
        #expect(february.day(10) == day("2028-02-10"))
        #expect(YearMonth(iso: "2026-12")!.next == YearMonth(iso: "2027-01")!)
        #expect(YearMonth(iso: "2027-01")!.previous == YearMonth(iso: "2026-12")!)
        #expect(day("2026-11-23").yearMonth == YearMonth(iso: "2026-11")!)
    }

    @Test func prints() {
        #expect(YearMonth(iso: "2026-03")!.isoString == "2026-03")
        #expect(YearMonth(iso: "2026-03")!.germanName == "März 2026")
        #expect(YearMonth(iso: "2026-12")!.germanName == "Dezember 2026")
    }
}
