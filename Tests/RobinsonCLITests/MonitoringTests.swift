import Foundation
import Testing

/// `monitoring.textfile`: the metrics file node_exporter's textfile collector
/// reads, parsed with the Prometheus project's own text parser.
@Suite("monitoring metrics", .serialized)
struct MonitoringTests {
    static let october = ["ROBINSON_NOW": "2026-10-15T10:00:00+02:00"]
    static let billingDay = ["ROBINSON_NOW": "2026-11-02T08:00:00+01:00"]
    static let bankDay = ["ROBINSON_NOW": "2026-11-13T09:00:00+01:00"]
    static let dunningDay = ["ROBINSON_NOW": "2026-11-23T07:15:00+01:00"]

    /// A root with the fixture configuration whose metrics go to a file in a folder of their own.
    func monitoredRoot() throws -> (CLI, metrics: String) {
        let cli = try CLI()
        cli.environment["ROBINSON_CONFIG"] = CLI.fixture("config.yaml")
        cli.environment["ROBINSON_INBOX_SETTLE_SECONDS"] = "0"
        let folder = cli.root + "-metrics"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        cli.environment["ROBINSON_MONITORING_TEXTFILE"] = folder + "/robinson.prom"
        return (cli, folder + "/robinson.prom")
    }

    @Test("after each scheduled command the file holds the truth: last success, jobs, rows and hits, index age, mail, open items")
    func metricsAfterAMonth() throws {
        let (cli, metrics) = try monitoredRoot()
        defer { try? FileManager.default.removeItem(atPath: (metrics as NSString).deletingLastPathComponent) }
        try cli.ok(["init"], env: Self.october)
        try cli.importMasterData()
        try cli.ok(["index", "build", CLI.fixture("robinson-lists.csv")], env: ["ROBINSON_NOW": "2026-10-12T05:30:00+02:00"])
        var parsed = try PrometheusParser.parse(file: metrics)
        #expect(parsed.value("robinson_command_last_success_timestamp_seconds", ["command": "index-build"]) == 1_791_775_800)
        #expect(parsed.value("robinson_index_age_seconds") == 0)

        try cli.drop(CLI.fixture("inbox/K1001/kunden-excel.csv"), customer: "K1001")
        try cli.drop(CLI.fixture("inbox/K1003/newsletter.csv.zst"), customer: "K1003")
        #expect(try cli.ok(["run"], env: Self.october).isEmpty, "success stays silent")
        parsed = try PrometheusParser.parse(file: metrics)
        #expect(parsed.value("robinson_command_last_success_timestamp_seconds", ["command": "run"]) == 1_792_051_200)
        #expect(parsed.value("robinson_index_age_seconds") == 3 * 86_400 + 4.5 * 3_600)
        #expect(parsed.value("robinson_jobs", ["state": "done"]) == 2)
        #expect(parsed.value("robinson_jobs", ["state": "rejected"]) == 0)
        let rows = try cli.sql("SELECT SUM(rowsChecked), SUM(hitsPost), SUM(hitsTelefon), SUM(hitsEmail) FROM usageRecord")[0]
            .split(separator: "|").map { Double($0)! }
        #expect(rows[0] > 0)
        #expect(parsed.value("robinson_rows_checked_total") == rows[0])
        #expect(parsed.value("robinson_hits_total", ["list": "post"]) == rows[1])
        #expect(parsed.value("robinson_hits_total", ["list": "telefon"]) == rows[2])
        #expect(parsed.value("robinson_hits_total", ["list": "email"]) == rows[3])
        #expect(parsed.types["robinson_hits"] == "counter", "the parser strips _total from a counter family's name")
        let queued = Double(try cli.sql("SELECT COUNT(*) FROM outgoingMail WHERE state = 'queued'")[0])!
        #expect(parsed.value("robinson_mail_messages", ["state": "queued"]) == queued)
        #expect(parsed.value("robinson_open_items") == 0)

        // A file in the folder of no customer is rejected: the run fails, its last success stays.
        try cli.drop(CLI.fixture("inbox/K1001/kunden-excel.csv"), customer: "K9999", as: "fremd.csv")
        #expect(try cli.run(["run"], env: ["ROBINSON_NOW": "2026-10-15T11:00:00+02:00"]).status == 1)
        parsed = try PrometheusParser.parse(file: metrics)
        #expect(parsed.value("robinson_jobs", ["state": "rejected"]) == 1)
        #expect(parsed.value("robinson_command_last_exit_code", ["command": "run"]) == 1)
        #expect(parsed.value("robinson_command_last_run_timestamp_seconds", ["command": "run"]) == 1_792_054_800)
        #expect(parsed.value("robinson_command_last_success_timestamp_seconds", ["command": "run"]) == 1_792_051_200)

        try cli.ok(["bill", "--period", "2026-10", "--dry-run"], env: ["ROBINSON_NOW": "2026-11-02T07:00:00+01:00"])
        #expect(try PrometheusParser.parse(file: metrics).value("robinson_command_last_run_timestamp_seconds", ["command": "bill"]) == nil,
                "a dry run is no scheduled run")
        try cli.ok(["bill", "--period", "2026-10"], env: Self.billingDay)
        try cli.ok(["collect"], env: Self.billingDay)
        try cli.run(["returns", "import", CLI.fixture("bank/camt054-ruecklastschriften.xml")], env: Self.bankDay)
        let payments = try cli.run(["payments", "import", CLI.fixture("bank/camt053-kontoauszug.xml")], env: Self.bankDay)
        try cli.ok(["dunning"], env: Self.dunningDay)
        parsed = try PrometheusParser.parse(file: metrics)
        for command in ["bill", "collect", "returns-import", "dunning", "index-build"] {
            #expect(parsed.value("robinson_command_last_exit_code", ["command": command]) == 0, "\(command)")
            #expect(parsed.value("robinson_command_last_success_timestamp_seconds", ["command": command]) != nil, "\(command)")
        }
        #expect(parsed.value("robinson_command_last_run_timestamp_seconds", ["command": "dunning"]) == 1_795_414_500)
        #expect(parsed.value("robinson_command_last_exit_code", ["command": "payments-import"]) == Double(payments.status))
        if payments.status != 0 {
            #expect(parsed.value("robinson_command_last_success_timestamp_seconds", ["command": "payments-import"]) == nil,
                    "a command that never succeeded has no success time")
        }

        // Open items as the accountant's list shows them on the same day.
        let list = try JSONValue.parse(try cli.ok(["open-items", "--format", "json"], env: Self.dunningDay))
        let items = list["items"].items
        let openCents = try #require(list["summary"]["open"].integer)
        #expect(items.count > 0 && openCents > 0, "the returned debits are open: \(list)")
        #expect(parsed.value("robinson_open_items") == Double(items.count))
        #expect(parsed.value("robinson_open_items_euros") == Double(openCents) / 100)
        let overdue = items.filter { $0["kind"].text == "invoice" && ($0["daysOverdue"].integer ?? 0) > 0 }
        #expect(overdue.count > 0)
        #expect(parsed.value("robinson_overdue_invoices") == Double(overdue.count))
        #expect(parsed.value("robinson_overdue_euros") == Double(overdue.compactMap { $0["open"].integer }.reduce(0, +)) / 100)

        try cli.run(["check", "--quiet"], env: Self.dunningDay)
        parsed = try PrometheusParser.parse(file: metrics)
        #expect(parsed.value("robinson_command_last_run_timestamp_seconds", ["command": "check"]) == 1_795_414_500)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (metrics as NSString).deletingLastPathComponent)
        #expect(leftovers == ["robinson.prom"], "no temporary file is left beside the metrics")
        let mode = try FileManager.default.attributesOfItem(atPath: metrics)[.posixPermissions] as? Int
        #expect(mode == 0o644, "node_exporter (another user) can read it")
    }

    @Test("a metrics file that cannot be written never fails the command and is reported once a day")
    func unwritableMetrics() throws {
        let (cli, metrics) = try monitoredRoot()
        defer { try? FileManager.default.removeItem(atPath: (metrics as NSString).deletingLastPathComponent) }
        cli.environment["ROBINSON_MONITORING_TEXTFILE"] = cli.root + "-missing/robinson.prom"
        try cli.ok(["init"])
        try cli.importMasterData()
        let first = try cli.run(["index", "build", CLI.fixture("robinson-lists.csv")])
        #expect(first.status == 0)
        #expect(first.stderr.components(separatedBy: "\n").filter { $0.contains("monitoring.textfile") }.count == 1, "\(first.stderr)")
        let second = try cli.run(["run"], env: ["ROBINSON_NOW": "2026-11-23T09:00:00Z"])
        #expect(second.status == 0, "another command: \(second.stderr)")
        #expect(!second.stderr.contains("monitoring.textfile"), "said once: \(second.stderr)")
        let nextDay = try cli.run(["run"], env: ["ROBINSON_NOW": "2026-11-24T08:00:00Z"])
        #expect(nextDay.stderr.contains("monitoring.textfile"), "and again a day later")
        cli.environment["ROBINSON_MONITORING_TEXTFILE"] = metrics
        #expect(try cli.run(["run"], env: ["ROBINSON_NOW": "2026-11-24T09:00:00Z"]).stderr.isEmpty)
        #expect(FileManager.default.fileExists(atPath: metrics))
    }
}

