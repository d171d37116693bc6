/// Net, VAT and gross of an invoice, per VAT rate.
///
/// VAT is computed once per rate on the sum of the (already rounded) line
/// nets, never per line (EN 16931 BR-CO-17; §14 (4) Nr. 8 UStG asks for the
/// net amount per rate). Two lines of 10.50 € at 19 % therefore carry 3.99 €
/// VAT, not 2 × 2.00 €.
public struct VatBreakdown: Sendable, Equatable {
    /// The lines that share one VAT rate.
    public struct Group: Sendable, Equatable {
        /// The VAT rate of this group.
        public let rate: Percent
        /// Sum of the line nets at this rate (BT-116).
        public let net: Money
        /// VAT on `net`, rounded half up once (BT-117).
        public let vat: Money

        /// `net + vat`.
        public var gross: Money { net + vat }
    }

    /// One group per rate that occurs, highest rate first.
    public let groups: [Group]

    /// Groups the line nets by rate and computes each group's VAT.
    public init(lines: some Sequence<(net: Money, rate: Percent)>) {
        var nets: [Percent: Money] = [:]
        for line in lines {
            nets[line.rate, default: .zero] = nets[line.rate, default: .zero] + line.net
        }
        groups = nets
            .map { rate, net in Group(rate: rate, net: net, vat: net.percentage(rate)) }
            .sorted { $0.rate > $1.rate }
    }

    /// Sum of all line nets (BT-109).
    public var net: Money { groups.map(\.net).sum() }
    /// Sum of the VAT of all groups (BT-110).
    public var vat: Money { groups.map(\.vat).sum() }
    /// `net + vat` (BT-112).
    public var gross: Money { net + vat }
}
