import Foundation
import GRDB

/// One claimed input file and its way through the stages.
public struct Job: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public enum State: String, Codable, Sendable, CaseIterable { case running, done, rejected, failed, purged }

    public var id: String
    public var customerId: String
    public var inputName: String
    public var inputSize: Int64
    /// SHA-256 of the input's bytes as claimed; finds repeats of the same file.
    public var inputDigest: String
    public var claimedAt: Date
    public var state: State
    public var lastStage: String?
    public var rows: Int?
    public var hits: Int?
    public var unchecked: Int?
    public var indexVersion: String?
    public var outputPath: String?
    public var expiresAt: Date?
    public var repeatOf: String?
    /// The rejected job whose file (same customer, same name) this job processes again.
    public var retryOf: String?
    public var error: String?
    public var finishedAt: Date?
    public var purgedAt: Date?

    public init(id: String, customerId: String, inputName: String, inputSize: Int64, inputDigest: String,
                claimedAt: Date, state: State = .running) {
        self.id = id
        self.customerId = customerId
        self.inputName = inputName
        self.inputSize = inputSize
        self.inputDigest = inputDigest
        self.claimedAt = claimedAt
        self.state = state
    }
}

extension Job {
    /// The table's columns, for typed queries.
    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let customerId = Column(CodingKeys.customerId)
        public static let inputName = Column(CodingKeys.inputName)
        public static let inputSize = Column(CodingKeys.inputSize)
        public static let inputDigest = Column(CodingKeys.inputDigest)
        public static let claimedAt = Column(CodingKeys.claimedAt)
        public static let state = Column(CodingKeys.state)
        public static let lastStage = Column(CodingKeys.lastStage)
        public static let rows = Column(CodingKeys.rows)
        public static let hits = Column(CodingKeys.hits)
        public static let unchecked = Column(CodingKeys.unchecked)
        public static let indexVersion = Column(CodingKeys.indexVersion)
        public static let outputPath = Column(CodingKeys.outputPath)
        public static let expiresAt = Column(CodingKeys.expiresAt)
        public static let repeatOf = Column(CodingKeys.repeatOf)
        public static let retryOf = Column(CodingKeys.retryOf)
        public static let error = Column(CodingKeys.error)
        public static let finishedAt = Column(CodingKeys.finishedAt)
        public static let purgedAt = Column(CodingKeys.purgedAt)
    }
}

extension Job.State: DatabaseValueConvertible {}

/// A stage recorded as finished for a job; its presence is what makes a re-run skip it.
public struct JobStage: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public var jobId: String
    public var stage: String
    public var finishedAt: Date

    public init(jobId: String, stage: String, finishedAt: Date) {
        self.jobId = jobId
        self.stage = stage
        self.finishedAt = finishedAt
    }
}

extension JobStage {
    /// The table's columns, for typed queries.
    public enum Columns {
        public static let jobId = Column(CodingKeys.jobId)
        public static let stage = Column(CodingKeys.stage)
        public static let finishedAt = Column(CodingKeys.finishedAt)
    }
}
