import Billing
import Testing

struct EasterTests {
    // Published Easter Sundays (Gregorian), incl. the extremes 22 March and 25 April.
    @Test(arguments: [
        (2025, "2025-04-20"), (2026, "2026-04-05"), (2027, "2027-03-28"),
        (2028, "2028-04-16"), (2029, "2029-04-01"), (2030, "2030-04-21"),
        (2019, "2019-04-21"), (2024, "2024-03-31"), (2000, "2000-04-23"),
        (2038, "2038-04-25"), (2285, "2285-03-22"), (1818, "1818-03-22"),
    ])
    func easterSunday(year: Int, expected: String) {
        #expect(Easter.sunday(in: year) == day(expected))
        #expect(Easter.sunday(in: year).weekday == .sunday)
    }
}
