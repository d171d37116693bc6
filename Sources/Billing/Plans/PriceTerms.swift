import Store

/// A price plan in domain terms: which fee, which usage price, how many
/// records are free, which VAT rate. Built from the stored ``Plan``.
public struct PriceTerms: Sendable, Equatable {
    public enum Fee: Sendable, Equatable {
        case none
        /// Billed for every month of the contract.
        case monthly(Money)
        /// Billed for 12 months in the run of the month in which a contract year begins.
        case annual(Money)
    }

    public enum UsagePrice: Sendable, Equatable {
        case none
        /// Price per 1,000 checked records, computed exactly and rounded once.
        case perThousand(Money)
        /// Price per started package of `size` records (1,501 records in packages of 1,500 are 2).
        case perPackage(price: Money, size: Int64)
    }

    public var planId: String
    public var name: String
    public var fee: Fee
    public var usage: UsagePrice
    /// Records a month that cost nothing.
    public var includedRecords: Int64
    public var vatRate: Percent
    /// Days from the issue date to the due date.
    public var dueDays: Int

    public init(planId: String, name: String, fee: Fee, usage: UsagePrice, includedRecords: Int64 = 0,
                vatRate: Percent = Percent(19), dueDays: Int = 7) {
        self.planId = planId
        self.name = name
        self.fee = fee
        self.usage = usage
        self.includedRecords = includedRecords
        self.vatRate = vatRate
        self.dueDays = dueDays
    }

    /// The terms of a stored plan; the import has already refused plans with
    /// both fees or both usage prices, so here the first one set wins.
    public init(_ plan: Plan) {
        let fee: Fee = if let monthly = plan.monthlyFeeCents { .monthly(Money(cents: monthly)) }
            else if let annual = plan.annualFeeCents { .annual(Money(cents: annual)) }
            else { .none }
        let usage: UsagePrice = if let perThousand = plan.pricePerThousandCents { .perThousand(Money(cents: perThousand)) }
            else if let package = plan.packagePriceCents { .perPackage(price: Money(cents: package), size: plan.packageSize) }
            else { .none }
        self.init(planId: plan.id, name: plan.name, fee: fee, usage: usage, includedRecords: plan.includedRecords,
                  vatRate: Percent(basisPoints: plan.vatBasisPoints), dueDays: plan.dueDays)
    }
}
