/// What an import did, by record id.
public struct ImportReport: Sendable, Equatable {
    public var inserted: [String] = []
    public var updated: [String] = []
    public var unchanged: [String] = []

    public init() {}

    /// `3 new, 1 updated, 0 unchanged`.
    public var summary: String { "\(inserted.count) new, \(updated.count) updated, \(unchanged.count) unchanged" }
}
