import Foundation
import GRDB

/// What one finished job used; billing reads these per customer and month.
public struct UsageRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public var jobId: String
    public var customerId: String
    /// Service month `YYYY-MM` in Europe/Berlin.
    public var month: String
    public var rowsChecked: Int
    public var hitsPost: Int
    public var hitsTelefon: Int
    public var hitsMobil: Int
    public var hitsFax: Int
    public var hitsEmail: Int
    public var recordedAt: Date

    public init(jobId: String, customerId: String, month: String, rowsChecked: Int, hitsPost: Int,
                hitsTelefon: Int, hitsMobil: Int, hitsFax: Int, hitsEmail: Int, recordedAt: Date) {
        self.jobId = jobId
        self.customerId = customerId
        self.month = month
        self.rowsChecked = rowsChecked
        self.hitsPost = hitsPost
        self.hitsTelefon = hitsTelefon
        self.hitsMobil = hitsMobil
        self.hitsFax = hitsFax
        self.hitsEmail = hitsEmail
        self.recordedAt = recordedAt
    }
}

extension UsageRecord {
    /// The table's columns, for typed queries.
    public enum Columns {
        public static let jobId = Column(CodingKeys.jobId)
        public static let customerId = Column(CodingKeys.customerId)
        public static let month = Column(CodingKeys.month)
        public static let rowsChecked = Column(CodingKeys.rowsChecked)
        public static let hitsPost = Column(CodingKeys.hitsPost)
        public static let hitsTelefon = Column(CodingKeys.hitsTelefon)
        public static let hitsMobil = Column(CodingKeys.hitsMobil)
        public static let hitsFax = Column(CodingKeys.hitsFax)
        public static let hitsEmail = Column(CodingKeys.hitsEmail)
        public static let recordedAt = Column(CodingKeys.recordedAt)
    }
}
