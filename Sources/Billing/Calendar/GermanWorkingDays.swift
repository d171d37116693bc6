/// Working days in Germany for dating invoices and counting notice periods:
/// Monday to Friday except the public holidays observed in every state.
///
/// Regional holidays (Epiphany, Corpus Christi, Reformation Day, …) are left
/// out on purpose: a date valid everywhere is what a nationwide customer base needs.
public struct GermanWorkingDays: BusinessCalendar {
    public init() {}

    /// True on Monday to Friday unless a nationwide public holiday.
    public func isBusinessDay(_ date: CalendarDate) -> Bool {
        !date.weekday.isWeekend && !isPublicHoliday(date)
    }

    /// Nationwide holidays: New Year, Good Friday, Easter Monday, Labour Day,
    /// Ascension, Whit Monday, German Unity Day (3 Oct), Christmas Day and Boxing Day.
    public func isPublicHoliday(_ date: CalendarDate) -> Bool {
        switch (date.month, date.day) {
        case (1, 1), (5, 1), (10, 3), (12, 25), (12, 26):
            return true
        default:
            let easter = Easter.sunday(in: date.year)
            let offset = easter.days(until: date)
            return offset == -2 || offset == 1 || offset == 39 || offset == 50
        }
    }

    /// The first working day of `month`: the default invoice date for the
    /// preceding service month (001 §5.2, 004).
    public func firstWorkingDay(of month: YearMonth) -> CalendarDate {
        nextBusinessDay(onOrAfter: month.firstDay)
    }
}
