import Foundation
import GRDB
import Matching
import Pipeline
import Store
import Testing

/// No usable index, or one older than matching.maxIndexAgeDays: files wait in
/// the inbox (never matched against an old list, never rejected for it), and
/// ops hear about it once, then once a day.
@Suite("stale or missing index holds files; lasting conditions reported once a day")
struct IndexGuardTests {
    static let day: TimeInterval = 86_400

    func buildIndex(_ f: PipelineFixture) throws {
        let runtime = try f.runtime()
        _ = try IndexBuilder(directory: runtime.indexDirectory, fingerprinter: try runtime.fingerprinter(), workers: 2)
            .build(deliveries: [PipelineFixture.fixture("robinson-lists.csv")], force: false, now: f.now)
    }

    @Test func withoutAnIndexFilesAreHeldNotRejected() throws {
        let f = try PipelineFixture(buildIndex: false)
        let path = try f.drop(PipelineFixture.fixture("inbox/K1001/crm-export.csv"), customer: "K1001")
        let first = try f.run()
        #expect(first.problemLines.count == 1 && first.problemLines[0].contains("no Robinson index") && first.problemLines[0].contains("1 file waiting"),
                "\(first.problemLines)")
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try f.jobs().isEmpty && f.files(under: "rejected").isEmpty)

        // The next runs say nothing until a day has passed.
        f.now += 300
        #expect(try f.run().problemLines.isEmpty)
        f.now += Self.day
        #expect(try f.run().problemLines.count == 1, "reminded once a day")

        try buildIndex(f)
        let processed = try f.run()
        #expect(processed.problemLines.isEmpty)
        #expect(try f.jobs().map(\.state) == [.done])
        #expect(try f.runtime().database.lastingConditions().isEmpty, "the condition ended with the new index")
    }

    @Test func aStaleIndexHoldsFilesAndAnAgingOneWarns() throws {
        let f = try PipelineFixture()
        // Nine days after the build: matched, with a warning once.
        f.now += 9 * Self.day
        try f.drop(PipelineFixture.fixture("inbox/K1001/crm-export.csv"), customer: "K1001")
        let aging = try f.run()
        #expect(aging.problemLines.count == 1 && aging.problemLines[0].contains("is 9 days old"), "\(aging.problemLines)")
        #expect(try f.jobs().map(\.state) == [.done])

        // Fifteen days: held, with the reason.
        f.now += 6 * Self.day
        let path = try f.drop(PipelineFixture.fixture("inbox/K1001/crm-export.csv"), customer: "K1001", as: "zweite.csv")
        let stale = try f.run()
        #expect(stale.problemLines.count == 1 && stale.problemLines[0].contains("15 days old")
                && stale.problemLines[0].contains("matching.maxIndexAgeDays"), "\(stale.problemLines)")
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try f.jobs().count == 1)
        let (index, inbox) = try JobListing(runtime: f.runtime()).inbox()
        #expect(index.state == .stale && inbox.map(\.state) == [.held])

        // A longer limit in the configuration lets it through.
        f.settings.maxIndexAgeDays = 30
        #expect(try f.run().problemLines.isEmpty == false, "still aging: one warning, a new condition")
        #expect(try f.jobs().count == 2)
    }

    @Test func aJobInterruptedBeforeMatchingWaitsForAUsableIndex() throws {
        let f = try PipelineFixture()
        try f.drop(PipelineFixture.fixture("inbox/K1001/crm-export.csv"), customer: "K1001")
        // Claimed and decoded, then the process died; the index turns stale meanwhile.
        let runtime = try f.runtime()
        try runtime.database.write { db in
            var job = Job(id: "20261123-080000-000001", customerId: "K1001", inputName: "crm-export.csv", inputSize: 1,
                          inputDigest: "x", claimedAt: f.now)
            job.lastStage = Stage.claim.rawValue
            try job.insert(db)
        }
        let folder = JobFolder(work: f.root.work, jobId: "20261123-080000-000001")
        try f.root.makeFolder(folder.inputFolder)
        try FileManager.default.moveItem(atPath: f.root.inbox + "/K1001/crm-export.csv", toPath: folder.input(named: "crm-export.csv"))
        f.now += 20 * Self.day
        _ = try f.run()
        #expect(try f.jobs().first?.state == .running && f.jobs().first?.indexVersion == nil, "not matched against the old index")
    }

    @Test func conditionsAreReportedWhenTheyStartThenDaily() throws {
        let f = try PipelineFixture()
        let database = try f.runtime().database
        let held = Condition(key: "held:a", message: "held a")
        let mail = Condition(key: "mail:b", message: "mail b")
        let t0 = f.now
        #expect(try database.conditionsToReport(scope: "run", holding: [held], now: t0) == [held])
        #expect(try database.conditionsToReport(scope: "run", holding: [held, mail], now: t0 + 300) == [mail])
        #expect(try database.conditionsToReport(scope: "run", holding: [held, mail], now: t0 + Self.day - 1).isEmpty)
        #expect(try database.conditionsToReport(scope: "run", holding: [held, mail], now: t0 + Self.day) == [held])
        // Gone and back: reported again at once. Another scope is separate.
        #expect(try database.conditionsToReport(scope: "run", holding: [mail], now: t0 + Self.day + 60).isEmpty)
        #expect(try database.conditionsToReport(scope: "run", holding: [held, mail], now: t0 + Self.day + 120) == [held])
        #expect(try database.conditionsToReport(scope: "check", holding: [held], now: t0 + Self.day + 180) == [held])
        #expect(try database.lastingConditions().count == 3)
    }
}
