/// A calendar month, such as the service month of an invoice (`2026-03`).
public struct YearMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    /// 1 (January) … 12 (December).
    public let month: Int

    /// The month, or nil for a month outside 1…12 or a year outside 1…9999.
    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Reads `YYYY-MM` (as in `robinson bill --month 2026-03`); nil for anything else.
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1])
        else { return nil }
        self.init(year: year, month: month)
    }

    /// The month `months` months later (earlier when negative).
    public func adding(months: Int) -> YearMonth {
        let index = year * 12 + (month - 1) + months
        return YearMonth(year: index / 12, month: index % 12 + 1)!
    }

    /// The following month (January after December).
    public var next: YearMonth { adding(months: 1) }

    /// The month before.
    public var previous: YearMonth { adding(months: -1) }

    /// The first day of the month.
    public var firstDay: CalendarDate { CalendarDate(year: year, month: month, day: 1)! }

    /// The last day of the month (29 February in leap years).
    public var lastDay: CalendarDate { firstDay.lastOfMonth }

    /// Day `day` of the month, or the last day when the month is shorter
    /// (a collection "on the 31st" falls on 28 or 29 February).
    public func day(_ day: Int) -> CalendarDate {
        CalendarDate(year: year, month: month, day: min(max(day, 1), CalendarDate.daysIn(month: month, year: year)))!
    }

    /// `YYYY-MM`, for file and folder names (`billing/2026-03/`).
    public var isoString: String {
        String(firstDay.isoString.prefix(7))
    }

    /// The German name of the month and the year (`März 2026`), enough as the
    /// time of supply of a monthly service (§14 (4) Nr. 6 UStG).
    public var germanName: String {
        let names = ["Januar", "Februar", "März", "April", "Mai", "Juni",
                     "Juli", "August", "September", "Oktober", "November", "Dezember"]
        return "\(names[month - 1]) \(year)"
    }

    public var description: String { isoString }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }
}

extension CalendarDate {
    /// The month this date lies in.
    public var yearMonth: YearMonth { YearMonth(year: year, month: month)! }
}
