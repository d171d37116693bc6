import Foundation
import Testing

@Suite("robinson commands end to end", .serialized)
struct CommandTests {
    @Test func initIsIdempotentAndKeepsTheKey() throws {
        let cli = try CLI()
        let first = try cli.ok(["init"])
        #expect(first.contains("hashing key created"))
        let key = try cli.read(cli.root + "/state/hashing.key")
        #expect(key.count == 32)
        let second = try cli.ok(["init"])
        #expect(second.contains("hashing key kept"))
        #expect(try cli.read(cli.root + "/state/hashing.key") == key)
        for folder in ["", "/inbox", "/work", "/outbox", "/rejected", "/index", "/billing", "/mail", "/state"] {
            let mode = (try FileManager.default.attributesOfItem(atPath: cli.root + folder)[.posixPermissions] as! NSNumber).intValue
            #expect(mode == 0o700, "\(folder)")
        }
        let keyMode = (try FileManager.default.attributesOfItem(atPath: cli.root + "/state/hashing.key")[.posixPermissions] as! NSNumber).intValue
        #expect(keyMode == 0o600)
        // The key never appears in what the tool prints.
        let hex = key.map { String(format: "%02x", $0) }.joined()
        #expect(!(first + second).contains(hex))
    }

    @Test func commandsBeforeInitSayWhatToDo() throws {
        let cli = try CLI()
        let result = try cli.run(["run"])
        #expect(result.status == 78, "an installation problem")
        #expect(result.stderr.contains("robinson --root \(cli.root) init"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func badClockIsRefused() throws {
        let cli = try CLI()
        try cli.ok(["init"])
        let result = try cli.run(["status"], env: ["ROBINSON_NOW": "yesterday"])
        #expect(result.status == 78)
        #expect(result.stderr.contains("ROBINSON_NOW"))
    }

    @Test func customersImportListShowAndBadLine() throws {
        let cli = try CLI()
        try cli.ok(["init"])
        #expect(try cli.ok(["plans", "import", CLI.fixture("plans.csv")]).contains("4 new"))
        #expect(try cli.ok(["customers", "import", CLI.fixture("customers.csv")]).contains("4 new"))
        #expect(try cli.ok(["customers", "import", CLI.fixture("customers.csv")]).contains("4 unchanged"))
        #expect(FileManager.default.fileExists(atPath: cli.root + "/inbox/K1002"), "import creates the inbox folders")
        let list = try cli.ok(["customers", "list"])
        #expect(list.contains("K1001") && list.contains("suspended"))
        #expect(try cli.ok(["customers", "show", "K1002"]).contains("telefon,mobil,fax"))
        #expect(try cli.ok(["mandates", "import", CLI.fixture("mandates.csv")]).contains("3 new"))
        let shown = try cli.ok(["customers", "show", "K1001"])
        #expect(shown.contains("K1001-M01  K1001     CORE    DE…3000"), "the mandate with its IBAN masked: \(shown)")
        #expect(!shown.contains("0532013000"), "never the full IBAN")
        #expect(try cli.ok(["plans", "list"]).contains("49,00 € a month; 4,50 € per 1.000 records"))

        let bad = cli.root + "/bad-customers.csv"
        try """
        id;name;street;postcode;city;invoice_email;type;payment_method;plan;contract_start;lists
        K2001;Gut;Weg 1;10115;Berlin;a@b.example;business;transfer;basis;2026-01-01;post
        K2002;Schlecht;Weg 2;10115;Berlin;a@b.example;business;transfer;basis;2026-01-01;brief

        """.write(toFile: bad, atomically: true, encoding: .utf8)
        let result = try cli.run(["customers", "import", bad])
        #expect(result.status == 65, "bad input data")
        #expect(result.stderr.contains("line 3, field lists"))
        #expect(result.stderr.contains("Nothing was imported"))
        #expect(try cli.sql("SELECT id FROM customer WHERE id LIKE 'K2%'").isEmpty)
        #expect(try cli.sql("SELECT count(*) FROM auditEntry WHERE action = 'customer.create'") == ["4"])
    }

