/// The invoice lines one customer owes for one service month under a plan.
///
/// - Monthly fee: every month from the month the contract starts.
/// - Annual fee: in the month a contract year begins (the contract start and
///   each anniversary), for the 12 months from that day.
/// - Usage: the month's checked records minus the included ones, priced per
///   1,000 (exact, rounded once) or per started package.
///
/// A terminated customer still pays for what was checked, but no more fees.
public struct MonthCharges: Sendable {
    public let terms: PriceTerms
    public let contractStart: CalendarDate

    public init(terms: PriceTerms, contractStart: CalendarDate) {
        self.terms = terms
        self.contractStart = contractStart
    }

    /// Lines numbered from 1; empty when nothing is owed.
    public func lines(month: YearMonth, recordsChecked: Int64, feesApply: Bool = true) -> [InvoiceLine] {
        var lines: [InvoiceLine] = []
        if feesApply, let fee = feeLine(month: month) { lines.append(fee) }
        if let usage = usageLine(month: month, recordsChecked: recordsChecked) { lines.append(usage) }
        for index in lines.indices { lines[index].position = index + 1 }
        return lines
    }

    /// The day a contract year begins in `month`, if one does: the contract
    /// start's day (29 February becomes 28 February in other years).
    public func anniversary(in month: YearMonth) -> CalendarDate? {
        guard month.month == contractStart.month, month.year >= contractStart.year else { return nil }
        return month.day(min(contractStart.day, month.lastDay.day))
    }

    private func feeLine(month: YearMonth) -> InvoiceLine? {
        switch terms.fee {
        case .none:
            return nil
        case .monthly(let fee):
            guard contractStart <= month.lastDay else { return nil }
            return InvoiceLine(position: 0, description: "Grundgebühr \(month.germanName) (\(terms.name))", quantity: 1,
                               unitCode: "MON", unitLabel: GermanWording.month.singular, unitPrice: fee, vatRate: terms.vatRate)
        case .annual(let fee):
            guard let start = anniversary(in: month) else { return nil }
            let next = YearMonth(year: start.year + 1, month: start.month)!
            let end = next.day(min(contractStart.day, next.lastDay.day)).adding(days: -1)
            let period = ServicePeriod(start: start, end: end)
            return InvoiceLine(position: 0, description: "Jahresgebühr \(period.germanText) (\(terms.name))",
                               detail: "im Voraus für 12 Monate", quantity: 1, unitCode: "ANN", unitLabel: GermanWording.year.singular,
                               unitPrice: fee, vatRate: terms.vatRate, period: period)
        }
    }

    private func usageLine(month: YearMonth, recordsChecked: Int64) -> InvoiceLine? {
        let billable = max(0, recordsChecked - terms.includedRecords)
        guard billable > 0 else { return nil }
        var detail = "\(GermanWording.count(recordsChecked, GermanWording.checkedRecord)) im \(month.germanName)"
        if terms.includedRecords > 0 { detail += ", davon \(GermanNumber.grouped(terms.includedRecords)) inklusive" }
        switch terms.usage {
        case .none:
            return nil
        case .perThousand(let price):
            return InvoiceLine(position: 0, description: "Robinson-Abgleich, Preis je 1.000 Datensätze", detail: detail,
                               quantity: billable, unitCode: "C62", unitLabel: GermanWording.record.plural, unitPrice: price,
                               basisQuantity: 1_000, vatRate: terms.vatRate)
        case .perPackage(let price, let size):
            let packages = Rounding.up(billable, dividedBy: size)
            return InvoiceLine(position: 0, description: "Robinson-Abgleich, Datenpakete à \(GermanWording.count(size, GermanWording.record))",
                               detail: detail, quantity: packages, unitCode: "C62", unitLabel: GermanWording.package.plural, unitPrice: price,
                               vatRate: terms.vatRate)
        }
    }
}
