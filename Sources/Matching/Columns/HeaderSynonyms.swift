/// Header names people use for each part of an address, folded (lower case,
/// umlauts spelled out, no spaces or punctuation) as `TextFolding.fold` gives them.
enum HeaderSynonyms {
    enum Role {
        case name, firstName, lastName, fullName, street, houseNumber, postcode, city, phone, email

        /// The address part in words, for a role only one column may have; nil for phone and e-mail.
        var singlePart: String? {
            switch self {
            case .name: "name"
            case .firstName: "first name"
            case .lastName: "surname"
            case .fullName: "full name"
            case .street: "street"
            case .houseNumber: "house number"
            case .postcode: "postcode"
            case .city: "city"
            case .phone, .email: nil
            }
        }
    }

    static func role(of folded: String) -> Role? {
        if let role = exact[folded] { return role }
        // Numbered or qualified variants: "Telefon 2", "Tel. privat", "E-Mail geschäftlich".
        for (prefix, role) in prefixes where folded.hasPrefix(prefix) { return role }
        return nil
    }

    private static let exact: [String: Role] = {
        var map = [String: Role]()
        for s in ["name", "kundenname"] { map[s] = .name }
        for s in ["vorname", "vornamen", "firstname", "givenname", "rufname", "forename"] { map[s] = .firstName }
        for s in ["nachname", "familienname", "zuname", "surname", "lastname", "familyname", "name1"] { map[s] = .lastName }
        for s in ["vollstaendigername", "vollername", "fullname", "namevollstaendig", "vornamenachname",
                  "nachnamevorname", "empfaenger", "kontakt", "kontaktperson", "ansprechpartner"] { map[s] = .fullName }
        for s in ["strasse", "str", "street", "strassehausnummer", "strasseundhausnummer", "strassenr",
                  "strassehausnr", "strassenummer", "anschrift", "adresse", "address", "addressline1",
                  "adresszeile1", "streetaddress", "strasseundnr", "streetandnumber"] { map[s] = .street }
        for s in ["hausnummer", "hausnr", "hnr", "nr", "nummer", "housenumber", "streetnumber", "number",
                  "houseno", "hausnrzusatz", "hausnummerzusatz"] { map[s] = .houseNumber }
        for s in ["plz", "postleitzahl", "zip", "zipcode", "postcode", "postalcode", "postal"] { map[s] = .postcode }
        for s in ["ort", "stadt", "city", "wohnort", "town", "gemeinde", "ortsname"] { map[s] = .city }
        for s in ["email", "mail", "emailadresse", "mailadresse", "emailaddress", "epost"] { map[s] = .email }
        for s in ["telefon", "tel", "telefonnummer", "telnr", "phone", "telephone", "phonenumber", "mobil",
                  "handy", "mobile", "mobilnummer", "handynummer", "mobiltelefon", "fax", "telefax", "faxnummer",
                  "rufnummer", "festnetz", "festnetznummer", "cellphone", "cell"] { map[s] = .phone }
        return map
    }()

    private static let prefixes: [(String, Role)] = [
        ("telefon", .phone), ("mobil", .phone), ("handy", .phone), ("phone", .phone), ("telefax", .phone),
        ("email", .email), ("mailadresse", .email), ("tel", .phone),
    ]
}
