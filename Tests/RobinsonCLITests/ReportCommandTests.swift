import Foundation
import Testing
import TestSupport

/// `robinson report` on a month played like the demo, opened in a real
/// headless browser: no console message, the right bars in every chart,
/// every hostile name shown as text, and a screenshot kept for people.
@Suite("Monthly report", .serialized)
struct ReportCommandTests {
    static func at(_ time: String) -> [String: String] { ["ROBINSON_NOW": time] }
    /// A customer name and file names that are markup if not escaped (a name cannot hold `/`).
    static let hostileCustomer = "<script>alert(1)</script> & Söhne KG"
    static let hostileRejected = "<img src=x onerror=alert(1)> & <b>fett.csv"
    static let hostileHeld = "<script>alert(2)<!--.csv"
    /// Where the screenshot stays after the test (git-ignored with `.build/`).
    static let artefacts = CLI.packageRoot + "/.build/test-artefacts"

    /// October 2026 as in `./run.sh`: files on two days (one rejected, one held for a suspended
    /// customer), the invoice run, collection, a bank return, transfers and dunning.
    func demoMonth() throws -> CLI {
        let cli = try CLI()
        cli.environment["ROBINSON_CONFIG"] = CLI.fixture("config.yaml")
        cli.environment["ROBINSON_INBOX_SETTLE_SECONDS"] = "0"
        try cli.ok(["init"])
        try cli.ok(["plans", "import", CLI.fixture("plans.csv")])
        let customers = String(decoding: try cli.read(CLI.fixture("customers.csv")), as: UTF8.self)
            .replacingOccurrences(of: "Ruhender Kunde KG", with: Self.hostileCustomer)
        let customersFile = cli.root + "-customers.csv"
        try Data(customers.utf8).write(to: URL(fileURLWithPath: customersFile))
        defer { try? FileManager.default.removeItem(atPath: customersFile) }
        try cli.ok(["customers", "import", customersFile])
        try cli.ok(["mandates", "import", CLI.fixture("mandates.csv")])
        try cli.ok(["index", "build", CLI.fixture("robinson-lists.csv")])

        try cli.drop(CLI.fixture("inbox/K1001/kunden-excel.csv"), customer: "K1001")
        try cli.drop(CLI.fixture("inbox/K1003/newsletter.csv.zst"), customer: "K1003")
        try cli.drop(CLI.fixture("bad/no-header.csv"), customer: "K1001", as: Self.hostileRejected)
        try cli.drop(CLI.fixture("inbox/K1001/crm-export.csv"), customer: "K1004", as: Self.hostileHeld)
        #expect(try cli.run(["run"], env: Self.at("2026-10-15T10:00:00+02:00")).status == 1, "one file is rejected")
        try cli.drop(CLI.fixture("inbox/K1001/crm-export.csv"), customer: "K1001")
        let later = try cli.run(["run"], env: Self.at("2026-10-20T10:00:00+02:00"))
        #expect(later.status == 1 && later.stderr.hasPrefix("robinson: held inbox/K1004/"), "the held file, reported again a day later")

        try cli.ok(["bill", "--period", "2026-10"], env: Self.at("2026-11-02T08:00:00+01:00"))
        try cli.ok(["collect"], env: Self.at("2026-11-02T10:00:00+01:00"))
        try cli.run(["returns", "import", CLI.fixture("bank/camt054-ruecklastschriften.xml")], env: Self.at("2026-11-13T09:00:00+01:00"))
        try cli.run(["payments", "import", CLI.fixture("bank/camt053-kontoauszug.xml")], env: Self.at("2026-11-13T09:05:00+01:00"))
        try cli.ok(["dunning"], env: Self.at("2026-11-23T07:15:00+01:00"))
        return cli
    }

