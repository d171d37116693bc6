/// An amount in euros, held as whole cents.
///
/// Never a floating-point number: 0.1 + 0.2 must be exactly 0.30 € on an
/// invoice. Arithmetic traps on overflow (far beyond any real amount).
public struct Money: Sendable, Hashable, Comparable, AdditiveArithmetic, CustomStringConvertible {
    /// The amount in cents; negative for credits.
    public let cents: Int64

    /// An amount of `cents` cents (`Money(cents: 123456)` is 1,234.56 €).
    public init(cents: Int64) {
        self.cents = cents
    }

    /// An amount of `euros` euros and `cents` cents; both must have the same sign.
    public init(euros: Int64, cents: Int64 = 0) {
        precondition(cents > -100 && cents < 100, "cents must be below 100")
        precondition((euros >= 0 && cents >= 0) || (euros <= 0 && cents <= 0), "euros and cents need the same sign")
        self.cents = euros * 100 + cents
    }

    public static let zero = Money(cents: 0)

    public static func + (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents + rhs.cents) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents - rhs.cents) }
    public static prefix func - (amount: Money) -> Money { Money(cents: -amount.cents) }
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }

    /// The amount taken `quantity` times (a whole number of items, no rounding).
    public static func * (amount: Money, quantity: Int64) -> Money { Money(cents: amount.cents * quantity) }

    /// `self × quantity / divisor`, rounded half up to the cent once.
    ///
    /// For prices per block of records: 12,345 records at 4.50 € per 1,000 is
    /// `Money(cents: 450).times(12_345, per: 1_000)` = 55.5525 € → 55.55 €.
    public func times(_ quantity: Int64, per divisor: Int64 = 1) -> Money {
        let exact = Int128(cents) * Int128(quantity)
        return Money(cents: Int64(Rounding.halfUp(exact, dividedBy: Int128(divisor))))
    }

    /// `rate` of this amount, rounded half up to the cent (19 % of 10.50 € is 2.00 €).
    public func percentage(_ rate: Percent) -> Money {
        times(Int64(rate.basisPoints), per: 10_000)
    }

    /// True for amounts below zero (credits, refunds).
    public var isNegative: Bool { cents < 0 }

    /// The German form, for letters and logs: `1.234,56 €`.
    public var description: String { germanFormatted }
}

extension Sequence where Element == Money {
    /// The sum of all amounts (0.00 € for none).
    public func sum() -> Money {
        reduce(.zero, +)
    }
}