    @Test func indexBuildShowAndRefusals() throws {
        let cli = try CLI()
        try cli.ok(["init"])
        #expect(try cli.ok(["index", "build", CLI.fixture("robinson-lists.csv")]).isEmpty, "silent for cron")
        let built = try cli.ok(["index", "build", "-v", CLI.fixture("robinson-lists.csv")])
        #expect(built.contains("is now current"))
        #expect(built.contains("post     12 entries"))
        #expect(built.contains("email    4 entries"))
        let show = try cli.ok(["index", "show"])
        #expect(show.contains("fingerprints"))

        // A delivery much smaller than the current index is refused, unless forced.
        let small = cli.root + "/small.csv"
        try "liste;vorname;nachname;strasse;hausnummer;plz;ort;telefon;email\nemail;;;;;;;;a@b.example\n".write(toFile: small, atomically: true, encoding: .utf8)
        let refused = try cli.run(["index", "build", small])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("--force"))
        #expect(try cli.ok(["index", "build", "-v", "--force", small]).contains("is now current"))

        let empty = cli.root + "/empty.csv"
        try "liste;vorname;nachname;strasse;hausnummer;plz;ort;telefon;email\n".write(toFile: empty, atomically: true, encoding: .utf8)
        #expect(try cli.run(["index", "build", empty]).stderr.contains("contains no list entries"))

