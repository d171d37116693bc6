/// Why a base-rate table from configuration cannot be used.
public enum BaseRateTableError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The table has no entries.
    case empty
    /// Two entries start on the same day.
    case duplicateStart(CalendarDate)
    /// A day before the table's first entry was asked for.
    case noRate(before: CalendarDate, firstEntry: CalendarDate)

    public var description: String {
        switch self {
        case .empty:
            return "The base-rate table is empty. Add the Bundesbank's Basiszinssatz for each half-year."
        case .duplicateStart(let date):
            return "The base-rate table has two rates from \(date.isoString). Keep one."
        case .noRate(let date, let first):
            return "The base-rate table starts on \(first.isoString) and has no rate for \(date.isoString). "
                + "Add the earlier half-years."
        }
    }
}

/// The Bundesbank's base rate (Basiszinssatz, §247 BGB) over time, filled
/// from configuration so that a new half-year is one more entry.
///
/// Each entry holds from its start date until the next entry's start date;
/// the last holds until further notice.
public struct BaseRateTable: Sendable, Equatable {
    /// A rate and the day from which it applies (normally 1 January or 1 July).
    public struct Entry: Sendable, Equatable {
        public let from: CalendarDate
        public let rate: Percent

        public init(from: CalendarDate, rate: Percent) {
            self.from = from
            self.rate = rate
        }
    }

    /// The entries, oldest first.
    public let entries: [Entry]

    /// A table of `entries` in any order.
    public init(_ entries: [Entry]) throws(BaseRateTableError) {
        guard !entries.isEmpty else { throw .empty }
        let sorted = entries.sorted { $0.from < $1.from }
        for (earlier, later) in zip(sorted, sorted.dropFirst()) where earlier.from == later.from {
            throw .duplicateStart(later.from)
        }
        self.entries = sorted
    }

    /// The base rate in force on `date`.
    public func rate(on date: CalendarDate) throws(BaseRateTableError) -> Percent {
        guard let entry = entries.last(where: { $0.from <= date }) else {
            throw .noRate(before: date, firstEntry: entries[0].from)
        }
        return entry.rate
    }

    /// The days from `first` through `last` (inclusive) cut where the rate
    /// changes, each piece with its rate.
    public func periods(from first: CalendarDate, through last: CalendarDate) throws(BaseRateTableError) -> [InterestPeriod] {
        guard first <= last else { return [] }
        var periods: [InterestPeriod] = []
        var start = first
        while start <= last {
            let rate = try rate(on: start)
            let nextChange = entries.first(where: { $0.from > start })?.from
            let end = nextChange.map { min($0.adding(days: -1), last) } ?? last
            periods.append(InterestPeriod(first: start, last: end, baseRate: rate))
            start = end.adding(days: 1)
        }
        return periods
    }
}

/// Consecutive days with the same base rate.
public struct InterestPeriod: Sendable, Equatable {
    /// The first day that bears interest at this rate.
    public let first: CalendarDate
    /// The last day (inclusive).
    public let last: CalendarDate
    /// The base rate on these days.
    public let baseRate: Percent

    public init(first: CalendarDate, last: CalendarDate, baseRate: Percent) {
        self.first = first
        self.last = last
        self.baseRate = baseRate
    }

    /// Number of days, both ends included.
    public var days: Int { first.days(until: last) + 1 }
}
