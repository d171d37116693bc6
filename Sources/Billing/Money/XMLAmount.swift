/// Amounts as XML schemas write them (CII, pain.008): `-1234.5`, `1234.56`;
/// at most two decimals. Stricter than `Money(parsing:)`, which also takes German notation.
enum XMLAmount {
    /// The value in hundredths, nil for anything else.
    static func cents(_ text: String) -> Int64? {
        var body = Substring(text.trimmingPrefix(" "))
        var negative = false
        if body.first == "-" {
            negative = true
            body = body.dropFirst()
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts.allSatisfy({ $0.allSatisfy(\.isWholeNumber) }),
              parts[0].count <= 15, let whole = Int64(parts[0]) else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            guard (1...2).contains(parts[1].count), let digits = Int64(parts[1]) else { return nil }
            fraction = parts[1].count == 1 ? digits * 10 : digits
        }
        let value = whole * 100 + fraction
        return negative ? -value : value
    }
}
