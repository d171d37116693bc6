/// Net, VAT and gross of an invoice, per VAT category and rate.
///
/// VAT is computed once per rate on the sum of the (already rounded) line
/// nets, never per line (EN 16931 BR-CO-17; §14 (4) Nr. 8 UStG asks for the
/// net amount per rate). Two lines of 10.50 € at 19 % therefore carry 3.99 €
/// VAT, not 2 × 2.00 €. Categories without German VAT (damages passed on,
/// reverse charge, not subject to VAT) each form a group of their own with no VAT.
public struct VatBreakdown: Sendable, Equatable {
    /// The lines that share one VAT category and rate.
    public struct Group: Sendable, Equatable {
        /// BT-118.
        public let category: VatCategory
        /// The VAT rate of this group (0 for every category but S).
        public let rate: Percent
        /// Sum of the line nets in this group (BT-116).
        public let net: Money
        /// VAT on `net`, rounded half up once (BT-117); 0 without German VAT.
        public let vat: Money

        /// `net + vat`.
        public var gross: Money { net + vat }
    }

    /// One group per category and rate that occurs: standard rates first, highest first, then E, AE, O.
    public let groups: [Group]

    private struct Key: Hashable {
        let category: VatCategory
        let rate: Percent
    }

    /// Groups the line nets by category and rate and computes each group's VAT.
    public init(lines: some Sequence<(net: Money, rate: Percent, category: VatCategory)>) {
        var nets: [Key: Money] = [:]
        for line in lines {
            let key = Key(category: line.category, rate: line.category == .standard ? line.rate : Percent(0))
            nets[key, default: .zero] = nets[key, default: .zero] + line.net
        }
        groups = nets
            .map { key, net in
                Group(category: key.category, rate: key.rate, net: net, vat: key.category == .standard ? net.percentage(key.rate) : .zero)
            }
            .sorted { ($0.category, -$0.rate.basisPoints) < ($1.category, -$1.rate.basisPoints) }
    }

    /// Standard-rated lines only (the common case, and the tests of the arithmetic).
    public init(lines: some Sequence<(net: Money, rate: Percent)>) {
        self.init(lines: lines.map { (net: $0.net, rate: $0.rate, category: VatCategory.standard) })
    }

    /// Sum of all line nets (BT-109).
    public var net: Money { groups.map(\.net).sum() }
    /// Sum of the VAT of all groups (BT-110).
    public var vat: Money { groups.map(\.vat).sum() }
    /// `net + vat` (BT-112).
    public var gross: Money { net + vat }
}
