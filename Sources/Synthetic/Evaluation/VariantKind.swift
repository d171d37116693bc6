/// What an evaluation row tests. The raw value is the stable short name in the table.
public enum VariantKind: String, CaseIterable, Sendable, Hashable {
    // A listed person written differently: must be found (`ja`).
    case canonical
    case salutation
    case title
    case particleDropped = "particle-dropped"
    case particleAdded = "particle-added"
    case particleAfterFirstName = "particle-after-first"
    case doubleName = "double-name"
    case fullName = "full-name"
    case fullNameComma = "full-name-comma"
    case umlaut
    case diacritics
    case letterCase = "case"
    case phoneticSurname = "phonetic-surname"
    case phoneticFirstName = "phonetic-first-name"
    case streetSuffix = "street-suffix"
    case streetWord = "street-word"
    case streetCompound = "street-compound"
    case platz
    case chaussee
    case streetPlain = "street-plain"
    case houseLetter = "house-letter"
    case houseRange = "house-range"
    case houseAddition = "house-addition"
    case houseInStreet = "house-in-street"
    case postcodeFourDigits = "postcode-4-digits"
    case mixed
    case phoneNational = "phone-national"
    case phoneSlash = "phone-slash"
    case phoneParentheses = "phone-parens"
    case phonePlus49 = "phone-plus49"
    case phonePlus49Zero = "phone-plus49-0"
    case phone0049 = "phone-0049"
    case phoneMobile = "phone-mobile"
    case phoneForeign = "phone-foreign"
    case emailCase = "email-case"
    case emailSpaces = "email-spaces"
    // Close to a listed person but someone else: must not be found (`nein`).
    case otherHouseNumber = "other-house-number"
    case otherPostcode = "other-postcode"
    case otherFirstName = "other-first-name"
    case phoneDigit = "phone-digit"
    case otherEmail = "other-email"
    // Same surname and address, another first name: `nein`, grund `haushalt`.
    case household
    // Nobody on the lists.
    case unrelated
    // Unusable data: `pruefen` with the reason.
    case badPostcode = "bad-postcode"
    case badHouseNumber = "bad-house-number"
    case missingHouseNumber = "missing-house-number"
    case missingPostcode = "missing-postcode"
    case digitsInName = "digits-in-name"
    case bareLocalNumber = "bare-local-number"
    case badPhone = "bad-phone"
    case invalidEmail = "invalid-email"
    case noData = "no-data"
    case fieldCount = "field-count"

    /// The groups of the table; the raw value is printed.
    public enum Category: String, Sendable, CaseIterable {
        case variant, nearMiss = "near miss", household, unrelated, malformed
    }

    /// Which columns a row of the kind fills: name and address, phone, e-mail, all of them, or none.
    public enum Channel: Sendable { case postal, phone, email, all, none }

    /// The short name in the table and in `expected.csv`.
    public var name: String { rawValue }

    /// Variant, near miss, household, unrelated or malformed.
    public var category: Category {
        switch self {
        case .otherHouseNumber, .otherPostcode, .otherFirstName, .phoneDigit, .otherEmail: .nearMiss
        case .household: .household
        case .unrelated: .unrelated
        case .badPostcode, .badHouseNumber, .missingHouseNumber, .missingPostcode, .digitsInName, .bareLocalNumber,
            .badPhone, .invalidEmail, .noData, .fieldCount:
            .malformed
        default: .variant
        }
    }

    /// The marker the row must get.
    public var expectedMarker: RowMarker {
        switch category {
        case .variant: .ja
        case .nearMiss, .household, .unrelated: .nein
        case .malformed: .pruefen
        }
    }

    /// The `robinson_grund` the row must get: the deciding key for hits, `haushalt`
    /// for a household, empty for a plain `nein`, the reason for `pruefen`.
    public var expectedGrund: String {
        switch self {
        case .phoneticSurname, .phoneticFirstName: "phonetisch"
        case .phoneNational, .phoneSlash, .phoneParentheses, .phonePlus49, .phonePlus49Zero, .phone0049, .phoneMobile,
            .phoneForeign:
            "telefon"
        case .emailCase, .emailSpaces: "email"
        case .otherFirstName, .household: "haushalt"
        case .otherHouseNumber, .otherPostcode, .phoneDigit, .otherEmail, .unrelated: ""
        case .badPostcode: "plz-ungueltig"
        case .badHouseNumber: "hausnummer-ungueltig"
        case .missingHouseNumber, .missingPostcode: "adresse-unvollstaendig"
        case .digitsInName: "name-ungueltig"
        case .bareLocalNumber, .badPhone: "telefon-ungueltig"
        case .invalidEmail: "email-ungueltig"
        case .noData: "keine-pruefbaren-daten"
        case .fieldCount: "feldanzahl"
        default: "person"
        }
    }

    /// Which part of the row carries data.
    public var channel: Channel {
        switch self {
        case .phoneNational, .phoneSlash, .phoneParentheses, .phonePlus49, .phonePlus49Zero, .phone0049, .phoneMobile,
            .phoneForeign, .phoneDigit, .bareLocalNumber, .badPhone:
            .phone
        case .emailCase, .emailSpaces, .otherEmail, .invalidEmail: .email
        case .unrelated: .all
        case .noData: .none
        default: .postal
        }
    }

    /// Rows of this kind per 1 in the generator's schedule; unrelated rows are
    /// the bulk of a real file, malformed ones rare.
    var weight: Int {
        switch category {
        case .variant, .nearMiss, .household: 3
        case .unrelated: 12
        case .malformed: 1
        }
    }
}

/// The markers a row can get, as written into `robinson`.
public enum RowMarker: String, Sendable, CaseIterable {
    case ja, nein, pruefen
}
