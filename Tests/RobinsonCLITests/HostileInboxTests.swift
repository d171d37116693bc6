import Foundation
import Testing

@Suite("Hostile names, folders and faults from the command line", .serialized)
struct HostileInboxTests {
    @Test func unwritableStderrNeverCrashes() throws {
        let cli = try CLI()
        // Not initialized: the one-line error cannot be written; the exit status is the one it would have been.
        let expected = try cli.run(["run"]).status
        #expect(expected != 0 && expected < 128)
        #expect(try cli.runWithFullStderr(["run"]) == expected)
        try cli.setUp()
        try cli.drop(CLI.fixture("bad/empty.csv"), customer: "K1001")
        // A rejected file: the problem line cannot be written; the exit code still says so.
        #expect(try cli.runWithFullStderr(["run", "-v"]) == 1)
        #expect(try cli.sql("SELECT state FROM job") == ["rejected"])
        try cli.drop(CLI.fixture("inbox/K1001/crm-export.csv"), customer: "K1001")
        #expect(try cli.runWithFullStderr(["run"], env: ["ROBINSON_FAULT": "after:claim"]) == 75)
    }

    /// A writer that keeps its file open appends after the claim: the job is refused, not `done` with half the rows.
    @Test func aFileThatChangesAfterTheClaimIsRefused() throws {
        let cli = try CLI()
        try cli.setUp()
        try cli.drop(CLI.fixture("inbox/K1001/crm-export.csv"), customer: "K1001")
        #expect(try cli.run(["run"], env: ["ROBINSON_FAULT": "after:claim"]).status == 75)
        let input = try #require(cli.files(under: "work").first { $0.hasSuffix("/input/crm-export.csv") })
        let handle = try #require(FileHandle(forWritingAtPath: cli.root + "/work/" + input))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("Nachzügler;Zeile;Weg 1;10115;\n".utf8))
        try handle.close()
        let rerun = try cli.run(["run"])
        #expect(rerun.status == 1)
        #expect(rerun.stderr.contains("changed after it was claimed"), "\(rerun.stderr)")
        #expect(try cli.sql("SELECT state FROM job") == ["rejected"])
        #expect(cli.files(under: "outbox").isEmpty)
        #expect(try cli.sql("SELECT count(*) FROM usageRecord") == ["0"])
        #expect(cli.files(under: "mail").isEmpty)
    }

    /// A run that dies between moving a rejected file and recording it: the next run finishes the rejection.
    @Test func aCrashWhileRejectingIsFinishedByTheNextRun() throws {
        let cli = try CLI()
        try cli.setUp()
        try cli.drop(CLI.fixture("bad/ragged.csv"), customer: "K1001")
        #expect(try cli.run(["run"], env: ["ROBINSON_FAULT": "after:reject-move"]).status == 75)
        let rerun = try cli.run(["run"])
        #expect(rerun.stderr.contains("rejected inbox/K1001/ragged.csv"), "\(rerun.stderr)")
        #expect(try cli.sql("SELECT state FROM job") == ["rejected"])
        let job = try #require(try cli.sql("SELECT id FROM job").first)
        #expect(cli.files(under: "rejected") == ["K1001/\(job)/ragged.csv", "K1001/\(job)/ragged.csv.error.txt"])
        #expect(cli.files(under: "work").isEmpty)
        let last = try cli.run(["run"])
        #expect(last.status == 0 && last.stderr.isEmpty, "finished: \(last.stderr)")
    }

    /// `status` and `audit` cannot be forged by a file name.
    @Test func statusAndAuditShowNamesEscaped() throws {
        let cli = try CLI()
        try cli.setUp()
        try cli.drop(CLI.fixture("inbox/K1001/crm-export.csv"), customer: "K1001", as: "Liste\nBcc: x@example.org\n\u{1B}[2JText.csv")
        let run = try cli.run(["run"])
        #expect(run.status == 1)
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        for output in [run.stderr, try cli.ok(["status"]), try cli.ok(["audit"])] {
            #expect(output.contains(#"Liste\nBcc: x@example.org\n\x1B[2JText.csv"#), "\(output)")
            #expect(!output.contains("\nBcc:") && !output.contains("\u{1B}"), "\(output)")
        }
    }

    /// The sender is a header too: a value that is no plain address is refused before anything runs.
    @Test func aSenderThatIsNoAddressIsRefused() throws {
        let cli = try CLI()
        try cli.setUp()
        for bad in ["robinson@example.org\nBcc: x@example.org", "kein Absender"] {
            let result = try cli.run(["run"], env: ["ROBINSON_NOTIFY_FROM": bad])
            #expect(result.status == 78 && result.stderr.contains("notify.from"), "\(result.stderr)")
        }
        try cli.ok(["run"], env: ["ROBINSON_NOTIFY_FROM": "Abgleich <abgleich@example.org>"])
    }
}
