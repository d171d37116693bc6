extension Money {
    /// German notation with thousands dots, decimal comma and the euro sign:
    /// `1.234,56 €`, `-0,50 €`. Used on invoices and dunning letters.
    public var germanFormatted: String {
        germanNumber + " €"
    }

    /// German notation without the currency: `1.234,56`.
    public var germanNumber: String {
        let (sign, euros, fraction) = parts
        return sign + GermanNumber.grouped(magnitude: euros) + "," + fraction
    }

    /// The notation of XML schemas (pain.008, CII) and of machine files: `1234.56`,
    /// always two decimals, no grouping.
    public var xmlValue: String {
        let (sign, euros, fraction) = parts
        return sign + String(euros) + "." + fraction
    }

    /// Sign, whole euros and the two-digit cent part, computed without
    /// negating `Int64.min` (magnitude is unsigned).
    private var parts: (sign: String, euros: UInt64, fraction: String) {
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return (cents < 0 ? "-" : "", magnitude / 100, fraction < 10 ? "0\(fraction)" : "\(fraction)")
    }
}
