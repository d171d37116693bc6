import Billing
import Foundation
import Testing

struct CalendarDateTests {
    @Test(arguments: [
        ("1970-01-01", 0, Weekday.thursday),
        ("2000-01-01", 10_957, .saturday),
        ("1999-12-31", 10_956, .friday),
        ("2024-02-29", 19_782, .thursday),
        ("2026-11-23", 20_780, .monday),
        ("1969-12-31", -1, .wednesday),
    ])
    func knownDays(iso: String, dayNumber: Int, weekday: Weekday) {
        let date = day(iso)
        #expect(date.dayNumber == dayNumber)
        #expect(date.weekday == weekday)
        #expect(CalendarDate(dayNumber: dayNumber) == date)
    }

    @Test func dayNumbersRoundTripFor1900To2100() {
        // Every day once: the conversion is a bijection and steps through valid dates in order.
        var previous = day("1899-12-31")
        for number in day("1900-01-01").dayNumber...day("2100-12-31").dayNumber {
            let date = CalendarDate(dayNumber: number)
            #expect(date.dayNumber == number)
            #expect(previous < date)
            #expect(CalendarDate(year: date.year, month: date.month, day: date.day) == date)
            previous = date
        }
    }

    @Test(arguments: [
        ("2025-02-29", false), ("2024-02-29", true),   // leap years divisible by 4
        ("1900-02-29", false), ("2000-02-29", true),   // … except centuries not divisible by 400
        ("2026-04-31", false), ("2026-13-01", false), ("2026-00-10", false), ("2026-01-00", false),
        ("2026-1-23", false), ("20261123", false), ("2026-11-23 ", false), ("2026-11-23", true),
    ])
    func validatesISO(text: String, valid: Bool) {
        #expect((CalendarDate(iso: text) != nil) == valid)
    }

    @Test(arguments: [
        ("2026-12-31", 1, "2027-01-01"),
        ("2024-02-28", 1, "2024-02-29"),
        ("2025-03-01", -1, "2025-02-28"),
        ("2026-11-23", 14, "2026-12-07"),   // pre-notification: 14 calendar days
        ("2026-01-10", -40, "2025-12-01"),
    ])
    func addsDays(start: String, days: Int, expected: String) {
        #expect(day(start).adding(days: days) == day(expected))
        #expect(day(start).days(until: day(expected)) == days)
    }

    @Test func monthBoundaries() {
        #expect(day("2024-02-10").lastOfMonth == day("2024-02-29"))
        #expect(day("2026-12-15").firstOfNextMonth == day("2027-01-01"))
        #expect(day("2026-12-15").firstOfMonth == day("2026-12-01"))
        #expect(day("2025-01-01").days(until: day("2025-07-01")) == 181)
    }

    @Test func printsISOAndGerman() {
        #expect(day("2026-03-05").isoString == "2026-03-05")
        #expect(day("2026-03-05").germanString == "05.03.2026")
        #expect(CalendarDate(year: 987, month: 6, day: 1)!.isoString == "0987-06-01")
    }

    @Test func comparesChronologically() {
        #expect(day("2025-12-31") < day("2026-01-01"))
        #expect(day("2026-02-01") > day("2026-01-31"))
        #expect([day("2026-03-01"), day("2025-12-24"), day("2026-01-01")].sorted()
            == [day("2025-12-24"), day("2026-01-01"), day("2026-03-01")])
    }

    // The business day is the day in Berlin (CET = UTC+1 in winter, CEST = UTC+2 in summer).
    @Test(arguments: [
        ("2026-12-31", 23 * 3_600 + 30 * 60, "2027-01-01"),   // 23:30 UTC = 00:30 CET next day
        ("2026-12-31", 22 * 3_600 + 59 * 60, "2026-12-31"),   // 22:59 UTC = 23:59 CET
        ("2026-06-30", 22 * 3_600 + 30 * 60, "2026-07-01"),   // 22:30 UTC = 00:30 CEST
        ("2026-06-30", 21 * 3_600 + 30 * 60, "2026-06-30"),   // 21:30 UTC = 23:30 CEST
    ])
    func fromInstantInBerlin(utcDay: String, secondsIntoDay: Int, berlinDay: String) {
        let instant = Date(timeIntervalSince1970: TimeInterval(day(utcDay).dayNumber * 86_400 + secondsIntoDay))
        #expect(CalendarDate(instant) == day(berlinDay))
    }
}
