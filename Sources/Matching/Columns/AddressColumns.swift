/// Which column of a customer's file holds which part of an address, found
/// by header name (German and English synonyms, DESIGN §5).
public struct AddressColumns: Sendable, Codable, Equatable {
    public var firstName: Int?
    public var lastName: Int?
    /// A single column with the whole name ("Dr. Hans Müller", "Müller, Hans").
    public var fullName: Int?
    /// Street, possibly with the house number in it ("Hauptstr. 5a").
    public var street: Int?
    public var houseNumber: Int?
    public var postcode: Int?
    public var city: Int?
    public var phones: [Int] = []
    public var emails: [Int] = []

    public init() {}

    /// True when at least one channel can be checked: a name with an address,
    /// a phone number or an e-mail address.
    public var isUsable: Bool {
        hasPostal || !phones.isEmpty || !emails.isEmpty
    }

    public var hasPostal: Bool {
        (lastName != nil || fullName != nil) && street != nil && postcode != nil
    }

    /// The highest column index used; rows shorter than this lack data.
    public var highestIndex: Int {
        ([firstName, lastName, fullName, street, houseNumber, postcode, city].compactMap { $0 } + phones + emails).max() ?? -1
    }

    /// Two or more columns naming the same address part.
    public struct Conflict: Sendable, Equatable {
        /// The part in words ("postcode").
        public let part: String
        /// 0-based column positions, in order.
        public let columns: [Int]
    }

    /// Parts that several columns claim (`PLZ;PLZ`, two `Nachname`, `Straße`
    /// and `Anschrift`): which one to check cannot be known, so such a file is
    /// refused rather than read from the first. Phone and e-mail columns may
    /// repeat: each of them is checked.
    public static func conflicts(header: [String]) -> [Conflict] {
        var columns: [HeaderSynonyms.Role: [Int]] = [:]
        for (index, raw) in header.enumerated() {
            guard let role = HeaderSynonyms.role(of: TextFolding.fold(raw)), role.singlePart != nil else { continue }
            columns[role, default: []].append(index)
        }
        return columns.filter { $0.value.count > 1 }
            .map { Conflict(part: $0.key.singlePart!, columns: $0.value) }
            .sorted { $0.columns[0] < $1.columns[0] }
    }

    /// Maps header names to roles. The first column of a role wins; phone and
    /// e-mail columns may repeat (Telefon, Mobil, Fax …).
    public static func detect(header: [String]) -> AddressColumns {
        var columns = AddressColumns()
        var nameColumn: Int?
        for (index, raw) in header.enumerated() {
            let name = TextFolding.fold(raw)
            guard let role = HeaderSynonyms.role(of: name) else { continue }
            switch role {
            case .name: if nameColumn == nil { nameColumn = index }
            case .firstName: if columns.firstName == nil { columns.firstName = index }
            case .lastName: if columns.lastName == nil { columns.lastName = index }
            case .fullName: if columns.fullName == nil { columns.fullName = index }
            case .street: if columns.street == nil { columns.street = index }
            case .houseNumber: if columns.houseNumber == nil { columns.houseNumber = index }
            case .postcode: if columns.postcode == nil { columns.postcode = index }
            case .city: if columns.city == nil { columns.city = index }
            case .phone: columns.phones.append(index)
            case .email: columns.emails.append(index)
            }
        }
        // "Name" is the surname when a first-name column exists, else the whole name.
        if let nameColumn {
            if columns.firstName != nil, columns.lastName == nil {
                columns.lastName = nameColumn
            } else if columns.lastName == nil, columns.fullName == nil {
                columns.fullName = nameColumn
            }
        }
        return columns
    }
}
