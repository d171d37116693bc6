/// The kinds of match key (DESIGN §5). The kind is part of the hashed string,
/// so fingerprints of different kinds never collide by construction.
public enum KeyKind: UInt8, CaseIterable, Sendable, Codable {
    case person = 1, household, phonetic, phone, email

    /// Prefix inside the hashed key string.
    var prefix: String {
        switch self {
        case .person: "person"
        case .household: "household"
        case .phonetic: "phonetic"
        case .phone: "phone"
        case .email: "email"
        }
    }

    /// `prefix` as bytes, for building key strings without a `String`.
    var prefixBytes: [UInt8] { Array(prefix.utf8) }

    /// The value written to `robinson_grund` when this kind decided.
    public var grund: String {
        switch self {
        case .person: "person"
        case .household: "haushalt"
        case .phonetic: "phonetisch"
        case .phone: "telefon"
        case .email: "email"
        }
    }

    /// The configuration name (`person`, `household`, `phonetic`, `phone`, `email`).
    public var name: String { prefix }

    public init?(name: String) {
        guard let kind = Self.allCases.first(where: { $0.prefix == name }) else { return nil }
        self = kind
    }

    /// Which lists a key of this kind can be found on.
    public var lists: ListSet {
        switch self {
        case .person, .household, .phonetic: ListSet(.post)
        case .phone: .phoneLists
        case .email: ListSet(.email)
        }
    }
}
