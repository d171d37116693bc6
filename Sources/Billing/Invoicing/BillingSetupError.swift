import Foundation
import Mail

/// Billing cannot start: the configuration lacks what an invoice must show.
public struct BillingSetupError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The configuration keys to fill in.
    public let missingKeys: [String]
    /// Keys whose values are present but wrong, with the reason.
    public let invalid: [String]

    public init(missingKeys: [String], invalid: [String] = []) {
        self.missingKeys = missingKeys
        self.invalid = invalid
    }

    public var description: String {
        var parts: [String] = []
        if !missingKeys.isEmpty {
            parts.append("the configuration lacks \(missingKeys.joined(separator: ", "))")
        }
        parts.append(contentsOf: invalid)
        return "cannot bill: " + parts.joined(separator: "; ")
            + ". An invoice must name the seller in full with tax number or VAT id (§14 (4) UStG) and a contact (XRechnung); "
            + "set the keys in the configuration file (docs/configuration.md, \"Configuration\") and run again. Nothing was issued."
    }
}

extension BillingSettings {
    /// The seller, checked for everything §14 (4) UStG and XRechnung need;
    /// `sepa` adds the creditor identifier.
    public func checkedSeller(sepa: Bool) throws(BillingSetupError) -> Seller {
        guard let seller else {
            throw BillingSetupError(missingKeys: ["seller.name", "seller.street", "seller.postcode", "seller.city",
                                                  "seller.vatId or seller.taxNumber", "seller.email", "seller.iban",
                                                  "seller.contact.name", "seller.contact.phone", "seller.contact.email"])
        }
        var missing: [String] = []
        var invalid: [String] = []
        func need(_ value: String?, _ key: String) {
            if (value ?? "").trimmingCharacters(in: .whitespaces).isEmpty { missing.append(key) }
        }
        need(seller.name, "seller.name")
        need(seller.address.street, "seller.street")
        need(seller.address.postcode, "seller.postcode")
        need(seller.address.city, "seller.city")
        need(seller.address.country, "seller.country")
        if (seller.vatId ?? "").isEmpty && (seller.taxNumber ?? "").isEmpty { missing.append("seller.vatId or seller.taxNumber") }
        need(seller.email, "seller.email")
        need(seller.contact.name, "seller.contact.name")
        need(seller.contact.phone, "seller.contact.phone")
        need(seller.contact.email, "seller.contact.email")
        // Both are e-mail addresses: documents are sent from the first, answers go to the second.
        for (value, key) in [(seller.email, "seller.email"), (seller.contact.email, "seller.contact.email")]
        where !value.isEmpty && MailAddress(parsing: value) == nil {
            invalid.append("\(key): '\(value)' is no e-mail address")
        }
        need(seller.iban, "seller.iban")
        if !seller.iban.isEmpty {
            do { _ = try Iban(seller.iban) } catch { invalid.append("seller.iban: \(error)") }
        }
        if let vatId = seller.vatId, !vatId.isEmpty {
            do { _ = try VatId(vatId) } catch { invalid.append("seller.vatId: \(error)") }
        }
        if let bic = seller.bic, !bic.isEmpty {
            do { _ = try Bic(bic) } catch { invalid.append("seller.bic: \(error)") }
        }
        if sepa {
            need(seller.creditorIdentifier, "seller.creditorId (SEPA customers are billed)")
            if let id = seller.creditorIdentifier, !id.isEmpty {
                do { _ = try CreditorIdentifier(id) } catch { invalid.append("seller.creditorId: \(error)") }
            }
        }
        guard missing.isEmpty && invalid.isEmpty else { throw BillingSetupError(missingKeys: missing, invalid: invalid) }
        return seller
    }
}
