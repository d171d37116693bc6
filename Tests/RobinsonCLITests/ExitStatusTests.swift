import Foundation
import Testing

/// Exit codes follow sysexits and are listed in `--help`; every error is one `robinson:` line.
@Suite("exit codes and error lines", .serialized)
struct ExitStatusTests {
    /// Exactly one line on stderr, starting `robinson: `.
    static func expectOneLine(_ result: CLI.Result, sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 1 && lines.first?.hasPrefix("robinson: ") == true && result.stderr.hasSuffix("\n"),
                "one robinson: line expected, got: \(result.stderr)", sourceLocation: sourceLocation)
    }

    @Test func usageErrorsAreOneLineAndExit64() throws {
        let cli = try CLI()
        try cli.ok(["init"])
        for arguments in [["help", "nonexistent"], ["frobnicate"], ["run", "--bogus"], ["status", "--limit", "many"],
                          ["match", "x.csv", "-o", "y.csv", "--lists", "post,mail"], ["bill", "--month", "Oktober"],
                          ["customers", "import"]] {
            let result = try cli.run(arguments)
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(arguments)")
            Self.expectOneLine(result)
            #expect(!result.stderr.contains("Error:") && !result.stderr.contains("Usage:"), "\(arguments)")
        }
        let help = try cli.run(["help", "nonexistent"])
        #expect(help.stderr.contains("'nonexistent'"))
        let option = try cli.run(["run", "--bogus"])
        #expect(option.stderr.contains("--bogus") && option.stderr.contains("robinson help run"))
        // Help that exists still works and exits 0.
        #expect(try cli.ok(["help", "index", "build"]).contains("DELIVERY"))
    }

    @Test func helpListsTheExitCodesAndVersionNamesTheIndexFormat() throws {
        let cli = try CLI()
        let help = try cli.ok(["--help"])
        for code in ["0", "1", "64", "65", "66", "69", "73", "75", "78"] {
            #expect(help.contains("\n  \(code) "), "exit code \(code) listed")
        }
        let version = try cli.ok(["--version"])
        #expect(version.hasPrefix("robinson ") && version.contains("index format 3"), "\(version)")
    }

    /// An index written by an earlier release (format 2) after an upgrade:
    /// nothing is matched against it, the one line says to rebuild, and after
    /// `index build` matching works again.
    @Test func anIndexOfAnEarlierFormatIsRefusedUntilRebuilt() throws {
        let cli = try CLI()
        try cli.setUp()
        let current = try String(contentsOfFile: cli.root + "/index/CURRENT", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let path = cli.root + "/index/\(current).rbx"
        var bytes = try [UInt8](cli.read(path))
        bytes[8] = 2
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let input = CLI.fixture("inbox/K1001/crm-export.csv")
        let refused = try cli.run(["match", input, "-o", cli.root + "/out.csv"])
        #expect(refused.status == 78, "\(refused.stderr)")
        Self.expectOneLine(refused)
        #expect(refused.stderr.contains("has index format 2, this robinson reads only format 3")
                && refused.stderr.contains("rebuild the index with `robinson index build`"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.root + "/out.csv"))
        #expect(try cli.ok(["status"]).contains("unusable"))

        try cli.ok(["index", "build", CLI.fixture("robinson-lists.csv")])
        try cli.ok(["match", input, "-o", cli.root + "/out.csv"])
        #expect(try cli.ok(["index", "show"]).contains("formatVersion  3"))
    }

    @Test func eachKindOfErrorHasItsCode() throws {
        let cli = try CLI()
        let notInitialized = try cli.run(["status"])
        #expect(notInitialized.status == 78)
        Self.expectOneLine(notInitialized)

        try cli.ok(["init"])
        let missing = try cli.run(["customers", "import", cli.root + "/nowhere.csv"])
        #expect(missing.status == 66, "\(missing.stderr)")
        Self.expectOneLine(missing)
        #expect(try cli.run(["index", "build", cli.root + "/nowhere.csv"]).status == 66)
        #expect(try cli.run(["customers", "show", "K9999"]).status == 66)

        let noIndex = try cli.run(["match", CLI.fixture("inbox/K1001/crm-export.csv"), "-o", cli.root + "/out.csv"])
        #expect(noIndex.status == 66, "\(noIndex.stderr)")

        try cli.importMasterData()
        try cli.ok(["index", "build", CLI.fixture("robinson-lists.csv")])
        let bad = try cli.run(["match", CLI.fixture("bad/ragged.csv"), "-o", cli.root + "/out.csv"])
        #expect(bad.status == 65)
        Self.expectOneLine(bad)

        // A multi-line message arrives as one line, with a control character in a name escaped.
        let evil = cli.root + "/evil\nname\u{1B}[2J.csv"
        try "liste;vorname\n".write(toFile: evil, atomically: true, encoding: .utf8)
        let escaped = try cli.run(["customers", "import", evil])
        #expect(escaped.status == 65)
        Self.expectOneLine(escaped)
        #expect(escaped.stderr.contains("evil\\nname\\x1B[2J.csv") && !escaped.stderr.contains("\u{1B}"), "\(escaped.stderr)")
    }

    @Test func anUnwritableStderrIsNoCrash() throws {
        let cli = try CLI()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = ["status"]
        process.environment = cli.environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 78)
    }
}
