/// Integer division with the rounding rules billing needs.
///
/// Everything money-related is computed on integers (cents, basis points,
/// days) and divided exactly once at the end, so the only rounding is the one
/// written here.
public enum Rounding {
    /// `numerator / denominator` rounded commercially (kaufmännisch, DIN 1333):
    /// a remainder of exactly one half goes away from zero, so 0.5 → 1 and
    /// −0.5 → −1. Credit notes therefore mirror their invoices cent for cent.
    ///
    /// - Precondition: `denominator > 0`.
    public static func halfUp(_ numerator: Int128, dividedBy denominator: Int128) -> Int128 {
        precondition(denominator > 0, "divisor must be positive")
        let quotient = numerator / denominator
        let remainder = numerator % denominator  // has the sign of the numerator
        let magnitude = remainder < 0 ? -remainder : remainder
        guard magnitude * 2 >= denominator else { return quotient }
        return numerator < 0 ? quotient - 1 : quotient + 1
    }

    /// `numerator / denominator` rounded up, for counting started packages
    /// (1,501 records in packages of 1,500 are 2 packages).
    ///
    /// - Precondition: `numerator >= 0`, `denominator > 0`.
    public static func up(_ numerator: Int64, dividedBy denominator: Int64) -> Int64 {
        precondition(numerator >= 0 && denominator > 0, "counts must be non-negative, divisor positive")
        return numerator / denominator + (numerator % denominator == 0 ? 0 : 1)
    }
}
