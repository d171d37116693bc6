/// The TARGET2 (T2) calendar of the Eurosystem, which decides on which days
/// SEPA direct debits settle.
///
/// Closing days (ECB): Saturdays, Sundays, 1 January, Good Friday, Easter
/// Monday, 1 May, 25 and 26 December. 24 and 31 December are open.
public struct TargetCalendar: BusinessCalendar {
    public init() {}

    /// True unless `date` is a TARGET closing day.
    public func isBusinessDay(_ date: CalendarDate) -> Bool {
        !date.weekday.isWeekend && !isHoliday(date)
    }

    /// True for the weekday closing days (the fixed holidays and Easter's).
    public func isHoliday(_ date: CalendarDate) -> Bool {
        switch (date.month, date.day) {
        case (1, 1), (5, 1), (12, 25), (12, 26):
            return true
        default:
            let easter = Easter.sunday(in: date.year)
            return date == easter.adding(days: -2) || date == easter.adding(days: 1)
        }
    }
}
