/// Whether a debtor is a consumer, which sets the statutory default-interest margin.
public enum DebtorKind: String, Sendable, Hashable, CaseIterable {
    /// A business (Unternehmer): base rate + 9 points (§288 (2) BGB) and the 40 € lump sum.
    case business
    /// A consumer (Verbraucher): base rate + 5 points (§288 (1) BGB).
    case consumer
}

/// Default interest (Verzugszinsen) on an overdue amount.
///
/// The annual rate is the base rate plus a margin; interest runs from the day
/// after the due date (§286 (2) Nr. 1 BGB) through the day of calculation,
/// day by day on actual days over a 365-day year (act/365), at the base rate
/// in force on each day. The exact sum over all periods is rounded once,
/// half up, to the cent.
public struct DefaultInterest: Sendable, Equatable {
    /// The base-rate table.
    public let baseRates: BaseRateTable
    /// Percentage points added to the base rate.
    public let margin: Percent

    /// Interest at base rate + `margin` (a contract may agree more, e.g. 9.5 points).
    public init(baseRates: BaseRateTable, margin: Percent) {
        self.baseRates = baseRates
        self.margin = margin
    }

    /// The statutory margin for `debtor`: 9 points for businesses, 5 for consumers (§288 BGB).
    public init(baseRates: BaseRateTable, statutoryFor debtor: DebtorKind) {
        self.init(baseRates: baseRates, margin: Percent(debtor == .business ? 9 : 5))
    }

    /// The periods interest runs over, each with its annual rate (base rate + margin),
    /// for the itemised statement of a dunning letter. Empty if not yet overdue.
    public func periods(dueDate: CalendarDate, through day: CalendarDate) throws(BaseRateTableError) -> [Period] {
        try baseRates.periods(from: dueDate.adding(days: 1), through: day).map {
            Period(first: $0.first, last: $0.last, days: $0.days, annualRate: $0.baseRate + margin)
        }
    }

    /// Interest on `open` (unpaid since `dueDate`) for the days after `dueDate`
    /// through `day` inclusive, rounded once half up to the cent. Zero when
    /// `day` is not after `dueDate` or nothing is open.
    public func interest(on open: Money, dueDate: CalendarDate, through day: CalendarDate) throws(BaseRateTableError) -> Money {
        guard open.cents > 0 else { return .zero }
        // Σ cents × basis points × days / (10,000 × 365), summed exactly before the one rounding.
        var numerator: Int128 = 0
        for period in try periods(dueDate: dueDate, through: day) {
            numerator += Int128(open.cents) * Int128(period.annualRate.basisPoints) * Int128(period.days)
        }
        return Money(cents: Int64(Rounding.halfUp(numerator, dividedBy: 10_000 * 365)))
    }

    /// Days with one annual interest rate.
    public struct Period: Sendable, Equatable {
        /// The first day of interest at this rate.
        public let first: CalendarDate
        /// The last day (inclusive).
        public let last: CalendarDate
        /// Number of days, both ends included.
        public let days: Int
        /// Base rate plus margin.
        public let annualRate: Percent
    }
}
