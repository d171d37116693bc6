import GRDB

/// A service month whose register (`rechnungsausgangsbuch-YYYY-MM.csv`) must
/// be written again: marked in the transaction that changes one of its
/// invoices, removed once the file is written. A crash in between leaves the
/// mark, and the next billing command writes the file.
public struct PendingRegister: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public var month: String

    public init(month: String) { self.month = month }

    /// Marks `month` inside the caller's transaction.
    public static func mark(_ month: String, in db: Database) throws {
        try PendingRegister(month: month).insert(db, onConflict: .ignore)
    }
}