    /// The `data-value` of every bar of each chart, by `data-chart`.
    func bars(_ dom: String) -> [String: [Int]] {
        var charts: [String: [Int]] = [:]
        for svg in dom.components(separatedBy: "<svg").dropFirst() {
            guard let id = svg.firstMatch(of: /data-chart="([^"]*)"/)?.1 else { continue }
            let body = svg.components(separatedBy: "</svg>")[0]
            charts[String(id)] = body.matches(of: /<rect[^>]*data-value="(-?[0-9]+)"/).map { Int($0.1)! }
        }
        return charts
    }

    /// The `data-value` of each summary figure (the first one of a key).
    func figures(_ dom: String) -> [String: Int] {
        Dictionary(dom.matches(of: /data-figure="([a-z]+)" data-value="(-?[0-9]+)"/).map { (String($0.1), Int($0.2)!) }) { first, _ in first }
    }

    /// `1.234,56 €`.
    static func germanMoney(_ cents: Int) -> String {
        var euros = String(cents / 100)
        var grouped = ""
        while euros.count > 3 { grouped = "." + euros.suffix(3) + grouped; euros.removeLast(3) }
        return euros + grouped + "," + String(format: "%02d", cents % 100) + " €"
    }

    func number(_ cli: CLI, _ query: String) throws -> Int { Int(try #require(try cli.sql(query).first)) ?? -1 }

    @Test("the month's report renders in chromium without console messages, with the right bars, escaped names and a screenshot")
    func reportInBrowser() throws {
        let cli = try demoMonth()
        let printed = try cli.ok(["report", "--month", "2026-10"], env: Self.at("2026-11-30T18:00:00+01:00"))
        let path = cli.root + "/reports/bericht-2026-10.html"
        #expect(printed.contains(path))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let html = String(decoding: try cli.read(path), as: UTF8.self)
        // Self-contained: nothing the browser would fetch, no script at all.
        #expect(html.contains("http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"))
        #expect(!html.contains("<script") && !html.contains("<img") && !html.contains("<link") && !html.contains("url("))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Söhne KG"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt; &amp; &lt;b&gt;fett.csv"))
        #expect(html.contains("&lt;script&gt;alert(2)&lt;!--.csv"))

        let page = try Chromium.render(path)
        #expect(page.console.isEmpty, "console: \(page.console)")
        #expect(!page.dom.contains("<script") && !page.dom.contains("<img") && !page.dom.contains("<b>fett"), "markup from a name became an element")
        let charts = bars(page.dom)
        #expect(charts.keys.sorted() == ["dunning-levels", "files-per-day", "hits-per-list", "rows-per-day"])
        #expect(charts["files-per-day"]?.count == 31 && charts["rows-per-day"]?.count == 31, "one bar per day of October")
        #expect(charts["hits-per-list"]?.count == 5, "post, telefon, mobil, fax, email")
        #expect(charts["dunning-levels"]?.count == 4, "none, Zahlungserinnerung, 1. Mahnung, Letzte Mahnung")
        // The bars say what the database holds.
        #expect(charts["files-per-day"]?[14] == 3 && charts["files-per-day"]?[19] == 1)
        #expect(charts["files-per-day"]?.reduce(0, +) == (try number(cli, "SELECT COUNT(*) FROM job")))
        #expect(charts["rows-per-day"]?.reduce(0, +) == (try number(cli, "SELECT SUM(rows) FROM job WHERE state = 'done'")))
        let hits = ["hitsPost", "hitsTelefon", "hitsMobil", "hitsFax", "hitsEmail"]
        #expect(try charts["hits-per-list"] == hits.map { try number(cli, "SELECT SUM(\($0)) FROM usageRecord WHERE month = '2026-10'") })
        #expect(charts["dunning-levels"]?.reduce(0, +) == (try number(cli, "SELECT COUNT(*) FROM invoice WHERE kind = 'invoice' AND paymentState != 'cancelled'")))
        let figure = figures(page.dom)
        #expect(figure["rejected"] == 1 && figure["files"] == 4 && figure["invoices"] == 4)
        #expect(figure["invoiced"] == (try number(cli, "SELECT SUM(grossCents) FROM invoice WHERE kind = 'invoice' AND paymentState != 'cancelled'")))
        #expect(figure["open"] == (try number(cli, "SELECT SUM(CASE WHEN kind = 'invoice' AND paymentState != 'cancelled' THEN grossCents ELSE 0 END - paidCents) FROM invoice")))
        #expect(figure["returned"] == (try number(cli, "SELECT -SUM(amountCents) FROM payment WHERE kind = 'returned'")))
        #expect((figure["returned"] ?? 0) > 0, "the demo's bank returns two debits")
        // The names reach the page as text, held and rejected with their reasons.
        #expect(page.dom.contains("&lt;img src=x onerror=alert(1)&gt; &amp; &lt;b&gt;fett.csv"))
        #expect(page.dom.contains("inbox/K1004/&lt;script&gt;alert(2)&lt;!--.csv"))
        // Money as German people read it, from the cents in the data attribute.
        let invoiced = try #require(page.dom.firstMatch(of: /data-figure="invoiced" data-value="([0-9]+)"><b>([^<]*)<\/b>/))
        #expect(String(invoiced.2) == Self.germanMoney(Int(invoiced.1)!))

        try FileManager.default.createDirectory(atPath: Self.artefacts, withIntermediateDirectories: true)
        let png = Self.artefacts + "/bericht-2026-10.png"
        try Chromium.screenshot(path, to: png)
        let bytes = try cli.read(png)
        #expect(bytes.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) && bytes.count > 20_000)
        try? FileManager.default.removeItem(atPath: Self.artefacts + "/bericht-2026-10.html")
        try FileManager.default.copyItem(atPath: path, toPath: Self.artefacts + "/bericht-2026-10.html")
    }

    @Test("the browser check sees markup that escaped: a name written raw shows up as an element and a blocked handler")
    func browserCheckCanFail() throws {
        let cli = try CLI()
        try cli.ok(["init"])
        let path = cli.root + "/tampered.html"
        try cli.ok(["report", "--month", "2026-10", "--output", path], env: Self.at("2026-11-30T18:00:00+01:00"))
        let html = String(decoding: try cli.read(path), as: UTF8.self)
            .replacingOccurrences(of: "</body>", with: "<p>" + Self.hostileRejected + "</p></body>")
        try Data(html.utf8).write(to: URL(fileURLWithPath: path))
        let page = try Chromium.render(path)
        #expect(page.console.contains { $0.contains("Content Security Policy") }, "console: \(page.console)")
        #expect(page.dom.contains("<img") && page.dom.contains("<b>fett"))
    }

    @Test("usage errors exit 64, an output that cannot be written 73; the help reads as prose")
    func refusals() throws {
        let cli = try CLI()
        let help = try cli.ok(["help", "report"])
        #expect(help.contains("reports/bericht-YYYY-MM.html") && help.contains("--month <YYYY-MM>"))
        #expect(!help.split(separator: "\n").contains { $0.hasSuffix("\\") }, "no line-continuation backslash shown")
        try cli.ok(["init"])
        #expect(try cli.run(["report"]).status == 64)
        #expect(try cli.run(["report", "--month", "Oktober"]).status == 64)
        let unwritable = try cli.run(["report", "--month", "2026-10", "--output", cli.root + "/no/such/folder/x.html"])
        #expect(unwritable.status == 73, "\(unwritable.stderr)")
        #expect(unwritable.stderr.hasPrefix("robinson: ") && unwritable.stderr.split(separator: "\n").count == 1)
    }
}
