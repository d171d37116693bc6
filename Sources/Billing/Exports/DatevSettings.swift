/// Where the DATEV export books what; the CLI fills it from the `datev.*`
/// configuration keys (docs/billing.md, "DATEV export and open items").
///
/// Accounts default to SKR03. Fees, interest and the lump sum are damages,
/// not payment for a service (UStAE 1.3), so they go to accounts without VAT.
public struct DatevSettings: Sendable, Equatable {
    /// Beraternummer (1001–9999999); nil until configured.
    public var consultantNumber: Int?
    /// Mandantennummer (1–99999); nil until configured.
    public var clientNumber: Int?
    /// The month the fiscal year begins (1 = calendar year).
    public var fiscalYearStartMonth = 1
    /// Sachkontenlänge: digits of a general ledger account; debtor accounts have one more.
    public var accountLength = 4
    /// Kontenrahmen written into the header: "03" (SKR03) or "04" (SKR04).
    public var chartOfAccounts = "03"
    /// The ledger accounts the bookings use.
    public var accounts = Accounts()
    /// Debtor account per customer id; wins over ``debtorAccountBase``.
    public var debtorAccounts: [String: Int] = [:]
    /// A customer without an entry in ``debtorAccounts`` whose id ends in digits
    /// gets this base plus that number (K1001 → 11001).
    public var debtorAccountBase = 10_000

    public struct Accounts: Sendable, Equatable {
        /// 8400 "Erlöse 19 % USt": an automatic account, so no BU-Schlüssel.
        public var revenue = 8400
        /// 8336 "Erlöse aus im anderen EU-Land steuerpflichtigen sonstigen Leistungen, für die der
        /// Leistungsempfänger die Umsatzsteuer schuldet": reverse-charge invoices (UStVA Kz. 21, ZM).
        public var revenueReverseCharge = 8336
        /// 8338 "Erlöse aus im Drittland steuerbaren Leistungen, im Inland nicht steuerbare Umsätze":
        /// invoices to businesses outside the EU (UStVA Kz. 45).
        public var revenueNotTaxable = 8338
        /// 1200 "Bank".
        public var bank = 1200
        /// 2700 "Sonstige Erträge": returned-debit fees passed on (not taxable).
        public var returnFee = 2700
        /// 2700 "Sonstige Erträge": dunning fees (not taxable).
        public var dunningFee = 2700
        /// 2650 "Sonstige Zinsen und ähnliche Erträge": default interest.
        public var interest = 2650
        /// 2700 "Sonstige Erträge": the 40 € lump sum of §288 (5) BGB (not taxable).
        public var lumpSum = 2700
        /// 1590 "Durchlaufende Posten": money that names no invoice, until the accountant assigns it.
        public var unassignedPayments = 1590

        public init() {}

        /// The revenue account of an invoice taxed this way.
        public func revenue(_ treatment: VatTreatment) -> Int {
            switch treatment {
            case .domestic, .euConsumer: revenue
            case .reverseCharge: revenueReverseCharge
            case .notTaxable: revenueNotTaxable
            }
        }
    }

    public init() {}
}
