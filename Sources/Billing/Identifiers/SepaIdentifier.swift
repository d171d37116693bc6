/// Why a text cannot be a SEPA identifier (MsgId, PmtInfId, EndToEndId, MndtId).
public enum SepaIdentifierError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Empty.
    case empty
    /// Longer than 35 characters (`actual`).
    case tooLong(actual: Int)
    /// A character outside the SEPA character set.
    case invalidCharacter(Character)
    /// Starts or ends with `/` (EPC clarification paper on the slash).
    case slashAtEdge
    /// Contains `//` (EPC clarification paper on the slash).
    case doubleSlash

    public var description: String {
        let rule = "SEPA references have 1–35 characters from A–Z a–z 0–9 and space + ? / - : ( ) . , '"
        switch self {
        case .empty: return "The reference is empty. " + rule + "."
        case .tooLong(let actual): return "The reference has \(actual) characters. " + rule + "."
        case .invalidCharacter(let character): return "The reference contains \"\(character)\". " + rule + "."
        case .slashAtEdge: return "The reference starts or ends with \"/\", which banks reject. " + rule + "."
        case .doubleSlash: return "The reference contains \"//\", which banks reject. " + rule + "."
        }
    }
}

/// A SEPA identifier: 1–35 characters of the SEPA character set, not
/// starting or ending with `/` and without `//`. Case is kept: banks compare
/// references character by character.
public struct SepaIdentifier: Sendable, Hashable, CustomStringConvertible {
    /// The identifier as given.
    public let value: String

    /// Validates `text` as it is (no trimming: a blank is part of a reference).
    public init(_ text: String) throws(SepaIdentifierError) {
        guard !text.isEmpty else { throw .empty }
        guard text.count <= 35 else { throw .tooLong(actual: text.count) }
        if let bad = text.first(where: { !SepaCharacterSet.contains($0) }) { throw .invalidCharacter(bad) }
        guard !text.hasPrefix("/"), !text.hasSuffix("/") else { throw .slashAtEdge }
        guard !text.contains("//") else { throw .doubleSlash }
        value = text
    }

    public var description: String { value }
}

/// The reference of a SEPA direct debit mandate (MndtId, BT-89), unique per
/// creditor; the rules are those of every SEPA identifier.
public struct MandateReference: Sendable, Hashable, CustomStringConvertible {
    /// The reference as given.
    public let value: String

    /// Validates `text` (see ``SepaIdentifier``).
    public init(_ text: String) throws(SepaIdentifierError) {
        value = try SepaIdentifier(text).value
    }

    public var description: String { value }
}
