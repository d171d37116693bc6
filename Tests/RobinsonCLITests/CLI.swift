import Foundation
import GRDB
import Store
import Testing
import TestSupport

/// Runs the built `robinson` binary as cron or ops would, in a fresh root.
final class CLI: @unchecked Sendable {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static var binary: String {
        ProcessInfo.processInfo.environment["ROBINSON_BIN"] ?? packageRoot + "/.build/debug/robinson"
    }
    static func fixture(_ relative: String) -> String { packageRoot + "/Fixtures/" + relative }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    let root: String
    var environment: [String: String]

    init() throws {
        root = try TemporaryFolders.make("robinson-cli")
        environment = [
            "ROBINSON_ROOT": root,
            "ROBINSON_NOW": "2026-11-23T08:00:00Z",
            "ROBINSON_NOTIFY_SENDMAIL": "",
            "PATH": "/usr/bin:/bin",
        ]
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    @discardableResult
    func run(_ arguments: [String], env extra: [String: String] = [:]) throws -> Result {
        let process = try start(arguments, env: extra)
        return finish(process)
    }

    /// Runs and expects exit code 0, returning stdout.
    @discardableResult
    func ok(_ arguments: [String], env extra: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try run(arguments, env: extra)
        #expect(result.status == 0, "robinson \(arguments.joined(separator: " ")): \(result.stderr)", sourceLocation: sourceLocation)
        return result.stdout
    }

    final class Running: @unchecked Sendable {
        let process: Process
        let out: Pipe
        let err: Pipe
        init(process: Process, out: Pipe, err: Pipe) {
            self.process = process
            self.out = out
            self.err = err
        }
    }

    func start(_ arguments: [String], env extra: [String: String] = [:]) throws -> Running {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        process.environment = environment.merging(extra) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return Running(process: process, out: out, err: err)
    }

    func finish(_ running: Running) -> Result {
        let stdout = running.out.fileHandleForReading.readDataToEndOfFile()
        let stderr = running.err.fileHandleForReading.readDataToEndOfFile()
        running.process.waitUntilExit()
        return Result(status: running.process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// init + plans, customers and mandates + index from the fixtures.
    func setUp() throws {
        try ok(["init"])
        try importMasterData()
        try ok(["index", "build", Self.fixture("robinson-lists.csv")])
    }

    /// Plans, customers and mandates from `Fixtures/`, in the order they depend on each other.
    func importMasterData() throws {
        try ok(["plans", "import", Self.fixture("plans.csv")])
        try ok(["customers", "import", Self.fixture("customers.csv")])
        try ok(["mandates", "import", Self.fixture("mandates.csv")])
    }

    /// Copies a file into the inbox, an hour old (settled).
    @discardableResult
    func drop(_ source: String, customer: String, as name: String? = nil) throws -> String {
        let folder = root + "/inbox/" + customer
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let target = folder + "/" + (name ?? (source as NSString).lastPathComponent)
        try FileManager.default.copyItem(atPath: source, toPath: target)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_763_880_000)], ofItemAtPath: target)
        return target
    }

    func files(under folder: String) -> [String] {
        let base = root + "/" + folder
        var out: [String] = []
        let walker = FileManager.default.enumerator(atPath: base)
        while let next = walker?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + next, isDirectory: &isDirectory), !isDirectory.boolValue { out.append(next) }
        }
        return out.sorted()
    }

    func read(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    /// Runs an SQL query against the state database, one string per row.
    func sql(_ query: String) throws -> [String] {
        let database = try StateDatabase(path: root + "/state/robinson.sqlite")
        return try database.read { db in
            try Row.fetchAll(db, sql: query).map { row in
                row.databaseValues.map { $0.isNull ? "" : "\($0.storage.value ?? "")" }.joined(separator: "|")
            }
        }
    }
}

extension CLI {
    /// Runs with stderr connected to `/dev/full`: every write to it fails with ENOSPC.
    func runWithFullStderr(_ arguments: [String], env extra: [String: String] = [:]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        process.environment = environment.merging(extra) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
