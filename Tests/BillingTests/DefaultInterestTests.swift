import Billing
import Testing

struct DefaultInterestTests {
    /// The Bundesbank's base rates (FACTS "Late payment").
    static let published = try! BaseRateTable([
        .init(from: day("2023-01-01"), rate: Percent(basisPoints: 162)),
        .init(from: day("2023-07-01"), rate: Percent(basisPoints: 312)),
        .init(from: day("2024-01-01"), rate: Percent(basisPoints: 362)),
        .init(from: day("2024-07-01"), rate: Percent(basisPoints: 337)),
        .init(from: day("2025-01-01"), rate: Percent(basisPoints: 227)),
        .init(from: day("2025-07-01"), rate: Percent(basisPoints: 127)),
        .init(from: day("2026-01-01"), rate: Percent(basisPoints: 127)),
    ])

    let business = DefaultInterest(baseRates: published, statutoryFor: .business)
    let consumer = DefaultInterest(baseRates: published, statutoryFor: .consumer)

    @Test func acrossNewYear2025() throws {
        // 1,000.00 € due 15 Dec 2024, business (base + 9, §288 (2) BGB), through 31 Jan 2025:
        //   16 Dec – 31 Dec 2024: 16 days at 3.37 + 9 = 12.37 %  → 1000 × 0.1237 × 16/365 = 5.4224 €
        //    1 Jan – 31 Jan 2025: 31 days at 2.27 + 9 = 11.27 %  → 1000 × 0.1127 × 31/365 = 9.5718 €
        //   sum 14.9942 € → 14.99 €
        let periods = try business.periods(dueDate: day("2024-12-15"), through: day("2025-01-31"))
        #expect(periods.map(\.days) == [16, 31])
        #expect(periods.map(\.annualRate) == [Percent(basisPoints: 1_237), Percent(basisPoints: 1_127)])
        #expect(periods.map(\.first) == [day("2024-12-16"), day("2025-01-01")])
        #expect(periods.map(\.last) == [day("2024-12-31"), day("2025-01-31")])
        #expect(try business.interest(on: eur(100_000), dueDate: day("2024-12-15"), through: day("2025-01-31")) == eur(1_499))
    }

    @Test func acrossMidYear2025Consumer() throws {
        // 2,500.00 € due 20 Jun 2025, consumer (base + 5, §288 (1) BGB), through 10 Jul 2025:
        //   21 Jun – 30 Jun: 10 days at 2.27 + 5 = 7.27 % → 2500 × 0.0727 × 10/365 = 4.9795 €
        //    1 Jul – 10 Jul: 10 days at 1.27 + 5 = 6.27 % → 2500 × 0.0627 × 10/365 = 4.2945 €
        //   sum 9.2740 € → 9.27 €
        #expect(try consumer.interest(on: eur(250_000), dueDate: day("2025-06-20"), through: day("2025-07-10")) == eur(927))
    }

    @Test func wholeFirstHalfOf2025AndJuly() throws {
        // 1,234.56 € due 31 Dec 2024, business, through 31 Jul 2025:
        //   1 Jan – 30 Jun: 181 days at 11.27 % → 1234.56 × 0.1127 × 181/365 = 68.9951 €
        //   1 Jul – 31 Jul:  31 days at 10.27 % → 1234.56 × 0.1027 × 31/365  = 10.7683 €
        //   sum 79.7641 € → 79.76 €
        let periods = try business.periods(dueDate: day("2024-12-31"), through: day("2025-07-31"))
        #expect(periods.map(\.days) == [181, 31])
        #expect(try business.interest(on: eur(123_456), dueDate: day("2024-12-31"), through: day("2025-07-31")) == eur(7_976))
    }

    @Test func oneDayAtTheChange() throws {
        // Due 30 Jun 2025; on 1 Jul one day at 10.27 %: 1000 × 0.1027 / 365 = 0.2814 € → 0.28 €.
        #expect(try business.interest(on: eur(100_000), dueDate: day("2025-06-30"), through: day("2025-07-01")) == eur(28))
    }

    @Test func nothingBeforeDefault() throws {
        #expect(try business.interest(on: eur(100_000), dueDate: day("2025-06-30"), through: day("2025-06-30")) == .zero)
        #expect(try business.interest(on: eur(100_000), dueDate: day("2025-06-30"), through: day("2025-06-01")) == .zero)
        #expect(try business.interest(on: .zero, dueDate: day("2025-01-31"), through: day("2025-06-01")) == .zero)
        #expect(try business.periods(dueDate: day("2025-06-30"), through: day("2025-06-30")).isEmpty)
    }

