import Foundation
import GRDB
import Logging
import MasterData
import Matching
import Pipeline
import Store
import Testing
import TestSupport

/// A fresh runtime root with customers and an index from `Fixtures/`.
final class PipelineFixture: @unchecked Sendable {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static func fixture(_ relative: String) -> String { packageRoot + "/Fixtures/" + relative }

    let root: RuntimeRoot
    var now: Date
    var settings: PipelineSettings

    init(buildIndex: Bool = true) throws {
        let path = try TemporaryFolders.make("robinson")
        root = RuntimeRoot(path: path)
        now = ISO8601DateFormatter().date(from: "2026-11-23T08:00:00Z")!
        settings = PipelineSettings()
        settings.sendmail = ""
        settings.workers = 2
        try root.create()
        try HashingKey.createIfAbsent(path: root.defaultKeyFile)
        _ = try StateDatabase(path: root.database)
        let masterData = MasterDataImport(database: try runtime().database, actor: "test@host", now: now)
        _ = try PlanImport(masterData).run(path: Self.fixture("plans.csv"))
        _ = try CustomerImport(masterData).run(path: Self.fixture("customers.csv"))
        for id in ["K1001", "K1002", "K1003", "K1004"] { try root.makeFolder(root.inbox + "/" + id) }
        if buildIndex {
            let runtime = try runtime()
            _ = try IndexBuilder(directory: runtime.indexDirectory, fingerprinter: try runtime.fingerprinter(), workers: 2)
                .build(deliveries: [Self.fixture("robinson-lists.csv")], force: false, now: now)
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: root.path) }

    func runtime() throws -> Runtime {
        let fixed = now
        return try Runtime.open(root: root, settings: settings, clock: { fixed }, actor: "test@host", logger: Logger(label: "test"))
    }

    /// Puts a file into the inbox with an mtime old enough to be settled.
    @discardableResult
    func drop(_ source: String, customer: String, as name: String? = nil, age: TimeInterval = 3600) throws -> String {
        let folder = root.inbox + "/" + customer
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let target = folder + "/" + (name ?? (source as NSString).lastPathComponent)
        try? FileManager.default.removeItem(atPath: target)
        try FileManager.default.copyItem(atPath: source, toPath: target)
        try setModified(target, now.addingTimeInterval(-age))
        return target
    }

    func write(_ bytes: [UInt8], customer: String, name: String, age: TimeInterval = 3600) throws -> String {
        let folder = root.inbox + "/" + customer
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let target = folder + "/" + name
        _ = FileManager.default.createFile(atPath: target, contents: Data(bytes))
        try setModified(target, now.addingTimeInterval(-age))
        return target
    }

    func setModified(_ path: String, _ date: Date) throws {
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: path)
    }

    func run() throws -> InboxRun.Report {
        try InboxRun(runtime: runtime()).run(wait: true)
    }

    /// Drops `bytes` as a file of customer K1001, runs the inbox, expects no problem
    /// and gives the file's job.
    func runGoodFile(_ bytes: [UInt8], name: String) throws -> Job {
        _ = try write(bytes, customer: "K1001", name: name)
        let report = try run()
        #expect(!report.hasFailures, "\(report.problemLines)")
        return try #require(try jobs().first)
    }

    func jobs() throws -> [Job] {
        try runtime().database.read { try Job.fetchAll($0) }.sorted { $0.claimedAt < $1.claimedAt || ($0.claimedAt == $1.claimedAt && $0.id < $1.id) }
    }

    func files(under folder: String) -> [String] {
        let base = root.path + "/" + folder
        let walker = FileManager.default.enumerator(atPath: base)
        var out: [String] = []
        while let next = walker?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + next, isDirectory: &isDirectory), !isDirectory.boolValue { out.append(next) }
        }
        return out.sorted()
    }

    func read(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }
}

extension InboxRun.Report {
    /// The `held …` lines among the lasting conditions (reported or not).
    var heldLines: [String] { conditions.map(\.message).filter { $0.hasPrefix("held ") } }
}
