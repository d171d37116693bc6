import Formats

/// EN 16931 and XRechnung business rules we check ourselves on every written
/// CII document: the sums (BR-CO-10 … 17), line periods inside the invoice
/// period (PEPPOL-EN16931-R110/R111), the buyer reference (BR-DE-15), the
/// direct-debit data (BR-DE-30/31) and the VAT ids beside reverse charge and
/// not subject to VAT (BR-AE-02, BR-O-02, BR-O-11). They run on the XML, not on the model,
/// so they check what a receiver will read. Integers only: amounts are cents.
public enum EInvoiceRules {
    public struct Violation: Sendable, Equatable, CustomStringConvertible {
        public let rule: String
        public let message: String
        public var description: String { "\(rule): \(message)" }
    }

    public static func check(_ xml: [UInt8]) -> [Violation] {
        let query: XMLQuery
        do { query = try XMLQuery(xml, namespaces: CrossIndustryInvoice.namespaces) } catch {
            return [Violation(rule: "XML", message: "not well-formed")]
        }
        var violations: [Violation] = []
        func fail(_ rule: String, _ message: String) { violations.append(Violation(rule: rule, message: message)) }

        let settlement = "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement"
        let sums = settlement + "/ram:SpecifiedTradeSettlementHeaderMonetarySummation"
        // Every amount (BT-…) has at most two decimals; unit prices (ChargeAmount) may have more.
        for text in query.strings("//*[contains(local-name(), 'Amount') and local-name() != 'ChargeAmount']") where XMLAmount.cents(text) == nil {
            fail("BR-DEC", "amount '\(text)' is not a number with at most two decimals")
        }
        func amount(_ path: String) -> Int64? { query.string(path).flatMap(XMLAmount.cents) }
        func amounts(_ path: String) -> [Int64] { query.strings(path).compactMap(XMLAmount.cents) }

        let lineTotal = amount(sums + "/ram:LineTotalAmount")
        let lineNets = amounts("//ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount")
        if lineTotal != lineNets.reduce(0, +) {
            fail("BR-CO-10", "sum of line net amounts \(lineNets.reduce(0, +)) ≠ LineTotalAmount \(lineTotal.map(String.init) ?? "missing") (cents)")
        }
        let allowances = amounts(settlement + "/ram:SpecifiedTradeAllowanceCharge[ram:ChargeIndicator/udt:Indicator='false']/ram:ActualAmount").reduce(0, +)
        let charges = amounts(settlement + "/ram:SpecifiedTradeAllowanceCharge[ram:ChargeIndicator/udt:Indicator='true']/ram:ActualAmount").reduce(0, +)
        if (amount(sums + "/ram:AllowanceTotalAmount") ?? 0) != allowances { fail("BR-CO-11", "AllowanceTotalAmount ≠ sum of document allowances") }
        if (amount(sums + "/ram:ChargeTotalAmount") ?? 0) != charges { fail("BR-CO-12", "ChargeTotalAmount ≠ sum of document charges") }
        let taxBasis = amount(sums + "/ram:TaxBasisTotalAmount")
        if let lineTotal, taxBasis != lineTotal - allowances + charges {
            fail("BR-CO-13", "TaxBasisTotalAmount ≠ LineTotalAmount − allowances + charges")
        }
        let taxTotal = amount(sums + "/ram:TaxTotalAmount")
        let groupTaxes = amounts(settlement + "/ram:ApplicableTradeTax/ram:CalculatedAmount")
        if taxTotal != groupTaxes.reduce(0, +) { fail("BR-CO-14", "TaxTotalAmount ≠ sum of the VAT of each rate") }
        let grand = amount(sums + "/ram:GrandTotalAmount")
        if let taxBasis, let taxTotal, grand != taxBasis + taxTotal { fail("BR-CO-15", "GrandTotalAmount ≠ TaxBasisTotalAmount + TaxTotalAmount") }
        let prepaid = amount(sums + "/ram:TotalPrepaidAmount") ?? 0
        let rounding = amount(sums + "/ram:RoundingAmount") ?? 0
        if let grand, amount(sums + "/ram:DuePayableAmount") != grand - prepaid + rounding {
            fail("BR-CO-16", "DuePayableAmount ≠ GrandTotalAmount − prepaid + rounding")
        }
        let groups = query.count(settlement + "/ram:ApplicableTradeTax")
        for index in 1...max(1, groups) where groups > 0 {
            let group = settlement + "/ram:ApplicableTradeTax[\(index)]"
            guard let basis = amount(group + "/ram:BasisAmount"), let tax = amount(group + "/ram:CalculatedAmount"),
                  let rate = query.string(group + "/ram:RateApplicablePercent").flatMap(XMLAmount.cents) else {
                fail("BR-CO-17", "VAT breakdown \(index) lacks basis, amount or rate")
                continue
            }
            // rate is in hundredths of a percent: VAT = basis × rate / 10,000, half up.
            let expected = Int64(Rounding.halfUp(Int128(basis) * Int128(rate), dividedBy: 10_000))
            if tax != expected { fail("BR-CO-17", "VAT of rate \(rate) bp on \(basis) should be \(expected), is \(tax) (cents)") }
        }
        // Dates are YYYYMMDD (format 102), so text order is date order.
        let period = settlement + "/ram:BillingSpecifiedPeriod"
        if let start = query.string(period + "/ram:StartDateTime/udt:DateTimeString"),
           let end = query.string(period + "/ram:EndDateTime/udt:DateTimeString") {
            let lines = "//ram:SpecifiedLineTradeSettlement/ram:BillingSpecifiedPeriod"
            for lineStart in query.strings(lines + "/ram:StartDateTime/udt:DateTimeString") where lineStart < start || lineStart > end {
                fail("PEPPOL-EN16931-R110", "a line period starts on \(lineStart), outside the invoice period \(start)–\(end)")
            }
            for lineEnd in query.strings(lines + "/ram:EndDateTime/udt:DateTimeString") where lineEnd < start || lineEnd > end {
                fail("PEPPOL-EN16931-R111", "a line period ends on \(lineEnd), outside the invoice period \(start)–\(end)")
            }
        }
        if (query.string("//ram:ApplicableHeaderTradeAgreement/ram:BuyerReference") ?? "").isEmpty {
            fail("BR-DE-15", "the buyer reference (BT-10) is missing")
        }
        if query.strings(settlement + "/ram:SpecifiedTradeSettlementPaymentMeans/ram:TypeCode").contains("59") {
            if (query.string(settlement + "/ram:CreditorReferenceID") ?? "").isEmpty {
                fail("BR-DE-30", "direct debit without the creditor identifier (BT-90)")
            }
            if (query.string(settlement + "/ram:SpecifiedTradeSettlementPaymentMeans/ram:PayerPartyDebtorFinancialAccount/ram:IBANID") ?? "").isEmpty {
                fail("BR-DE-31", "direct debit without the debited account (BT-91)")
            }
        }
        // Reverse charge and not subject to VAT: the parties' VAT ids and the categories beside them.
        let categories = Set(query.strings("//ram:ApplicableTradeTax/ram:CategoryCode"))
        let vatId = "/ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']"
        if categories.contains(VatCategory.reverseCharge.rawValue) && query.count("//ram:BuyerTradeParty" + vatId) == 0 {
            fail("BR-AE-02", "reverse charge without the buyer's VAT id (BT-48)")
        }
        if categories.contains(VatCategory.notSubject.rawValue) {
            if query.count("/" + vatId) > 0 { fail("BR-O-02", "not subject to VAT, yet a VAT id (BT-31/BT-48) is given") }
            if categories.count > 1 { fail("BR-O-11", "not subject to VAT beside other VAT categories \(categories.sorted())") }
        }
        return violations
    }
}
