import Billing
import Testing

struct TargetCalendarTests {
    let target = TargetCalendar()

    // ECB TARGET closing days: weekends, 1 Jan, Good Friday, Easter Monday, 1 May, 25/26 Dec.
    @Test(arguments: [
        ("2026-01-01", false),   // New Year (Thursday)
        ("2026-04-03", false),   // Good Friday (Easter 5 April)
        ("2026-04-06", false),   // Easter Monday
        ("2026-05-01", false),   // Labour Day (Friday)
        ("2026-05-14", true),    // Ascension: a German holiday, but TARGET is open
        ("2026-05-25", true),    // Whit Monday: open
        ("2026-10-03", false),   // German Unity Day falls on a Saturday in 2026
        ("2025-10-03", true),    // … a Friday in 2025: TARGET open
        ("2026-12-24", true),    // Christmas Eve is open
        ("2026-12-25", false),
        ("2026-12-26", false),
        ("2026-12-31", true),    // New Year's Eve is open
        ("2026-11-21", false),   // Saturday
        ("2026-11-22", false),   // Sunday
        ("2026-11-23", true),    // Monday
        ("2030-04-19", false),   // Good Friday 2030 (Easter 21 April)
        ("2030-04-22", false),   // Easter Monday 2030
    ])
    func businessDays(iso: String, open: Bool) {
        #expect(target.isBusinessDay(day(iso)) == open)
    }

    // Collection on the 10th (seed 000 §4(7)) moved to the next TARGET business day.
    @Test(arguments: [
        ("2026-10-10", "2026-10-12"),   // the 10th on a Saturday → Monday
        ("2027-01-10", "2027-01-11"),   // on a Sunday → Monday
        ("2026-11-10", "2026-11-10"),   // a Tuesday stays
        ("2026-05-01", "2026-05-04"),   // Labour Day Friday → Monday
        ("2026-04-03", "2026-04-07"),   // Good Friday → over Easter → Tuesday
        ("2025-04-18", "2025-04-22"),   // Good Friday 2025 (Easter 20 April)
        ("2027-03-26", "2027-03-30"),   // Good Friday 2027 (Easter 28 March)
        ("2028-04-14", "2028-04-18"),   // Good Friday 2028 (Easter 16 April)
        ("2029-03-30", "2029-04-03"),   // Good Friday 2029 (Easter 1 April)
        ("2026-12-25", "2026-12-28"),   // Christmas Friday → Monday
        ("2027-12-25", "2027-12-27"),   // Christmas on a weekend: no substitute day
        ("2027-01-01", "2027-01-04"),   // year end: New Year Friday → Monday
        ("2026-12-24", "2026-12-24"),
    ])
    func nextBusinessDayOnOrAfter(start: String, expected: String) {
        #expect(target.nextBusinessDay(onOrAfter: day(start)) == day(expected))
    }

    @Test(arguments: [
        ("2026-04-07", -1, "2026-04-02"),   // D-1 before the Tuesday after Easter is Maundy Thursday
        ("2026-11-23", -1, "2026-11-20"),   // D-1 before a Monday is the Friday
        ("2026-12-24", 1, "2026-12-28"),
        ("2026-12-30", 2, "2027-01-04"),    // across year end
        ("2026-11-21", 1, "2026-11-23"),    // from a Saturday
        ("2026-11-21", 0, "2026-11-21"),
        ("2026-11-23", 5, "2026-11-30"),
    ])
    func addingBusinessDays(start: String, count: Int, expected: String) {
        #expect(target.addingBusinessDays(count, to: day(start)) == day(expected))
    }

    @Test func nextBusinessDayAfter() {
        #expect(target.nextBusinessDay(after: day("2026-12-24")) == day("2026-12-28"))
        #expect(target.nextBusinessDay(after: day("2026-11-23")) == day("2026-11-24"))
    }
}
