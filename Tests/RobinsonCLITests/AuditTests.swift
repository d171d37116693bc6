import Foundation
import Testing

/// `robinson audit`: one customer's whole story, billing included; time windows; times with offset.
@Suite("audit", .serialized)
struct AuditTests {
    /// The demo's October and November: files matched, billed, collected, two debits returned, a transfer, dunning.
    func billedMonth() throws -> CLI {
        let cli = try CLI()
        cli.environment["ROBINSON_CONFIG"] = CLI.fixture("config.yaml")
        cli.environment["ROBINSON_INBOX_SETTLE_SECONDS"] = "0"
        cli.environment["ROBINSON_NOW"] = "2026-10-12T05:30:00+02:00"
        try cli.setUp()
        try cli.drop(CLI.fixture("inbox/K1001/kunden-excel.csv"), customer: "K1001")
        try cli.drop(CLI.fixture("inbox/K1003/newsletter.csv.zst"), customer: "K1003")
        try cli.ok(["run"], env: ["ROBINSON_NOW": "2026-10-15T10:00:00+02:00"])
        try cli.ok(["bill", "--period", "2026-10"], env: ["ROBINSON_NOW": "2026-11-02T08:00:00+01:00"])
        try cli.ok(["collect"], env: ["ROBINSON_NOW": "2026-11-02T08:00:00+01:00"])
        try cli.ok(["returns", "import", CLI.fixture("bank/camt054-ruecklastschriften.xml")], env: ["ROBINSON_NOW": "2026-11-13T09:00:00+01:00"])
        try cli.run(["payments", "import", CLI.fixture("bank/camt053-kontoauszug.xml")], env: ["ROBINSON_NOW": "2026-11-13T09:05:00+01:00"])
        try cli.ok(["dunning"], env: ["ROBINSON_NOW": "2026-11-23T07:15:00+01:00"])
        return cli
    }

    struct Entry: Equatable {
        var at: String
        var action: String
        var subject: String
        var detail: String
    }

    func audit(_ cli: CLI, _ arguments: [String]) throws -> [Entry] {
        let listing = try JSONValue.parse(try cli.ok(["audit", "--limit", "10000", "--format", "json"] + arguments))
        return listing["entries"].items.map {
            Entry(at: $0["at"].text ?? "", action: $0["action"].text ?? "", subject: $0["subject"].text ?? "", detail: $0["detail"].text ?? "")
        }
    }

    @Test("--customer finds the customer's billing events that name only an invoice number, and nothing of other customers")
    func customerStory() throws {
        let cli = try billedMonth()
        let invoices = Dictionary(uniqueKeysWithValues: try cli.sql("SELECT customerId, number FROM invoice").map {
            let parts = $0.split(separator: "|").map(String.init)
            return (parts[0], parts[1])
        })
        let k1003 = try #require(invoices["K1003"])
        let entries = try audit(cli, ["--customer", "K1003"])
        let actions = Set(entries.map(\.action))
        for action in ["customer.create", "mandate.create", "claim", "write", "mail", "invoice.issue", "invoice.write", "invoice.state",
                       "collection.create", "collection.write", "invoice.return", "invoice.dunning", "customer.suspend"] {
            #expect(actions.contains(action), "\(action) is part of K1003's story: \(entries.map(\.action))")
        }
        #expect(entries.contains { $0.action == "invoice.return" && $0.subject == k1003 }, "found through the invoice number alone")
        let others = invoices.filter { $0.key != "K1003" }.map(\.value)
        #expect(!entries.contains { others.contains($0.subject) }, "no entry about another customer's invoice")
        #expect(!entries.contains { $0.subject.contains("K1001") || $0.detail.contains("customer K1001") })
        // The filter alone, as before, misses them: the invoice entries do not name the customer.
        let filtered = try audit(cli, ["--filter", "K1003"])
        #expect(!filtered.contains { $0.action == "invoice.return" })

        let k1002 = try audit(cli, ["--customer", "K1002"])
        #expect(k1002.filter { $0.action == "invoice.payment" }.count == 2, "both transfers for K1002's invoice")
        #expect(!k1002.contains { $0.action == "payment.unmatched" }, "a credit naming no invoice is nobody's")
        #expect(try audit(cli, ["--customer", "K9999"]).isEmpty)
    }

    @Test("--since and --until select a window; every time is ISO 8601 with seconds and the Berlin offset of its day")
    func window() throws {
        let cli = try billedMonth()
        let all = try audit(cli, [])
        let iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/
        #expect(all.allSatisfy { $0.at.wholeMatch(of: iso) != nil }, "\(all.map(\.at))")
        #expect(all.contains { $0.at == "2026-10-15T10:00:00+02:00" && $0.action == "claim" }, "summer time in October")
        #expect(all.contains { $0.at == "2026-11-13T09:00:00+01:00" && $0.action == "invoice.return" }, "winter time in November")

        let november = try audit(cli, ["--since", "2026-11-01", "--until", "2026-11-13T09:00:00+01:00"])
        #expect(!november.isEmpty)
        #expect(november.allSatisfy { $0.at >= "2026-11-02" && $0.at < "2026-11-13" }, "\(november.map(\.at))")
        #expect(!november.contains { $0.action == "invoice.return" }, "--until is exclusive")
        #expect(november.contains { $0.action == "invoice.issue" })

        let story = try audit(cli, ["--customer", "K1001", "--since", "2026-11-13T09:00:00+01:00"])
        #expect(story.first?.action == "invoice.state" || story.first?.action == "invoice.return")
        #expect(story.contains { $0.action == "invoice.return" })
        #expect(story.allSatisfy { $0.at >= "2026-11-13T09:00:00+01:00" })

        #expect(try cli.run(["audit", "--since", "2026-11-13", "--until", "2026-11-01"]).status == 64)
        #expect(try cli.run(["audit", "--since", "gestern"]).status == 64)
    }
}
