/// One fingerprint a row is looked up with.
public struct ProbeKey: Sendable, Equatable {
    public var kind: KeyKind
    public var fingerprint: UInt64
    public init(kind: KeyKind, fingerprint: UInt64) {
        self.kind = kind
        self.fingerprint = fingerprint
    }
}

/// The state of one contact channel of a row: no data, usable, or unusable and why.
public enum ChannelState: Sendable, Equatable {
    case absent
    case usable
    case invalid(Reason)
}

/// Everything the match stage needs to know about a row: its keys and what
/// could not be keyed. Contains no clear data, only fingerprints.
public struct RowProbe: Sendable, Equatable {
    public var keys: [ProbeKey] = []
    public var postal: ChannelState = .absent
    public var phone: ChannelState = .absent
    public var email: ChannelState = .absent
    /// Set when the row as a whole cannot be trusted (wrong field count, unreadable bytes).
    public var rowProblem: Reason?
    public var hasFirstName = false
    /// A blank line: passed through without markers.
    public var isBlank = false

    public init() {}
}
