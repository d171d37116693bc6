/// One step of the dunning ladder.
public struct DunningLevel: Sendable, Equatable {
    /// 1, 2, 3 …
    public var number: Int
    /// German, printed as the letter's title: "Zahlungserinnerung", "1. Mahnung", "Letzte Mahnung".
    public var name: String
    /// Sent once the due date is this many days past.
    public var daysAfterDue: Int
    public var fee: Money
    /// Adds default interest (§288 (1)/(2) BGB) on the open amount to the statement.
    public var interest: Bool
    /// Adds the 40 € lump sum (§288 (5) BGB) for business customers.
    public var lumpSum: Bool

    public init(number: Int, name: String, daysAfterDue: Int, fee: Money, interest: Bool = false, lumpSum: Bool = false) {
        self.number = number
        self.name = name
        self.daysAfterDue = daysAfterDue
        self.fee = fee
        self.interest = interest
        self.lumpSum = lumpSum
    }
}

/// The dunning ladder and what follows it (`dunning.*` configuration keys).
public struct DunningSettings: Sendable {
    /// Default: reminder at due + 7 without fee; 1st dunning letter at + 14 with
    /// 3.00 € (003 §7.7); final letter at + 28 with a fee, interest and the lump sum.
    public var levels = [
        DunningLevel(number: 1, name: "Zahlungserinnerung", daysAfterDue: 7, fee: .zero),
        DunningLevel(number: 2, name: "1. Mahnung", daysAfterDue: 14, fee: Money(cents: 300)),
        DunningLevel(number: 3, name: "Letzte Mahnung", daysAfterDue: 28, fee: Money(cents: 300), interest: true, lumpSum: true),
    ]
    /// The Bundesbank's base rate per half-year (FACTS); a new half-year is one more line.
    public var baseRates: BaseRateTable = try! BaseRateTable([
        .init(from: CalendarDate(year: 2023, month: 1, day: 1)!, rate: Percent(basisPoints: 162)),
        .init(from: CalendarDate(year: 2023, month: 7, day: 1)!, rate: Percent(basisPoints: 312)),
        .init(from: CalendarDate(year: 2024, month: 1, day: 1)!, rate: Percent(basisPoints: 362)),
        .init(from: CalendarDate(year: 2024, month: 7, day: 1)!, rate: Percent(basisPoints: 337)),
        .init(from: CalendarDate(year: 2025, month: 1, day: 1)!, rate: Percent(basisPoints: 227)),
        .init(from: CalendarDate(year: 2025, month: 7, day: 1)!, rate: Percent(basisPoints: 127)),
        .init(from: CalendarDate(year: 2026, month: 1, day: 1)!, rate: Percent(basisPoints: 127)),
        // Unconfirmed (FACTS): 1.27 % if unchanged.
        .init(from: CalendarDate(year: 2026, month: 7, day: 1)!, rate: Percent(basisPoints: 127)),
    ])
    /// Suspend a customer whose overdue amount reaches this many monthly fees (001 §5.4).
    public var suspendAtMonthlyFees = 2
    /// Also suspend when the final letter was sent and the invoice is still open.
    public var suspendAfterFinalLevel = true
    /// The §288 (5) BGB lump sum.
    public var lumpSum = Money(cents: 4_000)

    public init() {}

    public var finalLevel: Int { levels.map(\.number).max() ?? 0 }
}
