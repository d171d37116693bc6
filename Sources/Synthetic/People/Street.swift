/// The street types whose abbreviations the matcher must undo.
public enum StreetType: Sendable, Hashable, CaseIterable {
    case strasse, platz, chaussee

    /// How the delivery writes the type as a word of its own.
    var word: String {
        switch self {
        case .strasse: "Straße"
        case .platz: "Platz"
        case .chaussee: "Chaussee"
        }
    }

    /// Other ways address files write it.
    var otherSpellings: [String] {
        switch self {
        case .strasse: ["Str.", "Strasse", "Str", "str.", "str", "strasse", "STR.", "Strase"]
        case .platz: ["Pl.", "Pl", "Platz"]
        case .chaussee: ["Ch.", "Chaus.", "Chaussee"]
        }
    }
}

/// A street, kept in parts so that its spelling can be varied.
public enum Street: Sendable, Hashable {
    /// Stem and type in one word: `Hauptstraße`, `Marktplatz`.
    case compound(stem: String, type: StreetType)
    /// A person's name, hyphenated, with the type: `Karl-Marx-Straße`, `Willy-Brandt-Platz`.
    case named(words: [String], type: StreetType)
    /// An adjective before the type as a word: `Berliner Straße`, `Frankfurter Chaussee`.
    case adjective(String, type: StreetType)
    /// The type first: `Straße des 17. Juni`, `Platz der Republik`.
    case leading(type: StreetType, rest: String)
    /// No type suffix at all: `Am Anger`, `Lindenallee`.
    case plain(String)

    /// As the delivery spells it.
    public var canonical: String {
        switch self {
        case .compound(let stem, let type): stem + type.word.lowercased()
        case .named(let words, let type): (words + [type.word]).joined(separator: "-")
        case .adjective(let word, let type): word + " " + type.word
        case .leading(let type, let rest): type.word + " " + rest
        case .plain(let text): text
        }
    }

    public var type: StreetType? {
        switch self {
        case .compound(_, let type), .named(_, let type), .adjective(_, let type), .leading(let type, _): type
        case .plain: nil
        }
    }
}
