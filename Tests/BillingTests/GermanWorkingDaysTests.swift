import Billing
import Testing

struct GermanWorkingDaysTests {
    let workingDays = GermanWorkingDays()

    // Nationwide holidays: 1 Jan, Good Friday, Easter Monday, 1 May, Ascension (Easter + 39),
    // Whit Monday (Easter + 50), 3 Oct, 25/26 Dec.
    @Test(arguments: [
        ("2026-01-01", true), ("2026-04-03", true), ("2026-04-06", true), ("2026-05-01", true),
        ("2026-05-14", true),    // Ascension 2026
        ("2026-05-25", true),    // Whit Monday 2026
        ("2025-05-29", true),    // Ascension 2025
        ("2025-06-09", true),    // Whit Monday 2025
        ("2025-10-03", true), ("2026-12-25", true), ("2026-12-26", true),
        ("2026-01-06", false),   // Epiphany: only some states
        ("2026-10-31", false),   // Reformation Day: only some states
        ("2026-12-24", false), ("2026-12-31", false), ("2026-05-13", false),
    ])
    func publicHolidays(iso: String, holiday: Bool) {
        #expect(workingDays.isPublicHoliday(day(iso)) == holiday)
    }

    // Invoice date: first working day of the month after the service month (001 §5.2).
    @Test(arguments: [
        (2027, 1, "2027-01-04"),   // 1 Jan Friday is a holiday, then the weekend
        (2026, 1, "2026-01-02"),   // 1 Jan Thursday → Friday
        (2026, 5, "2026-05-04"),   // 1 May Friday → Monday
        (2029, 4, "2029-04-03"),   // 1 Apr Easter Sunday, 2 Apr Easter Monday → Tuesday
        (2026, 11, "2026-11-02"),  // 1 Nov Sunday → Monday (All Saints' is regional only)
        (2026, 3, "2026-03-02"),   // 1 Mar Sunday
        (2026, 12, "2026-12-01"),  // a Tuesday
    ])
    func firstWorkingDay(year: Int, month: Int, expected: String) {
        #expect(workingDays.firstWorkingDay(of: YearMonth(year: year, month: month)!) == day(expected))
    }

    @Test func countsWorkingDaysForNotice() {
        // Three working days after Wednesday 13 May 2026 skip Ascension (Thursday) and the weekend.
        #expect(workingDays.addingBusinessDays(3, to: day("2026-05-13")) == day("2026-05-19"))
        // TARGET is open on Ascension, so the same count ends a day earlier there.
        #expect(TargetCalendar().addingBusinessDays(3, to: day("2026-05-13")) == day("2026-05-18"))
    }
}
