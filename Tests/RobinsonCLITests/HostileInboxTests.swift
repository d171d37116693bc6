import Foundation
import Testing

@Suite("Hostile names, folders and faults from the command line", .serialized)
struct HostileInboxTests {
    @Test func unwritableStderrNeverCrashes() throws {
        let cli = try CLI()
        // Not initialized: the one-line error cannot be written.
        #expect(try cli.runWithFullStderr(["run"]) == 1)
        try cli.setUp()
        try cli.drop(CLI.fixture("bad/empty.csv"), customer: "K1001")
        // A rejected file: the problem line cannot be written; the exit code still says so.
        #expect(try cli.runWithFullStderr(["run", "-v"]) == 1)
        #expect(try cli.sql("SELECT state FROM job") == ["rejected"])
        try cli.drop(CLI.fixture("inbox/K1001/crm-export.csv"), customer: "K1001")
        #expect(try cli.runWithFullStderr(["run"], env: ["ROBINSON_FAULT": "after:claim"]) == 75)
    }
}
