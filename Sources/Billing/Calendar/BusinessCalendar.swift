/// A calendar that knows which days are business days.
public protocol BusinessCalendar: Sendable {
    /// True when business is done on `date`.
    func isBusinessDay(_ date: CalendarDate) -> Bool
}

extension BusinessCalendar {
    /// `date` itself if it is a business day, else the next business day after it.
    public func nextBusinessDay(onOrAfter date: CalendarDate) -> CalendarDate {
        var candidate = date
        while !isBusinessDay(candidate) { candidate = candidate.adding(days: 1) }
        return candidate
    }

    /// The first business day strictly after `date`.
    public func nextBusinessDay(after date: CalendarDate) -> CalendarDate {
        nextBusinessDay(onOrAfter: date.adding(days: 1))
    }

    /// `date` moved by `count` business days; negative counts go back.
    ///
    /// Counting starts from `date` whether or not it is a business day itself:
    /// one business day after Friday is Monday, and one after Saturday is Monday too.
    public func addingBusinessDays(_ count: Int, to date: CalendarDate) -> CalendarDate {
        let step = count < 0 ? -1 : 1
        var remaining = count.magnitude
        var candidate = date
        while remaining > 0 {
            candidate = candidate.adding(days: step)
            if isBusinessDay(candidate) { remaining -= 1 }
        }
        return candidate
    }
}
