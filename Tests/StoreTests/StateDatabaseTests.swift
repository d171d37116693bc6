import Foundation
import GRDB
@testable import Store
import Testing
import TestSupport

@Suite("State database")
struct StateDatabaseTests {
    static func temporaryPath() throws -> String {
        try TemporaryFolders.make("state") + "/state.sqlite"
    }

    @Test func migratesAndUsesWAL() throws {
        let path = try Self.temporaryPath()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let database = try StateDatabase(path: path)
        let mode = try database.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let tables = try database.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") }
        for table in ["auditEntry", "customer", "job", "jobStage", "outgoingMail", "usageRecord"] {
            #expect(tables.contains(table), "\(table)")
        }
        // Opening again migrates nothing twice.
        _ = try StateDatabase(path: path)
    }

    /// Jobs' e-mails of a database from before the shared mail queue keep their state and attempts.
    @Test func notificationsMoveIntoTheMailQueue() throws {
        let path = try Self.temporaryPath()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let old = try DatabasePool(path: path)
        try Migrations.migrator.migrate(old, upTo: "v3-collection")
        try old.write { db in
            try db.execute(sql: """
                INSERT INTO job (id, customerId, inputName, inputSize, inputDigest, claimedAt, state, finishedAt)
                VALUES ('20261123-080000-aaaaaa', 'K1001', 'a.csv', 1, 'x', '2026-11-23 08:00:00.000', 'done', '2026-11-23 08:01:00.000');
                INSERT INTO notification (jobId, recipient, messagePath, state, attempts, lastError, sentAt)
                VALUES ('20261123-080000-aaaaaa', 'dialog@nord.example', '/r/mail/sent/20261123-080000-aaaaaa.eml', 'sent', 2, NULL, '2026-11-23 08:02:00.000'),
                       ('20261123-090000-bbbbbb', NULL, '/r/mail/outgoing/20261123-090000-bbbbbb.eml', 'unknown', 1, 'x', NULL);
                """)
        }
        try old.close()
        let database = try StateDatabase(path: path)
        let mails = try database.read { try OutgoingMail.order(OutgoingMail.Columns.key).fetchAll($0) }
        #expect(mails.map(\.key) == ["job:20261123-080000-aaaaaa", "job:20261123-090000-bbbbbb"])
        #expect(mails.map(\.state) == [.sent, .unknown])
        #expect(mails.map(\.attempts) == [2, 1])
        #expect(mails.map(\.recipients) == ["dialog@nord.example", ""])
        #expect(mails.allSatisfy { $0.kind == .jobReady })
        #expect(mails[0].reference == "20261123-080000-aaaaaa" && mails[0].sentAt != nil)
        let tables = try database.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
        #expect(!tables.contains("notification"))
    }

    @Test func jobStagesAndUsageAreRecordedOnce() throws {
        let path = try Self.temporaryPath()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let database = try StateDatabase(path: path)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        try database.write { db in
            try Job(id: "j1", customerId: "K1", inputName: "a.csv", inputSize: 10, inputDigest: "d", claimedAt: now).insert(db)
            for _ in 0..<2 {
                try JobStage(jobId: "j1", stage: "decode", finishedAt: now).insert(db, onConflict: .ignore)
                try UsageRecord(jobId: "j1", customerId: "K1", month: "2027-01", rowsChecked: 5, hitsPost: 1, hitsTelefon: 0,
                                hitsMobil: 0, hitsFax: 0, hitsEmail: 0, recordedAt: now).insert(db, onConflict: .ignore)
            }
            try db.audit("claim", subject: "inbox/K1/a.csv", detail: "job j1", actor: "ops@host", at: now)
        }
        #expect(try database.read { try JobStage.fetchCount($0) } == 1)
        #expect(try database.read { try UsageRecord.fetchCount($0) } == 1)
        let audit = try database.read { try AuditEntry.fetchAll($0) }
        #expect(audit.map(\.action) == ["claim"] && audit[0].actor == "ops@host" && audit[0].id != nil)
        let job = try database.read { try Job.fetchOne($0, key: "j1") }
        #expect(job?.state == .running && job?.claimedAt == now)
    }

    @Test("states are stored as their raw values and found by typed column queries")
    func statesAreTyped() throws {
        let path = try Self.temporaryPath()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let database = try StateDatabase(path: path)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        try database.write { db in
            try Job(id: "j1", customerId: "K1", inputName: "a.csv", inputSize: 10, inputDigest: "d", claimedAt: now, state: .done).insert(db)
            try Job(id: "j2", customerId: "K1", inputName: "b.csv", inputSize: 10, inputDigest: "e", claimedAt: now).insert(db)
        }
        #expect(try database.read { try String.fetchAll($0, sql: "SELECT state FROM job ORDER BY id") } == ["done", "running"])
        #expect(try database.read { try Job.filter(Job.Columns.state == Job.State.done).fetchAll($0) }.map(\.id) == ["j1"])
    }

    @Test func customerListsAreSplit() {
        let customer = Customer(id: "K1", name: "X", notifyEmail: nil, lists: "post, telefon,,email", updatedAt: Date())
        #expect(customer.bookedLists == ["post", "telefon", "email"])
    }
}
