/// Easter Sunday, from which Good Friday, Easter Monday, Ascension and Whit
/// Monday follow.
public enum Easter {
    /// Easter Sunday of `year` in the Gregorian calendar (anonymous Gregorian
    /// computus, "Meeus/Jones/Butcher"; valid for every Gregorian year).
    public static func sunday(in year: Int) -> CalendarDate {
        let goldenNumber = year % 19                    // position in the 19-year Metonic cycle
        let century = year / 100
        let yearOfCentury = year % 100
        let skippedLeapDays = century / 4
        let centuryRemainder = century % 4
        let moonCorrection = (century + 8) / 25
        let metonicCorrection = (century - moonCorrection + 1) / 3
        let epact = (19 * goldenNumber + century - skippedLeapDays - metonicCorrection + 15) % 30
        let leapQuarters = yearOfCentury / 4
        let leapRemainder = yearOfCentury % 4
        let daysToSunday = (32 + 2 * centuryRemainder + 2 * leapQuarters - epact - leapRemainder) % 7
        let lateFullMoon = (goldenNumber + 11 * epact + 22 * daysToSunday) / 451
        let monthAndDay = epact + daysToSunday - 7 * lateFullMoon + 114
        return CalendarDate(year: year, month: monthAndDay / 31, day: monthAndDay % 31 + 1)!
    }
}
