/// The marker written into a row.
public enum Marker: UInt8, Sendable, Codable {
    case nein = 0, ja, pruefen, blank

    public var text: String {
        switch self {
        case .nein: "nein"
        case .ja: "ja"
        case .pruefen: "pruefen"
        case .blank: ""
        }
    }
}

/// The result for one row: marker, the lists it was found on, and the key
/// kinds that decided (or the reason it could not be checked).
public struct Verdict: Sendable, Equatable {
    public var marker: Marker
    public var lists: ListSet
    /// Bit i set: `KeyKind(rawValue: i)` decided.
    public var kinds: UInt8
    public var reason: Reason?

    public init(marker: Marker, lists: ListSet = [], kinds: UInt8 = 0, reason: Reason? = nil) {
        self.marker = marker
        self.lists = lists
        self.kinds = kinds
        self.reason = reason
    }

    /// `robinson_grund`: the deciding kinds (`person,telefon`), `haushalt`, or a reason.
    public var grund: String {
        if let reason { return reason.grund }
        return VerdictPolicy.priority.filter { kinds & (1 << $0.rawValue) != 0 }.map(\.grund).joined(separator: ",")
    }
}
