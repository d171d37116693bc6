import Foundation
import GRDB

/// A customer as the pipeline needs it: which lists they booked and where the
/// "your file is ready" e-mail goes. Billing extends this table later.
public struct Customer: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public enum Status: String, Codable, Sendable, CaseIterable { case active, suspended, terminated }
    /// How the annotated file is written: like the input, always plain, or always zstd.
    public enum OutputCompression: String, Codable, Sendable, CaseIterable { case asInput, none, zstd }

    public var id: String
    public var name: String
    public var notifyEmail: String?
    /// Booked lists, comma-separated list names (`post,telefon,…`).
    public var lists: String
    public var status: Status
    public var outputCompression: OutputCompression
    public var updatedAt: Date

    public init(id: String, name: String, notifyEmail: String?, lists: String, status: Status = .active,
                outputCompression: OutputCompression = .asInput, updatedAt: Date) {
        self.id = id
        self.name = name
        self.notifyEmail = notifyEmail
        self.lists = lists
        self.status = status
        self.outputCompression = outputCompression
        self.updatedAt = updatedAt
    }

    public var bookedLists: [String] {
        lists.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
