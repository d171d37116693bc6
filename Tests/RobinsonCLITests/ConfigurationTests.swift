import Foundation
import Testing

/// Configuration mistakes are errors that name the file and line (or the
/// variable) and the key; `config show` tells where each value came from;
/// the documented keys, the example file and the defaults are the code's.
@Suite("strict configuration, config show and example", .serialized)
struct ConfigurationTests {
    func failing(_ cli: CLI, yaml: String? = nil, env: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        var arguments = ["status"]
        if let yaml {
            let file = cli.root + "/robinson.yaml"
            try yaml.write(toFile: file, atomically: true, encoding: .utf8)
            arguments = ["--config", file] + arguments
        }
        let result = try cli.run(arguments, env: env)
        #expect(result.status == 78, "\(result.stderr)", sourceLocation: sourceLocation)
        ExitStatusTests.expectOneLine(result, sourceLocation: sourceLocation)
        return result.stderr
    }

    @Test func mistakesNameTheFileLineKeyAndExpectation() throws {
        let cli = try CLI()
        try cli.ok(["init"])
        let file = cli.root + "/robinson.yaml"
        let typo = try failing(cli, yaml: "inbox:\n  settleSecnds: 5\n")
        #expect(typo.contains("\(file), line 2, column 3: unknown key inbox.settleSecnds; did you mean inbox.settleSeconds?"), "\(typo)")
        let type = try failing(cli, yaml: "retention:\n  holdDays: 5\ninbox:\n  settleSeconds: abc\n")
        #expect(type.contains("line 4, column 3: inbox.settleSeconds must be a whole number 0 or more, not 'abc'"), "\(type)")
        let range = try failing(cli, yaml: "billing:\n  collectionDay: 31\n")
        #expect(range.contains("billing.collectionDay must be a whole number from 1 to 28"), "\(range)")
        let syntax = try failing(cli, yaml: "inbox:\n settleSeconds: 5\n  holdDays: 3\n")
        #expect(syntax.contains("\(file), line 3, column 11: not valid YAML"), "\(syntax)")
        let list = try failing(cli, yaml: "matching:\n  hitKinds: person\n")
        #expect(list.contains("matching.hitKinds must be a list"), "\(list)")
        let section = try failing(cli, yaml: "seller: Robinson GmbH\n")
        #expect(section.contains("seller must be a section"), "\(section)")
        let choice = try failing(cli, yaml: "billing:\n  sequenceTypes: always\n")
        #expect(choice.contains("one of firstThenRecurring, recurringOnly"), "\(choice)")
        let money = try failing(cli, yaml: "billing:\n  returnFee: acht\n")
        #expect(money.contains("billing.returnFee must be an amount"), "\(money)")
        let several = try failing(cli, yaml: "inbox:\n  a: 1\n  b: 2\n")
        #expect(several.contains("(and 1 more problem; `robinson check` lists them all)"), "\(several)")
        // A value that passes its type but not a rule between keys still names where it came from.
        let order = try failing(cli, yaml: "matching:\n  warnIndexAgeDays: 20\n")
        #expect(order.contains("line 2, column 3: matching.warnIndexAgeDays: must not be more than matching.maxIndexAgeDays"), "\(order)")
        #expect(try failing(cli, yaml: "- a\n- b\n").contains("the top level must be keys"))
    }

    @Test func environmentVariablesAreCheckedToo() throws {
        let cli = try CLI()
        try cli.ok(["init"])
        let type = try failing(cli, env: ["ROBINSON_INBOX_SETTLE_SECONDS": "abc"])
        #expect(type.contains("environment variable ROBINSON_INBOX_SETTLE_SECONDS (inbox.settleSeconds) must be a whole number"), "\(type)")
        let typo = try failing(cli, env: ["ROBINSON_INBOX_SETLE_SECONDS": "5"])
        #expect(typo.contains("ROBINSON_INBOX_SETLE_SECONDS is not a configuration key; did you mean ROBINSON_INBOX_SETTLE_SECONDS?"), "\(typo)")
        #expect(try failing(cli, env: ["ROBINSON_DUNNING_SUSPEND_AFTER_FINAL_LEVEL": "ja"]).contains("must be true or false"))
        try cli.ok(["status"], env: ["ROBINSON_DUNNING_SUSPEND_AFTER_FINAL_LEVEL": "false", "ROBINSON_MATCHING_HIT_KINDS": "person,email"])
    }

