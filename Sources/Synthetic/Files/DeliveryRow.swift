/// One row of a Robinson list delivery (docs/formats.md, "Robinson list delivery format").
public struct DeliveryRow: Sendable, Hashable {
    public var list: String
    public var firstName = ""
    public var lastName = ""
    public var street = ""
    public var houseNumber = ""
    public var postcode = ""
    public var city = ""
    public var phone = ""
    public var email = ""

    public static let header = "liste;vorname;nachname;strasse;hausnummer;plz;ort;telefon;email"

    /// The row as a line of the delivery file (without terminator).
    public var line: String {
        CSVLine.join([list, firstName, lastName, street, houseNumber, postcode, city, phone, email])
    }

    /// The person on the postal list, canonical spelling.
    public static func post(_ person: Person) -> DeliveryRow {
        DeliveryRow(
            list: "post", firstName: person.firstName, lastName: person.lastName, street: person.street.canonical,
            houseNumber: person.houseNumber.canonical, postcode: person.place.postcode, city: person.place.city
        )
    }

    /// The person's number on the phone list `list` (`telefon`, `mobil`, `fax`), in E.164.
    public static func phone(_ person: Person, list: String) -> DeliveryRow {
        DeliveryRow(list: list, phone: person.phone.e164)
    }

    public static func email(_ person: Person) -> DeliveryRow {
        DeliveryRow(list: "email", email: person.email)
    }
}
