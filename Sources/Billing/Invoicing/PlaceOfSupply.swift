import Store

/// Where our service to a customer is taxed (§3a UStG), and so how its
/// invoice is taxed. It decides from the master data (type, country, VAT id,
/// tax number) and refuses where it cannot bill correctly, rather than
/// issuing a wrong invoice: docs/billing.md "VAT for customers abroad".
enum PlaceOfSupply {
    /// The EU member states by ISO 3166 code, each with the prefix of its VAT ids
    /// (Greece uses EL; Monaco belongs to the French VAT area).
    static let memberStates: [String: String] = [
        "AT": "AT", "BE": "BE", "BG": "BG", "CY": "CY", "CZ": "CZ", "DE": "DE", "DK": "DK", "EE": "EE", "ES": "ES",
        "FI": "FI", "FR": "FR", "GR": "EL", "HR": "HR", "HU": "HU", "IE": "IE", "IT": "IT", "LT": "LT", "LU": "LU",
        "LV": "LV", "MC": "FR", "MT": "MT", "NL": "NL", "PL": "PL", "PT": "PT", "RO": "RO", "SE": "SE", "SI": "SI", "SK": "SK",
    ]
    /// We bill as a German business.
    static let home = "DE"

    static func treatment(of customer: Customer) throws(BillingGap) -> VatTreatment {
        let country = customer.country.uppercased()
        let vatId = customer.vatId.flatMap { $0.isEmpty ? nil : $0 }
        let taxNumber = customer.taxNumber.flatMap { $0.isEmpty ? nil : $0 }
        if country == home { return .domestic }
        switch (customer.customerType, memberStates[country]) {
        case (.business, let prefix?):
            guard let vatId else {
                throw BillingGap("is a business in \(country) without a VAT id: a service to a business in another EU member state "
                    + "is billed by reverse charge, and that invoice must name the customer's VAT id (§14a (1) UStG); "
                    + "import the customer with vat_id, or with type consumer if it is not a business")
            }
            guard vatId.uppercased().hasPrefix(prefix) else {
                throw BillingGap("is a business in \(country) whose VAT id begins with \(vatId.prefix(2)), not \(prefix): "
                    + "the reverse charge needs the VAT id issued where the business is established; correct vat_id or country")
            }
            return .reverseCharge
        case (.consumer, _?):
            return .euConsumer
        case (.business, nil):
            guard vatId != nil || taxNumber != nil else {
                throw BillingGap("is a business in \(country) with neither tax_number nor vat_id: a service to a business outside the EU "
                    + "is billed without German VAT only with proof that the customer is a business (Art. 18 (3) Implementing "
                    + "Regulation (EU) 282/2011); import the customer with its tax or business registration number in tax_number")
            }
            return .notTaxable
        case (.consumer, nil):
            throw BillingGap("is a consumer outside the EU (\(country)): a data-processing service to a consumer there is supplied "
                + "where the consumer lives (§3a (4) sentence 2 no. 4 UStG) and may owe that country's VAT, which the product "
                + "cannot charge; it bills no consumers outside the EU")
        }
    }

    /// What our own master data must add for the treatment; nil when it has it.
    static func sellerGap(_ treatment: VatTreatment, _ seller: Seller) -> BillingGap? {
        switch treatment {
        case .domestic, .euConsumer:
            return nil
        case .reverseCharge:
            guard (seller.vatId ?? "").isEmpty else { return nil }
            return BillingGap("is billed by reverse charge, and that invoice must name our VAT id as well (§14a (1) UStG); set seller.vatId")
        case .notTaxable:
            guard (seller.registration ?? "").isEmpty else { return nil }
            // BR-O-02 forbids our VAT id in such an XRechnung, and BR-CO-26 then wants the legal registration (BT-30).
            return BillingGap("is a business outside the EU, whose XRechnung must not carry our VAT id (EN 16931 BR-O-02) and so "
                + "identifies us by our commercial register entry (BR-CO-26); set seller.registration")
        }
    }
}