/// The Prometheus text format read by `prometheus_client.parser` (PyPI
/// `prometheus-client`, installed by `./run.sh test` into `.build/conformance-venv`).
enum PrometheusParser {
    struct Parsed: Decodable {
        struct Sample: Decodable {
            var name: String
            var labels: [String: String]
            var value: Double
        }
        var types: [String: String]
        var samples: [Sample]

        func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
            samples.first { $0.name == name && $0.labels == labels }?.value
        }
    }

    static let script = #"""
import sys, json
from prometheus_client.parser import text_string_to_metric_families
types, samples = {}, []
for family in text_string_to_metric_families(open(sys.argv[1], encoding='utf-8').read()):
    types[family.name] = family.type
    for s in family.samples:
        samples.append({"name": s.name, "labels": s.labels, "value": s.value})
print(json.dumps({"types": types, "samples": samples}))
"""#

    static var python: String {
        let venv = CLI.packageRoot + "/.build/conformance-venv/bin/python"
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : "/usr/bin/python3"
    }

    static func parse(file: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Parsed {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, file]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let problem = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            Issue.record("the Prometheus parser refused \(file) or is missing (./run.sh test installs prometheus-client): \(problem)",
                         sourceLocation: sourceLocation)
            throw ParseFailed()
        }
        return try JSONDecoder().decode(Parsed.self, from: data)
    }

    struct ParseFailed: Error {}
}
