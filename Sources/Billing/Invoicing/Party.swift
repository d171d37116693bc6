/// A postal address split the way EN 16931 and SEPA want it.
public struct PostalAddress: Codable, Sendable, Equatable {
    /// Street and house number (BT-35/BT-50).
    public var street: String
    public var postcode: String
    public var city: String
    /// ISO 3166-1 alpha-2 (BT-40/BT-55).
    public var country: String

    public init(street: String, postcode: String, city: String, country: String = "DE") {
        self.street = street
        self.postcode = postcode
        self.city = city
        self.country = country
    }
}

/// The buyer as printed in the address window and carried in the XML.
public struct Party: Codable, Sendable, Equatable {
    public var name: String
    public var address: PostalAddress
    /// Where the invoice is sent; the electronic address (BT-49, scheme `EM`).
    public var email: String?
    /// BT-48 (EU VAT id), where the buyer has one.
    public var vatId: String?
    /// Tax number, printed only (no BT for the buyer's).
    public var taxNumber: String?

    public init(name: String, address: PostalAddress, email: String?, vatId: String? = nil, taxNumber: String? = nil) {
        self.name = name
        self.address = address
        self.email = email
        self.vatId = vatId
        self.taxNumber = taxNumber
    }
}

/// Us: name, address, tax ids, bank account and contact, from configuration.
public struct Seller: Codable, Sendable, Equatable {
    public struct Contact: Codable, Sendable, Equatable {
        /// BT-41.
        public var name: String
        /// BT-42.
        public var phone: String
        /// BT-43.
        public var email: String

        public init(name: String, phone: String, email: String) {
            self.name = name
            self.phone = phone
            self.email = email
        }
    }

    public var name: String
    public var address: PostalAddress
    /// BT-31; at least one of `vatId` and `taxNumber` (§14 (4) Nr. 2 UStG).
    public var vatId: String?
    /// BT-32.
    public var taxNumber: String?
    /// The commercial register entry ("HRB 123456 B, Amtsgericht Charlottenburg"): the legal
    /// registration identifier (BT-30), which identifies us where the VAT id must not appear (category O).
    public var registration: String?
    public var contact: Contact
    /// Electronic address (BT-34, scheme `EM`).
    public var email: String
    /// Gläubiger-ID (BT-90), needed for SEPA customers.
    public var creditorIdentifier: String?
    /// Where transfer customers pay (BT-84), electronic form.
    public var iban: String
    public var bic: String?
    public var bankName: String?
    /// Footer lines: register court, managing directors, website …
    public var footer: [String]

    public init(name: String, address: PostalAddress, vatId: String?, taxNumber: String?, contact: Contact, email: String,
                creditorIdentifier: String?, iban: String, bic: String?, bankName: String?, footer: [String], registration: String? = nil) {
        self.name = name
        self.address = address
        self.vatId = vatId
        self.taxNumber = taxNumber
        self.contact = contact
        self.email = email
        self.creditorIdentifier = creditorIdentifier
        self.iban = iban
        self.bic = bic
        self.bankName = bankName
        self.footer = footer
        self.registration = registration
    }
}
