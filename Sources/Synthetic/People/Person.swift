/// An invented consumer with every field in the delivery's canonical spelling.
public struct Person: Sendable, Hashable {
    public var gender: Gender
    public var firstName: String
    /// `von`, `van der` …; nil for most people.
    public var particle: String?
    /// The surname without its particle: `Bülow`, `Müller-Lüdenscheidt`.
    public var surname: String
    public var street: Street
    public var houseNumber: HouseNumber
    public var place: Place
    public var phone: PhoneNumber
    public var email: String

    /// The surname as the delivery writes it, with its particle: `von Bülow`.
    public var lastName: String {
        particle.map { $0 + " " + surname } ?? surname
    }

    /// Identifies the postal address (street, number, postcode): no two listed people share one,
    /// so every near miss and household row has one unambiguous expectation.
    var addressKey: String {
        street.canonical + "|" + houseNumber.canonical + "|" + place.postcode
    }
}
