import Foundation
import Testing

@Suite("Crashes and concurrent runs", .serialized)
struct CrashTests {
    static let points = ["claim", "decode", "key", "match", "emit", "notify", "meter"].flatMap { ["after:\($0)", "before-record:\($0)"] }
        .filter { $0 != "before-record:claim" }

    /// The annotated files of an undisturbed run.
    static func reference() throws -> [String: Data] {
        let cli = try CLI()
        try cli.setUp()
        try cli.drop(CLI.fixture("inbox/K1001/kunden-excel.csv"), customer: "K1001")
        try cli.ok(["run"])
        return try outputs(cli)
    }

    static func outputs(_ cli: CLI) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for file in cli.files(under: "outbox") where file.hasSuffix("_robinson.csv") {
            result[(file as NSString).lastPathComponent] = try cli.read(cli.root + "/outbox/" + file)
        }
        return result
    }

    @Test(arguments: points)
    func crashThenRerunGivesTheSameResultOnce(_ point: String) throws {
        let expected = try Self.reference()
        let cli = try CLI()
        try cli.setUp()
        try cli.drop(CLI.fixture("inbox/K1001/kunden-excel.csv"), customer: "K1001")
        let crashed = try cli.run(["run"], env: ["ROBINSON_FAULT": point])
        #expect(crashed.status == 75, "\(point): \(crashed.stderr)")
        let rerun = try cli.run(["run"])
        #expect(rerun.status == 0, "\(point): \(rerun.stderr)")
        #expect(try Self.outputs(cli) == expected, "\(point)")
        #expect(try cli.sql("SELECT count(*), min(state) FROM job") == ["1|done"], "\(point)")
        #expect(try cli.sql("SELECT count(*) FROM usageRecord") == ["1"], "\(point)")
        #expect(try cli.sql("SELECT count(*) FROM outgoingMail") == ["1"], "\(point)")
        #expect(cli.files(under: "mail/outgoing").filter { $0.hasSuffix(".eml") }.count == 1, "\(point)")
        #expect(cli.files(under: "outbox").allSatisfy { !$0.contains(".tmp") }, "\(point)")
        #expect(cli.files(under: "inbox").isEmpty, "\(point)")
    }

    @Test func twoRunsAtOnceProcessEveryFileExactlyOnce() throws {
        let cli = try CLI()
        try cli.setUp()
        for i in 0..<6 {
            try cli.drop(CLI.fixture("inbox/K1001/crm-export.csv"), customer: "K1001", as: "datei-\(i).csv")
            try cli.drop(CLI.fixture("inbox/K1003/newsletter.csv.zst"), customer: "K1003", as: "news-\(i).csv.zst")
        }
        let first = try cli.start(["run", "--wait"])
        let second = try cli.start(["run", "--wait"])
        let a = cli.finish(first), b = cli.finish(second)
        #expect(a.status == 0 && b.status == 0, "\(a.stderr) \(b.stderr)")
        #expect(try cli.sql("SELECT count(*), count(DISTINCT inputName) FROM job") == ["12|12"])
        #expect(try cli.sql("SELECT count(*) FROM usageRecord") == ["12"])
        #expect(cli.files(under: "outbox").filter { $0.contains("_robinson.csv") }.count == 12)
    }

    @Test func aSecondRunWithoutWaitLeavesQuietly() throws {
        let cli = try CLI()
        try cli.setUp()
        // Hold the lock the way a long run would.
        let lockPath = cli.root + "/state/run.lock"
        let fd = open(lockPath, O_RDWR | O_CREAT, 0o600)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX) == 0)
        try cli.drop(CLI.fixture("inbox/K1001/crm-export.csv"), customer: "K1001")
        let result = try cli.run(["run"])
        #expect(result.status == 0 && result.stderr.isEmpty)
        #expect(cli.files(under: "inbox").count == 1)
        flock(fd, LOCK_UN)
        try cli.ok(["run"])
        #expect(cli.files(under: "inbox").isEmpty)
    }
}
