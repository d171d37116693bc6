/// Invoice numbers `YYYY-NNNNNN`: the year of issue and a gapless sequence
/// per year shared by invoices and credit notes (§14 (4) Nr. 4 UStG asks for
/// unique numbers; the accountant and the tax office look for gaps).
public struct InvoiceNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let sequence: Int

    public init(year: Int, sequence: Int) {
        precondition((1...9999).contains(year) && (1...999_999).contains(sequence), "invoice number out of range")
        self.year = year
        self.sequence = sequence
    }

    /// Reads `2026-000123`; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 6,
              let year = Int(parts[0]), let sequence = Int(parts[1]), sequence > 0, year > 0 else { return nil }
        self.init(year: year, sequence: sequence)
    }

    public var description: String {
        let digits = String(sequence)
        return "\(year)-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    public static func < (lhs: InvoiceNumber, rhs: InvoiceNumber) -> Bool {
        (lhs.year, lhs.sequence) < (rhs.year, rhs.sequence)
    }
}