    @Test func roundedOnceNotPerPeriod() throws {
        // Two periods of 0.4 cents each: 1.00 € × 14.60 % × 10/365 = 0.004 €. Once: 0.8 → 1 cent; per period 0 + 0.
        let table = try BaseRateTable([
            .init(from: day("2025-01-01"), rate: Percent(basisPoints: 1_460)),
            .init(from: day("2025-01-12"), rate: Percent(basisPoints: 1_460)),
        ])
        let interest = DefaultInterest(baseRates: table, margin: Percent(0))
        #expect(try interest.periods(dueDate: day("2025-01-01"), through: day("2025-01-21")).map(\.days) == [10, 10])
        #expect(try interest.interest(on: eur(100), dueDate: day("2025-01-01"), through: day("2025-01-21")) == eur(1))
    }

    @Test func halfCentRoundsUp() throws {
        // 0.05 € × 10 % × 365/365 = 0.005 € → 0.01 € (half up).
        let table = try BaseRateTable([.init(from: day("2027-01-01"), rate: Percent(1))])
        let interest = DefaultInterest(baseRates: table, statutoryFor: .business)
        #expect(try interest.interest(on: eur(5), dueDate: day("2026-12-31"), through: day("2027-12-31")) == eur(1))
    }

    @Test func actualDaysOver365InALeapYear() throws {
        // act/365: 366 days of 2028 at 10 % on 365.00 € = 365 × 0.10 × 366/365 = 36.60 € (act/act would give 36.50 €).
        let table = try BaseRateTable([.init(from: day("2028-01-01"), rate: Percent(1))])
        let interest = DefaultInterest(baseRates: table, statutoryFor: .business)
        #expect(try interest.interest(on: eur(36_500), dueDate: day("2027-12-31"), through: day("2028-12-31")) == eur(3_660))
    }

    @Test func negativeBaseRate() throws {
        // 2020 the base rate was −0.88 %: business 8.12 %. 1,000.00 € from 1 Feb to 1 Mar 2020 (30 days, leap February):
        // 1000 × 0.0812 × 30/365 = 6.6740 € → 6.67 €.
        let table = try BaseRateTable([.init(from: day("2020-01-01"), rate: try Percent(parsing: "-0.88"))])
        let interest = DefaultInterest(baseRates: table, statutoryFor: .business)
        #expect(try interest.interest(on: eur(100_000), dueDate: day("2020-01-31"), through: day("2020-03-01")) == eur(667))
    }

    @Test func contractualMargin() throws {
        // 002 §6[11] agrees base + 9.5 points: 1000 € for 31 days of January 2026 at 1.27 + 9.5 = 10.77 %:
        // 1000 × 0.1077 × 31/365 = 9.1471 € → 9.15 €.
        let interest = DefaultInterest(baseRates: Self.published, margin: Percent(basisPoints: 950))
        #expect(try interest.interest(on: eur(100_000), dueDate: day("2025-12-31"), through: day("2026-01-31")) == eur(915))
    }

    @Test func tableLookup() throws {
        #expect(try Self.published.rate(on: day("2025-06-30")) == Percent(basisPoints: 227))
        #expect(try Self.published.rate(on: day("2025-07-01")) == Percent(basisPoints: 127))
        #expect(try Self.published.rate(on: day("2026-11-23")) == Percent(basisPoints: 127))
        #expect(throws: BaseRateTableError.noRate(before: day("2022-12-31"), firstEntry: day("2023-01-01"))) {
            try Self.published.rate(on: day("2022-12-31"))
        }
        #expect(throws: BaseRateTableError.noRate(before: day("2022-12-02"), firstEntry: day("2023-01-01"))) {
            try business.interest(on: eur(100), dueDate: day("2022-12-01"), through: day("2023-01-31"))
        }
    }

    @Test func tableRejectsBadConfiguration() {
        #expect(throws: BaseRateTableError.empty) { try BaseRateTable([]) }
        #expect(throws: BaseRateTableError.duplicateStart(day("2025-01-01"))) {
            try BaseRateTable([
                .init(from: day("2025-01-01"), rate: Percent(basisPoints: 227)),
                .init(from: day("2025-01-01"), rate: Percent(basisPoints: 127)),
            ])
        }
    }

    @Test func statutoryMargins() {
        #expect(business.margin == Percent(9))
        #expect(consumer.margin == Percent(5))
    }
}
