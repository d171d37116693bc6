import Foundation
import Testing

/// A lost, emptied or outdated state database must never re-issue invoices or
/// overwrite issued documents; `check` says whether a root can work; a killed
/// billing command leaves no temporary file behind for long.
@Suite("lost state, issued documents, check", .serialized)
struct StateSafetyTests {
    static let october = ["ROBINSON_NOW": "2026-10-15T10:00:00+02:00"]
    static let billingDay = ["ROBINSON_NOW": "2026-11-02T08:00:00+01:00"]

    /// Fixtures imported, a file matched in October, the month billed.
    func billedRoot() throws -> CLI {
        let cli = try CLI()
        cli.environment["ROBINSON_CONFIG"] = CLI.fixture("config.yaml")
        cli.environment["ROBINSON_INBOX_SETTLE_SECONDS"] = "0"
        try cli.ok(["init"])
        try cli.importMasterData()
        try cli.ok(["index", "build", CLI.fixture("robinson-lists.csv")], env: Self.october)
        try cli.drop(CLI.fixture("inbox/K1001/kunden-excel.csv"), customer: "K1001")
        try cli.ok(["run"], env: Self.october)
        try cli.ok(["bill", "--period", "2026-10"], env: Self.billingDay)
        return cli
    }

    var database: String { "/state/robinson.sqlite" }

    @Test func aMissingOrEmptyDatabaseInAUsedRootIsRefusedWithoutInitAdvice() throws {
        let cli = try billedRoot()
        let path = cli.root + database
        let backup = cli.root + "/backup.sqlite"
        // A backup as ops take it: the database file after a checkpoint (no -wal beside it).
        try cli.ok(["status"])
        try FileManager.default.copyItem(atPath: path, toPath: backup)
        try? FileManager.default.copyItem(atPath: path + "-wal", toPath: backup + "-wal")
        let documents = cli.files(under: "billing")

        for damage in ["deleted", "emptied"] {
            try? FileManager.default.removeItem(atPath: path + "-wal")
            try? FileManager.default.removeItem(atPath: path + "-shm")
            if damage == "deleted" {
                try FileManager.default.removeItem(atPath: path)
            } else {
                try Data().write(to: URL(fileURLWithPath: path))
            }
            for arguments in [["run"], ["bill", "--period", "2026-10"], ["status"], ["init"]] {
                let result = try cli.run(arguments, env: Self.billingDay)
                #expect(result.status == 78, "\(damage), \(arguments): \(result.stderr)")
                #expect(result.stderr.contains("the state database") && result.stderr.contains(damage == "deleted" ? "is missing" : "is empty"))
                #expect(result.stderr.contains("Restore the database") && result.stderr.contains("docs/operations.md"))
                #expect(!result.stderr.contains("init"), "init is never the advice: \(result.stderr)")
                ExitStatusTests.expectOneLine(result)
            }
            #expect(cli.files(under: "billing") == documents, "nothing written")
            #expect((try? Data(contentsOf: URL(fileURLWithPath: path)))?.count ?? 0 == 0, "no new database created")
        }
        // Restored from the backup, everything works again and nothing is issued twice.
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.copyItem(atPath: backup, toPath: path)
        if FileManager.default.fileExists(atPath: backup + "-wal") { try FileManager.default.copyItem(atPath: backup + "-wal", toPath: path + "-wal") }
        #expect(try cli.ok(["bill", "--period", "2026-10"], env: Self.billingDay).contains("nothing new to issue"))
        #expect(cli.files(under: "billing") == documents)
    }