    @Test func configShowSaysWhereEachValueCameFrom() throws {
        let cli = try CLI()
        try cli.ok(["init"])
        let file = cli.root + "/robinson.yaml"
        try "inbox:\n  settleSeconds: 120\nnotify:\n  downloadLocation: \"sftp://kunde:geheim@dateien.example/out\"\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let shown = try JSONValue.parse(try cli.ok(["--config", file, "config", "show", "--format", "json"],
                                                   env: ["ROBINSON_RETENTION_HOLD_DAYS": "3"]))
        let keys = Dictionary(shown["keys"].items.map { ($0["key"].text ?? "", $0) }) { a, _ in a }
        #expect(keys["inbox.settleSeconds"]?["value"] == .string("120"))
        #expect(keys["inbox.settleSeconds"]?["source"] == .string("file"))
        #expect(keys["inbox.settleSeconds"]?["origin"] == .string("\(file):2:3"))
        #expect(keys["retention.holdDays"]?["source"] == .string("environment"))
        #expect(keys["retention.holdDays"]?["origin"] == .string("ROBINSON_RETENTION_HOLD_DAYS"))
        #expect(keys["retention.holdDays"]?["value"] == .string("3"))
        #expect(keys["billing.returnFee"]?["source"] == .string("default"))
        #expect(keys["matching.keyFile"]?["value"] == .string(cli.root + "/state/hashing.key"))
        let location = keys["notify.downloadLocation"]?["value"].text ?? ""
        #expect(location == "sftp://kunde:***@dateien.example/out" && !location.contains("geheim"), "the password is masked: \(location)")
    }

    /// Every key with a fixed default shows exactly that default when nothing is configured:
    /// the list of keys and the settings' real defaults agree.
    @Test func theDocumentedDefaultsAreTheSettingsDefaults() throws {
        let cli = try CLI()
        try cli.ok(["init"])
        let shown = try JSONValue.parse(try cli.ok(["config", "show", "--format", "json"]))
        let keys = shown["keys"].items
        #expect(keys.count > 60)
        for key in keys where key["source"] == .string("default") {
            guard let documented = key["default"].text, !documented.contains("number of cores"), !documented.contains("<root>"),
                  !documented.contains("Bundesbank") else { continue }
            #expect(key["value"].text == documented, "\(key["key"]): effective \(key["value"]) vs default \(documented)")
        }

        // docs/configuration.md: one row per key, in the same order, with the same default.
        let doc = try String(contentsOfFile: CLI.packageRoot + "/docs/configuration.md", encoding: .utf8)
        let rows = doc.split(separator: "\n").compactMap { line -> (String, String)? in
            guard let match = line.firstMatch(of: /^\| `([A-Za-z0-9.]+)` \| ([^|]*) \|/) else { return nil }
            return (String(match.1), match.2.trimmingCharacters(in: .whitespaces))
        }
        #expect(rows.map(\.0) == keys.compactMap { $0["key"].text }, "docs/configuration.md lists exactly the keys, in order")
        for ((name, documented), key) in zip(rows, keys) {
            let expected = key["default"].text.map { $0.isEmpty ? "empty" : $0.contains("number of cores") || $0.contains("Bundesbank") ? $0 : "`\($0)`" } ?? "—"
            #expect(documented == expected, "\(name): docs say \(documented), code says \(expected)")
        }
    }

    @Test func theExampleFileIsCompleteAndLoads() throws {
        let cli = try CLI()
        try cli.ok(["init"])
        let example = try cli.ok(["config", "example"])
        let committed = try String(contentsOfFile: CLI.packageRoot + "/Jobs/robinson.yaml.example", encoding: .utf8)
        #expect(example == committed, "Jobs/robinson.yaml.example is `robinson config example`")
        let shown = try JSONValue.parse(try cli.ok(["--config", CLI.packageRoot + "/Jobs/robinson.yaml.example", "config", "show", "--format", "json"]))
        for key in shown["keys"].items {
            let name = key["key"].text ?? ""
            let last = String(name.split(separator: ".").last!)
            #expect(committed.contains("\n  \(last):") || committed.contains("  # \(last):") || committed.contains("    \(last):")
                    || committed.contains("    # \(last):"), "\(name) is in the example")
            if key["default"] != .null, key["source"] == .string("default") {
                // Only keys without a usable fixed default are commented out.
                #expect(key["default"].text?.contains("<root>") == true || key["default"].text?.contains("cores") == true
                        || key["default"].text?.contains("Bundesbank") == true, "\(name) has a default but is not set in the example")
            }
        }
        // The fixture configuration of the demo and the tests is strict-clean too.
        try cli.ok(["--config", CLI.fixture("config.yaml"), "config", "show"])
    }
}
