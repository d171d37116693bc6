import Documents

/// Seller and buyer as printed: letterhead, return address, address window
/// and the footer with contact, bank and tax ids (§14 (4) Nr. 1, 2 UStG).
enum InvoiceParties {
    static func addressLines(name: String, address: PostalAddress) -> [String] {
        var lines = [name, address.street, "\(address.postcode) \(address.city)"]
        if address.country != "DE" { lines.append(CountryNames.addressLine(address.country)) }
        return lines
    }

    static func returnAddress(_ seller: Seller) -> String {
        addressLines(name: seller.name, address: seller.address).joined(separator: " · ")
    }

    static func letterheadLines(_ seller: Seller) -> [String] {
        Array(addressLines(name: seller.name, address: seller.address).dropFirst())
            + ["Telefon \(seller.contact.phone)", seller.email]
    }

    static func footer(_ seller: Seller) -> [[String]] {
        let address = addressLines(name: seller.name, address: seller.address)
        let contact = [seller.contact.name, "Telefon \(seller.contact.phone)", seller.contact.email]
        var bank = [seller.bankName, "IBAN \(InvoicePaymentText.grouped(iban: seller.iban))", seller.bic.map { "BIC \($0)" }]
            .compactMap { $0 }
        if let creditor = seller.creditorIdentifier { bank.append("Gläubiger-ID \(creditor)") }
        let tax = [seller.vatId.map { "USt-IdNr. \($0)" }, seller.taxNumber.map { "Steuernummer \($0)" }].compactMap { $0 }
        return [address, contact, bank, tax + seller.footer]
    }
}