        let wrongList = cli.root + "/wrong.csv"
        try "liste;vorname;nachname;strasse;hausnummer;plz;ort;telefon;email\nemail;;;;;;;;a@b.example\nbrief;Hans;X;Weg;1;10115;Berlin;;\n".write(toFile: wrongList, atomically: true, encoding: .utf8)
        let wrong = try cli.run(["index", "build", wrongList])
        #expect(wrong.stderr.contains("line 3, field liste"))
    }

    @Test func matchWritesTheSameFileAsAJob() throws {
        let cli = try CLI()
        try cli.setUp()
        let direct = cli.root + "/direct.csv"
        let match = try cli.run(["match", CLI.fixture("inbox/K1001/kunden-excel.csv"), "-o", direct, "--lists", "post,telefon,mobil,email"])
        #expect(match.status == 0 && match.stdout.contains("12 rows, ja 7"))
        #expect(match.stderr.isEmpty, "no progress line off a terminal")
        try cli.drop(CLI.fixture("inbox/K1001/kunden-excel.csv"), customer: "K1001")
        let run = try cli.run(["run"])
        #expect(run.status == 0 && run.stdout.isEmpty && run.stderr.isEmpty, "run must be silent on success: \(run.stderr)")
        let output = try #require(cli.files(under: "outbox").first { $0.hasSuffix("_robinson.csv") })
        #expect(try cli.read(direct) == (try cli.read(cli.root + "/outbox/" + output)))
    }

    @Test func indexSwitchDuringAMatchDoesNotDisturbIt() throws {
        let cli = try CLI()
        try cli.setUp()
        let shown = try JSONSerialization.jsonObject(with: Data(try cli.ok(["index", "show", "--format", "json"]).utf8)) as! [String: Any]
        let before = try #require((shown["index"] as? [String: Any])?["version"] as? String)
        // A match opens the index, then pauses while the weekly build switches to a new version.
        let running = try cli.start(["match", CLI.fixture("inbox/K1003/newsletter.csv.zst"), "-o", cli.root + "/old.csv", "--lists", "email"],
                                    env: ["ROBINSON_FAULT": "pause:index-opened:3"])
        Thread.sleep(forTimeInterval: 1)
        let onlyPost = cli.root + "/post-only.csv"
        try (["liste;vorname;nachname;strasse;hausnummer;plz;ort;telefon;email"]
             + (1...40).map { "post;Hans;Muster\(String(UnicodeScalar(UInt8(64 + $0 % 26))));Weg;\($0);10115;Berlin;;" }).joined(separator: "\n").write(toFile: onlyPost, atomically: true, encoding: .utf8)
        try cli.ok(["index", "build", onlyPost], env: ["ROBINSON_NOW": "2026-11-30T05:30:00Z"])
        let finished = cli.finish(running)
        #expect(finished.status == 0, "\(finished.stderr)")
        #expect(finished.stdout.contains("ja 3") && finished.stdout.contains(String(before)), "the running match used its version: \(finished.stdout)")
        // The next match uses the new version, which has no e-mail entries.
        let next = try cli.ok(["match", CLI.fixture("inbox/K1003/newsletter.csv.zst"), "-o", cli.root + "/new.csv", "--lists", "email"])
        #expect(next.contains("ja 0") && !next.contains(String(before)), "\(next)")
    }

    @Test func parallelMatchIsByteIdenticalToSingleThreaded() throws {
        let cli = try CLI()
        try cli.ok(["init"])
        let delivery = cli.root + "/delivery.csv", input = cli.root + "/input.csv.zst", plain = cli.root + "/input.csv"
        try cli.ok(["gen", "delivery", "--post", "3000", "--telefon", "2000", "--mobil", "1000", "--email", "2000", "--seed", "3", "-o", delivery])
        try cli.ok(["gen", "input", "--rows", "60000", "--seed", "3", "--delivery-post", "3000", "--listed-percent", "20", "-o", plain])
        try cli.ok(["index", "build", delivery])
        let one = try cli.ok(["match", plain, "-o", cli.root + "/one.csv"], env: ["ROBINSON_MATCHING_WORKERS": "1"])
        let two = try cli.ok(["match", plain, "-o", cli.root + "/two.csv"], env: ["ROBINSON_MATCHING_WORKERS": "2"])
        #expect(one == two.replacingOccurrences(of: "two.csv", with: "one.csv"))
        #expect(try cli.read(cli.root + "/one.csv") == (try cli.read(cli.root + "/two.csv")))
        #expect(one.contains("60000 rows") && !one.contains("ja 0,"), "\(one)")
        // A zstd input gives a zstd output with the same content.
        let zstd = Process()
        zstd.executableURL = URL(fileURLWithPath: "/usr/bin/zstd")
        zstd.arguments = ["-q", plain, "-o", input]
        try zstd.run()
        zstd.waitUntilExit()
        try cli.ok(["match", input, "-o", cli.root + "/three.csv.zst"])
        let unpack = Process()
        unpack.executableURL = URL(fileURLWithPath: "/usr/bin/zstd")
        unpack.arguments = ["-q", "-d", cli.root + "/three.csv.zst", "-o", cli.root + "/three.csv"]
        try unpack.run()
        unpack.waitUntilExit()
        #expect(try cli.read(cli.root + "/three.csv") == (try cli.read(cli.root + "/one.csv")))
    }

    @Test func evalPassesOnASmallSetAndLeavesNothingBehind() throws {
        let cli = try CLI()
        let keep = cli.root + "/eval"
        let out = try cli.ok(["eval", "--rows", "1500", "--seed", "5", "--keep", keep])
        #expect(out.contains("all rows") && out.contains("100.00 %"), "\(out)")
        #expect(FileManager.default.fileExists(atPath: keep + "/expected.csv"))
        let bad = try cli.run(["eval", "--rows", "0"])
        #expect(bad.status == 64)
    }

    @Test func matchRefusesBadInputAndLeavesNoOutput() throws {
        let cli = try CLI()
        try cli.setUp()
        for bad in ["header-only.csv", "ragged.csv", "unbalanced-quote.csv", "truncated.csv.zst"] {
            let output = cli.root + "/out-\(bad)"
            let result = try cli.run(["match", CLI.fixture("bad/" + bad), "-o", output])
            #expect(result.status == 65, "\(bad)")
            #expect(result.stderr.contains(bad), "\(bad): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: output), "\(bad)")
        }
        #expect((try FileManager.default.contentsOfDirectory(atPath: cli.root)).allSatisfy { !$0.contains(".tmp") })
    }

    @Test func runReportsEachRejectedFileAndExitsNonZero() throws {
        let cli = try CLI()
        try cli.setUp()
        try cli.drop(CLI.fixture("bad/empty.csv"), customer: "K1001")
        try cli.drop(CLI.fixture("bad/ragged.csv"), customer: "K1001")
        try cli.drop(CLI.fixture("inbox/K1001/crm-export.csv"), customer: "K1001")
        let result = try cli.run(["run"])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.hasPrefix("robinson: rejected inbox/K1001/") })
        let status = try cli.ok(["status"])
        #expect(status.contains("rejected") && status.contains("done"))
        #expect(status.contains("crm-export_robinson.csv"))
    }

    @Test func purgeDeletesExpiredFilesAndAuditsEachDeletion() throws {
        let cli = try CLI()
        try cli.setUp()
        try cli.drop(CLI.fixture("inbox/K1001/crm-export.csv"), customer: "K1001")
        try cli.drop(CLI.fixture("bad/empty.csv"), customer: "K1001")
        _ = try cli.run(["run"])
        #expect(!cli.files(under: "outbox").isEmpty)
        #expect(!cli.files(under: "rejected").isEmpty)

        // Four days later nothing is due.
        try cli.ok(["purge"], env: ["ROBINSON_NOW": "2026-11-27T08:00:00Z"])
        #expect(cli.files(under: "outbox").count == 2)

        try cli.ok(["purge"], env: ["ROBINSON_NOW": "2026-11-28T08:00:01Z"])
        #expect(cli.files(under: "outbox").isEmpty)
        #expect(cli.files(under: "work").isEmpty)
        #expect(cli.files(under: "rejected").isEmpty)
        let deletions = try cli.sql("SELECT subject FROM auditEntry WHERE action = 'delete'")
        #expect(deletions.contains { $0.hasSuffix("crm-export_robinson.csv") })
        #expect(deletions.contains { $0.hasSuffix("zusammenfassung.txt") })
        #expect(deletions.contains { $0.hasSuffix("/input/crm-export.csv") })
        let rejectedJob = try #require(try cli.sql("SELECT id FROM job WHERE state = 'rejected'").first)
        #expect(deletions.contains { $0.hasSuffix("rejected/K1001/\(rejectedJob)/empty.csv") })
        #expect(deletions.contains { $0.hasSuffix("empty.csv.error.txt") })
        #expect(try cli.ok(["audit", "--filter", "delete"]).isEmpty == false)
        // A second purge finds nothing more.
        try cli.ok(["purge"], env: ["ROBINSON_NOW": "2026-11-29T08:00:00Z"])
        #expect(try cli.sql("SELECT count(*) FROM auditEntry WHERE action = 'delete'") == ["\(deletions.count)"])
    }

    @Test func configFileAndEnvironmentOverride() throws {
        let cli = try CLI()
        try cli.setUp()
        let config = cli.root + "/robinson.yaml"
        try "inbox:\n  settleSeconds: 999999999\nretention:\n  holdDays: 2\n".write(toFile: config, atomically: true, encoding: .utf8)
        try cli.drop(CLI.fixture("inbox/K1001/crm-export.csv"), customer: "K1001")
        // The file counts as not settled with the configured settle time…
        try cli.ok(["--config", config, "run"])
        #expect(cli.files(under: "outbox").isEmpty)
        // …and the environment wins over the file.
        try cli.ok(["--config", config, "run"], env: ["ROBINSON_INBOX_SETTLE_SECONDS": "60"])
        #expect(cli.files(under: "outbox").count == 2)
        #expect(try cli.sql("SELECT expiresAt FROM job").first?.hasPrefix("2026-11-25") == true)

        try "retention:\n  holdDays: -1\n".write(toFile: config, atomically: true, encoding: .utf8)
        let bad = try cli.run(["--config", config, "status"])
        #expect(bad.status == 78 && bad.stderr.contains("retention.holdDays"))
    }
}
