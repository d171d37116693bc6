/// One row of the evaluation's address file. A variant may fill the whole-name
/// column instead of first and last name, or put the house number into the street.
public struct InputRow: Sendable, Hashable {
    public var firstName = ""
    public var lastName = ""
    public var fullName = ""
    public var street = ""
    public var houseNumber = ""
    public var postcode = ""
    public var city = ""
    public var phone = ""
    public var email = ""
    /// Fields beyond the header's (a ragged row).
    public var extraFields: [String] = []

    public init() {}

    /// The header; `Vollständiger Name` is the whole-name column when first and last name columns exist.
    public static let header = "id;vorname;nachname;vollständiger name;strasse;hausnummer;plz;ort;telefon;email"

    /// The row as a line of the evaluation file (without terminator), `id` first.
    public func line(id: Int) -> String {
        CSVLine.join(
            [String(id), firstName, lastName, fullName, street, houseNumber, postcode, city, phone, email] + extraFields
        )
    }
}