    @Test func aDatabaseOlderThanTheFilesNeverOverwritesThem() throws {
        let cli = try CLI()
        cli.environment["ROBINSON_CONFIG"] = CLI.fixture("config.yaml")
        cli.environment["ROBINSON_INBOX_SETTLE_SECONDS"] = "0"
        try cli.ok(["init"])
        try cli.importMasterData()
        try cli.ok(["index", "build", CLI.fixture("robinson-lists.csv")], env: Self.october)
        try cli.drop(CLI.fixture("inbox/K1001/kunden-excel.csv"), customer: "K1001")
        try cli.ok(["run"], env: Self.october)
        // The last backup was taken before the invoice run…
        let path = cli.root + database
        try cli.ok(["status"])
        let backup = try Data(contentsOf: URL(fileURLWithPath: path))
        let wal = try? Data(contentsOf: URL(fileURLWithPath: path + "-wal"))
        try cli.ok(["bill", "--period", "2026-10"], env: Self.billingDay)
        let invoice = try #require(cli.files(under: "billing/2026-10").first { $0.hasSuffix("-K1001-rechnung.pdf") })
        let issued = try cli.read(cli.root + "/billing/2026-10/" + invoice)

        // …and is restored after the disk died: the database does not know the invoices.
        try? FileManager.default.removeItem(atPath: path + "-shm")
        try backup.write(to: URL(fileURLWithPath: path))
        if let wal { try wal.write(to: URL(fileURLWithPath: path + "-wal")) } else { try? FileManager.default.removeItem(atPath: path + "-wal") }
        let check = try cli.run(["check"], env: Self.billingDay)
        #expect(check.status == 1)
        #expect(check.stdout.contains("invoices under billing/ are unknown to the database") && check.stdout.contains("2026-000001"), "\(check.stdout)")

        // A later invoice run (the month changed meanwhile: another VAT id) refuses to replace any issued file.
        let config = cli.root + "/changed.yaml"
        try String(contentsOfFile: CLI.fixture("config.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "Robinson Abgleich GmbH", with: "Robinson Abgleich AG").write(toFile: config, atomically: true, encoding: .utf8)
        let rebill = try cli.run(["bill", "--period", "2026-10"], env: Self.billingDay.merging(["ROBINSON_CONFIG": config]) { $1 })
        #expect(rebill.status == 78, "\(rebill.stderr)")
        #expect(rebill.stderr.contains("billing/ holds 4 invoices the state database has not issued (2026-000001, 2026-000002, 2026-000003, …)"),
                "\(rebill.stderr)")
        #expect(try cli.sql("SELECT COUNT(*) FROM invoice") == ["0"], "no number handed out a second time")
        #expect(try cli.read(cli.root + "/billing/2026-10/" + invoice) == issued, "the issued invoice is unchanged")
        for command in [["collect"], ["dunning"]] {
            #expect(try cli.run(command, env: Self.billingDay).status == 78, "\(command) refuses too")
        }
    }

    @Test func anIssuedDocumentWithOtherContentIsNeverReplaced() throws {
        let cli = try CLI()
        cli.environment["ROBINSON_CONFIG"] = CLI.fixture("config.yaml")
        try cli.setUp()
        // The invoice run dies after writing the documents, before recording them…
        let crashed = try cli.run(["bill", "--period", "2026-10"], env: Self.billingDay.merging(["ROBINSON_FAULT": "billing:before-record-documents"]) { $1 })
        #expect(crashed.status == 75)
        let pdf = try #require(cli.files(under: "billing/2026-10").first { $0.hasPrefix("2026-000001-") && $0.hasSuffix(".pdf") })
        // …and someone changes a document before the next run.
        let path = cli.root + "/billing/2026-10/" + pdf
        try Data("geändert".utf8).write(to: URL(fileURLWithPath: path))
        let next = try cli.run(["bill", "--period", "2026-10"], env: Self.billingDay)
        #expect(next.status == 73, "\(next.stderr)")
        #expect(next.stderr.contains("\(path) exists already with other content and is never overwritten"), "\(next.stderr)")
        #expect(try cli.read(path) == Data("geändert".utf8), "left alone")
    }

    @Test func orphanTemporaryFilesOfAKilledBillAreRemoved() throws {
        let cli = try billedRoot()
        let folder = cli.root + "/billing/2026-10/"
        // What a bill killed while writing leaves: temporary files of a process that is gone.
        let dead = folder + "2026-000009-K1001-rechnung.pdf.tmp-2147483646-1f2e3d"
        let deadLetter = folder + "mahnungen/x.pdf.tmp-2147483645-ab"
        try FileManager.default.createDirectory(atPath: folder + "mahnungen", withIntermediateDirectories: true)
        for file in [dead, deadLetter] { try Data("halb".utf8).write(to: URL(fileURLWithPath: file)) }
        // One of a live process (this test) is left alone: someone is writing it.
        let live = folder + "offene-posten.csv.tmp-\(getpid())-abc"
        try Data("schreibt".utf8).write(to: URL(fileURLWithPath: live))
        try cli.ok(["bill", "--period", "2026-10"], env: Self.billingDay)
        #expect(!FileManager.default.fileExists(atPath: dead) && !FileManager.default.fileExists(atPath: deadLetter))
        #expect(FileManager.default.fileExists(atPath: live))
    }

    @Test func checkSaysWhetherTheRootCanWork() throws {
        let cli = try billedRoot()
        let tools = cli.root + "-tools"
        try FileManager.default.createDirectory(atPath: tools, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: tools) }
        let sendmail = try MailTests.fakeSendmail(in: tools)
        cli.environment["ROBINSON_NOTIFY_SENDMAIL"] = sendmail + " -t -i"
        let now = ["ROBINSON_NOW": "2026-10-20T08:00:00+02:00"]

        let good = try cli.run(["check"], env: now)
        #expect(good.status == 0, "\(good.stdout)")
        for check in ["configuration", "folders", "disk", "hashing key", "database", "index", "mail", "billing"] {
            #expect(good.stdout.contains("ok       \(check):"), "\(check): \(good.stdout)")
        }
        let quiet = try cli.run(["check", "--quiet"], env: now)
        #expect(quiet.status == 0 && quiet.stdout.isEmpty && quiet.stderr.isEmpty, "silent for cron when all is well")

        // Each kind of problem is one line and makes it exit 1.
        let aging = try cli.run(["check", "--quiet"], env: ["ROBINSON_NOW": "2026-10-25T08:00:00+02:00"])
        #expect(aging.status == 0 && aging.stderr.contains("warning: index:"), "a warning alone is no failure: \(aging.stderr)")
        let stale = try cli.run(["check", "--quiet"], env: ["ROBINSON_NOW": "2026-11-20T08:00:00+01:00"])
        #expect(stale.status == 1 && stale.stderr.contains("index: the Robinson index") && stale.stderr.contains("matching.maxIndexAgeDays"))

        let badConfig = cli.root + "/bad.yaml"
        try "inbox:\n  settleSecnds: 5\nretention:\n  holdDays: null\n".write(toFile: badConfig, atomically: true, encoding: .utf8)
        let config = try cli.run(["check", "--quiet"], env: now.merging(["ROBINSON_CONFIG": badConfig]) { $1 })
        #expect(config.status == 1)
        #expect(config.stderr.contains("bad.yaml, line 2, column 3: unknown key inbox.settleSecnds"), "\(config.stderr)")
        #expect(config.stderr.contains("bad.yaml, line 4, column 3: retention.holdDays"), "every problem, not only the first: \(config.stderr)")

        chmod(cli.root + "/state/hashing.key", 0o644)
        chmod(cli.root + "/outbox", 0o755)
        let modes = try cli.run(["check", "--quiet"], env: now)
        #expect(modes.status == 1)
        #expect(modes.stderr.contains("hashing key: hashing key") && modes.stderr.contains("chmod 600"), "\(modes.stderr)")
        #expect(modes.stderr.contains("/outbox has mode 755"), "\(modes.stderr)")
        chmod(cli.root + "/state/hashing.key", 0o600)
        chmod(cli.root + "/outbox", 0o700)

        let noSendmail = try cli.run(["check", "--quiet"], env: now.merging(["ROBINSON_NOTIFY_SENDMAIL": "/nowhere/sendmail -t"]) { $1 })
        #expect(noSendmail.status == 1 && noSendmail.stderr.contains("mail: notify.sendmail: /nowhere/sendmail is not an executable"))
        let noSeller = try cli.run(["check", "--quiet"], env: now.merging(["ROBINSON_CONFIG": ""]) { $1 })
        #expect(noSeller.status == 1 && noSeller.stderr.contains("billing: cannot bill: the configuration lacks seller.name"))
        let noSchema = try cli.run(["check", "--quiet"], env: now.merging(["ROBINSON_BILLING_XRECHNUNG_SCHEMA": "/nowhere.xsd"]) { $1 })
        #expect(noSchema.status == 1 && noSchema.stderr.contains("billing.xrechnungSchema: /nowhere.xsd is not a readable file"))
        #expect(try cli.run(["check", "--quiet"], env: now).status == 0, "all fixed again")
    }
}
