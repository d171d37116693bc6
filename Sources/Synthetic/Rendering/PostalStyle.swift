/// How a person's name and address are written into an input row; the
/// default writes them exactly as the delivery does.
struct PostalStyle {
    enum NameLayout: Equatable { case columns, full, fullComma }
    enum ParticlePlacement { case keep, drop, afterFirstName, add(String) }
    enum StreetJoin { case canonical, spaces, hyphens, glued }
    enum House: Equatable {
        case canonical, letterSpaced, letterUpper, letterSpacedUpper, rangeSlash, rangeSpaced, rangeDash, addition(String)
    }

    var layout = NameLayout.columns
    /// `Herr`, `Frau`, `Hr.` before the name.
    var salutation: String?
    /// `Dr.`, `Prof. Dr.`, `Dipl.-Ing.` … before the first name (or the surname).
    var title: String?
    var titleWithSurname = false
    /// `Dr.Hans`: no blank between a one-word title and the name after it.
    var titleGlued = false
    /// `Hans Peter` for `Hans-Peter`.
    var firstNameHyphenAsBlank = false
    var particle = ParticlePlacement.keep
    var nameSpelling = Spelling.asIs
    var firstNameOverride: String?
    var surnameOverride: String?
    /// How the parts of a double name are joined: `Müller Lüdenscheidt` (own surname
    /// column only), `Müller - Lüdenscheidt`, `Müller- Lüdenscheidt`; nil: with the hyphen.
    var doubleNameSeparator: String?
    /// The particle abbreviated: `v.` for `von`, `v.d.` for `von der`.
    var particleAbbreviation: String?
    /// How the street type is written (`Str.`, `Pl.`, `Ch.` …); nil: as the delivery.
    var streetType: String?
    var streetJoin = StreetJoin.canonical
    var streetSpelling = Spelling.asIs
    var streetDoubleSpaces = false
    var house = House.canonical
    /// The house number at the end of the street column, its own column empty.
    var houseInStreet = false
    /// What stands between street and number in the street column: ` ` (`Hauptstr. 5a`),
    /// `` (`Hauptstr.5a`, only after a dot), `, ` (`Hauptstr., 5a`), ` Nr. ` (`Hauptstr. Nr. 5a`).
    var houseSeparator = " "
    var postcodeWithoutZero = false
    /// `D-`, `DE-` before the postcode.
    var postcodePrefix = ""
}

/// Titles and salutations as address files write them.
enum NameAffixes {
    static let titles = [
        "Dr.", "Prof.", "Dr. med.", "Dipl.-Ing.", "Prof. Dr.", "Dr.-Ing.", "Dr. rer. nat.", "Dipl.-Kfm.", "Dr. med. dent.",
        "Prof. Dr. med.",
    ]

    static func salutations(_ gender: Gender) -> [String] {
        gender == .female ? ["Frau", "Frau", "Fr."] : ["Herr", "Herr", "Hr.", "Herrn"]
    }

    /// Flat and delivery details after a house number.
    static let houseAdditions = [" // Whg. 3", " Whg. 12", " // 2. OG", " // App. 4", " // Hinterhaus", ", 3. OG links", " Whg 7"]
}
