import Foundation
import Testing

/// Every listing's JSON and TSV match the schema documented in docs/output.md:
/// the same sections, fields in the same order, values of the documented types.
@Suite("listings: documented JSON and TSV schema", .serialized)
struct ListingSchemaTests {
    struct Field: Equatable {
        var name: String
        var type: String
        var nullable: Bool
    }

    struct Section {
        var key: String
        var isRecord: Bool
        var fields: [Field]
    }

    struct DocumentedListing {
        var arguments: [String]
        var name: String
        var version: Int
        var sections: [Section]
    }

    /// Reads docs/output.md: `## \`robinson …\` — listing \`name\`, version N`,
    /// then `Section \`key\` (record|table)` and the field table below it.
    static func documented() throws -> [DocumentedListing] {
        let text = try String(contentsOfFile: CLI.packageRoot + "/docs/output.md", encoding: .utf8)
        let heading = /^## `robinson ([^`]+)` — listing `(\w+)`, version (\d+)/
        let sectionLine = /^Section `(\w+)` \((record|table)\)(.*)/
        let fieldRow = /^\| `(\w+)` \| ([a-z]+)(\??) \|/
        let reference = /as in `([^`]+)`/
        var listings: [DocumentedListing] = []
        var references: [(listing: Int, section: Int, to: String)] = []
        for line in text.split(separator: "\n").map(String.init) {
            if let match = line.firstMatch(of: heading) {
                let arguments = match.1.split(separator: " ").map { $0 == "ID" ? "K1001" : String($0) }
                listings.append(DocumentedListing(arguments: arguments, name: String(match.2), version: Int(match.3)!, sections: []))
            } else if let match = line.firstMatch(of: sectionLine) {
                var section = Section(key: String(match.1), isRecord: match.2 == "record", fields: [])
                if let referenced = match.3.firstMatch(of: reference) {
                    references.append((listings.count - 1, listings[listings.count - 1].sections.count, String(referenced.1)))
                }
                listings[listings.count - 1].sections.append(section)
            } else if let match = line.firstMatch(of: fieldRow), !listings.isEmpty, !listings[listings.count - 1].sections.isEmpty {
                let last = listings.count - 1
                listings[last].sections[listings[last].sections.count - 1].fields
                    .append(Field(name: String(match.1), type: String(match.2), nullable: !match.3.isEmpty))
            }
        }
        for reference in references {
            let key = listings[reference.listing].sections[reference.section].key
            let other = listings.first { $0.arguments.joined(separator: " ") == reference.to }
            listings[reference.listing].sections[reference.section].fields = other?.sections.first { $0.key == key }?.fields ?? []
        }
        return listings
    }

    /// A root where every listing has rows: master data, an index, a done, a rejected, a held and a stray file.
    static func populatedRoot() throws -> CLI {
        let cli = try CLI()
        try cli.setUp()
        try cli.drop(CLI.fixture("inbox/K1001/crm-export.csv"), customer: "K1001")
        try cli.drop(CLI.fixture("bad/empty.csv"), customer: "K1001")
        try cli.drop(CLI.fixture("inbox/K1001/crm-export.csv"), customer: "K1004")
        try cli.drop(CLI.fixture("inbox/K1001/crm-export.csv"), customer: "K1001", as: "../stray\tname.csv")
        _ = try cli.run(["run"])
        return cli
    }

    /// A root with billing in every state the billing listings show: October billed and collected,
    /// a statement with a partial payment, a full one and an unmatched credit, a manual booking that overpays.
    static func billedRoot() throws -> CLI {
        let cli = try BillingCommandTests().monthWithUsage()
        try cli.ok(["bill", "--period", "2026-10"], env: BillingCommandTests.billingDay)
        try cli.ok(["collect"], env: BillingCommandTests.billingDay)
        _ = try cli.run(["payments", "import", CLI.fixture("bank/camt053-kontoauszug.xml")], env: ["ROBINSON_NOW": "2026-11-13T09:00:00+01:00"])
        try cli.ok(["invoice", "paid", "2026-000002", "--date", "2026-11-13", "--amount", "10,00"], env: ["ROBINSON_NOW": "2026-11-13T10:00:00+01:00"])
        return cli
    }

    static func check(_ value: JSONValue, _ field: Field, in context: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let ok: Bool
        switch (field.type, value) {
        case (_, .null): ok = field.nullable
        case ("string", .string): ok = true
        case ("integer", .integer), ("cents", .integer): ok = true
        case ("boolean", .bool): ok = true
        case ("time", .string(let text)): ok = text.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d/) != nil
        case ("date", .string(let text)): ok = text.wholeMatch(of: /\d{4}-\d\d-\d\d/) != nil
        case ("list", .array(let items)): ok = items.allSatisfy { if case .string = $0 { true } else { false } }
        default: ok = false
        }
        #expect(ok, "\(context).\(field.name) = \(value) is not a \(field.type)\(field.nullable ? "?" : "")", sourceLocation: sourceLocation)
    }

    @Test func everyListingMatchesItsDocumentedSchema() throws {
        let listings = try Self.documented()
        let billing: Set = ["invoices", "payments", "unmatchedPayments", "openItems"]
        #expect(listings.map(\.name).sorted() == (["audit", "config", "customer", "customers", "index", "mail", "mandates", "plans", "status"] + billing).sorted())
        let pipeline = try Self.populatedRoot()
        let billed = try Self.billedRoot()
        for listing in listings {
            let cli = billing.contains(listing.name) ? billed : pipeline
            let object = try JSONValue.parse(try cli.ok(listing.arguments + ["--format", "json"]))
            #expect(object["listing"] == .string(listing.name))
            #expect(object["version"] == .integer(Int64(listing.version)))
            #expect(Set(object.keys) == Set(["listing", "version"] + listing.sections.map(\.key)), "\(listing.name): \(object.keys)")
            for section in listing.sections {
                #expect(!section.fields.isEmpty, "\(listing.name).\(section.key) documents its fields")
                let rows = section.isRecord ? [object[section.key]] : object[section.key].items
                #expect(!rows.isEmpty, "\(listing.name).\(section.key) has rows to check")
                for row in rows {
                    #expect(Set(row.keys) == Set(section.fields.map(\.name)), "\(listing.name).\(section.key): \(row.keys.sorted())")
                    for field in section.fields {
                        Self.check(row[field.name], field, in: "\(listing.name).\(section.key)")
                    }
                }
            }
            // TSV: the same fields in the documented order, one line per row.
            let tsv = try cli.ok(listing.arguments + ["--format", "tsv"])
            let blocks = tsv.components(separatedBy: "\n\n")
            #expect(blocks.count == listing.sections.count, "\(listing.name)")
            for (block, section) in zip(blocks, listing.sections) {
                let lines = block.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("# ") && !$0.isEmpty }
                #expect(lines.first.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) } == section.fields.map(\.name),
                        "\(listing.name).\(section.key) TSV header")
                let rows = section.isRecord ? 1 : object[section.key].items.count
                #expect(lines.count == rows + 1, "\(listing.name).\(section.key): one TSV line per row")
                for line in lines {
                    #expect(line.split(separator: "\t", omittingEmptySubsequences: false).count == section.fields.count)
                }
            }
        }
    }

    @Test func statusTellsWhatWaitsAndWhy() throws {
        let cli = try Self.populatedRoot()
        let status = try JSONValue.parse(try cli.ok(["status", "--format", "json"]))
        let states = Dictionary(status["inbox"].items.map { ($0["file"].text ?? "", $0["state"].text ?? "") }) { a, _ in a }
        #expect(states["inbox/K1004/crm-export.csv"] == "held")
        #expect(states["inbox/stray\\tname.csv"] == "stray", "names are shown escaped, in JSON too: \(states)")
        let jobs = status["jobs"].items
        #expect(Set(jobs.compactMap { $0["state"].text }) == ["done", "rejected"])
        let done = try #require(jobs.first { $0["state"] == .string("done") })
        #expect(done["indexVersion"].text?.hasPrefix("v") == true)
        #expect(done["output"].text?.hasPrefix("outbox/K1001/") == true)
        let rejected = try #require(jobs.first { $0["state"] == .string("rejected") })
        #expect(rejected["error"].text?.contains("empty") == true)

        // The table escapes the tab in the stray file's name and keeps one line per row.
        let table = try cli.ok(["status"])
        #expect(table.contains("inbox/stray\\tname.csv"))
        let tsv = try cli.ok(["status", "--format", "tsv"])
        #expect(tsv.contains("inbox/stray\\\\tname.csv\t"), "the escape's backslash escaped again in TSV")
        // --customer narrows inbox and jobs; --since the jobs.
        let k1004 = try JSONValue.parse(try cli.ok(["status", "--customer", "K1004", "--format", "json"]))
        #expect(k1004["inbox"].items.count == 1 && k1004["jobs"].items.isEmpty)
        let later = try JSONValue.parse(try cli.ok(["status", "--since", "2026-11-24", "--format", "json"]))
        #expect(later["jobs"].items.isEmpty)
        #expect(try cli.run(["status", "--since", "gestern"]).status == 64)
    }
}
