/// How an invoice is taxed, decided by ``PlaceOfSupply`` when it is drafted
/// and frozen with the document: German VAT, reverse charge, or not taxable
/// in Germany. docs/billing.md "VAT for customers abroad" has the rules and sources.
public enum VatTreatment: String, Codable, Sendable, CaseIterable {
    /// German VAT: a customer in Germany (§3a (1) UStG, or the recipient's place in Germany).
    case domestic
    /// German VAT for a consumer in another member state: the seller is below the
    /// €10,000 threshold of §3a (5) sentence 3 UStG (`billing.euConsumerLimit`).
    case euConsumer
    /// A business in another member state owes the VAT there (§3a (2) UStG, Art. 196 VAT Directive):
    /// category AE, both VAT ids and "Steuerschuldnerschaft des Leistungsempfängers" (§14a (1) UStG).
    case reverseCharge
    /// A business outside the EU: the service is not taxable in Germany (§3a (2) UStG); category O.
    case notTaxable

    /// The sentence the letter prints and the XRechnung carries as a note (BT-22).
    public var note: String? {
        switch self {
        case .domestic, .euConsumer: nil
        case .reverseCharge:
            "Steuerschuldnerschaft des Leistungsempfängers: Leistungsort ist nach § 3a Abs. 2 UStG der Sitz des Leistungsempfängers "
                + "im übrigen Gemeinschaftsgebiet; dieser schuldet die Umsatzsteuer (Reverse Charge, Art. 196 MwStSystRL)."
        case .notTaxable:
            "Nicht im Inland steuerbare Leistung: Leistungsort ist nach § 3a Abs. 2 UStG der Sitz des Leistungsempfängers "
                + "außerhalb der Europäischen Union."
        }
    }

    /// The line as this treatment bills it: our services become AE or O at 0 %; damages passed on
    /// stay E beside reverse-charged services and become O on an invoice that is not taxable at all,
    /// because EN 16931 allows no other category beside O (BR-O-11 … BR-O-14) and damages are not taxable either.
    public func applied(to line: InvoiceLine) -> InvoiceLine {
        var line = line
        switch (self, line.vatCategory) {
        case (.domestic, _), (.euConsumer, _), (.reverseCharge, .exempt):
            return line
        case (.reverseCharge, _):
            line.vatCategory = .reverseCharge
        case (.notTaxable, _):
            line.vatCategory = .notSubject
        }
        line.vatRate = Percent(0)
        return line
    }
}
