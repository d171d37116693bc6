import GRDB
import Store

/// Our net sales to consumers in other member states per calendar year (of
/// the service month), the amount §3a (5) sentence 3 UStG measures: while
/// last year's and this year's stay within €10,000, such a consumer pays
/// German VAT; beyond it the VAT of the consumer's country is due (via the
/// One-Stop-Shop), which the product does not do, so it refuses to bill them.
/// Only our services count (category S); damages passed on are no sales.
struct EUConsumerSales {
    private(set) var byYear: [Int: Money] = [:]

    init(byYear: [Int: Money]) {
        self.byYear = byYear
    }

    /// Reads the invoices and credit notes of `year` and the year before.
    init(year: Int, in db: Database) throws {
        let records = try InvoiceRecord.filter(InvoiceRecord.Columns.serviceMonth >= "\(year - 1)-01"
                                               && InvoiceRecord.Columns.serviceMonth <= "\(year)-12").fetchAll(db)
        for record in records {
            let document = try InvoiceStorage.decode(record)
            guard document.treatment == .euConsumer, let serviceYear = Int(record.serviceMonth.prefix(4)) else { continue }
            let net = Self.services(document.lines)
            byYear[serviceYear, default: .zero] = byYear[serviceYear, default: .zero] + (record.kind == .creditNote ? -net : net)
        }
    }

    /// The net of our services among `lines`.
    static func services(_ lines: [InvoiceLine]) -> Money {
        lines.filter { $0.vatCategory == .standard }.map(\.net).sum()
    }

    /// Counts `net` for `year`, or refuses when last year's sales exceeded `limit` or this year's would with it.
    mutating func admit(_ net: Money, year: Int, limit: Money, country: String) throws(BillingGap) {
        let before = byYear[year - 1] ?? .zero
        let after = (byYear[year] ?? .zero) + net
        if before > limit || after > limit {
            let why = before > limit ? "\(year - 1) reached \(before.germanFormatted)" : "\(year) would reach \(after.germanFormatted) with this invoice"
            throw BillingGap("is a consumer in \(country): German VAT applies to consumers in other EU member states only while "
                + "such sales stay within \(limit.germanFormatted) a year (§3a (5) sentence 3 UStG, billing.euConsumerLimit), and \(why); "
                + "beyond it the VAT of the consumer's country is due through the One-Stop-Shop, which the product does not do")
        }
        byYear[year] = after
    }
}
