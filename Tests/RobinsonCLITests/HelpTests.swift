import Foundation
import Testing

/// Every command's help, reached the way a new operator does: from
/// `robinson help` down through each SUBCOMMANDS section.
@Suite("help of every command")
struct HelpTests {
    /// The subcommand names listed in a help page.
    static func subcommands(in help: String) -> [String] {
        guard let start = help.range(of: "SUBCOMMANDS:\n") else { return [] }
        return help[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false)
            .prefix { !$0.isEmpty }
            .compactMap { line -> String? in
                // "  name   description": a name at two spaces; continuation lines are indented further.
                guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
                return line.split(separator: " ").first.map(String.init)
            }
            .filter { $0 != "help" }
    }

    @Test("every help page reads as prose: no line-continuation backslash, every command reachable")
    func everyPage() throws {
        let cli = try CLI()
        var pending: [[String]] = [[]]
        var pages = 0
        while let path = pending.popLast() {
            let help = try cli.ok(["help"] + path)
            pages += 1
            let shown = help.split(separator: "\n").filter { $0.hasSuffix("\\") }
            #expect(shown.isEmpty, "robinson help \(path.joined(separator: " ")) shows a backslash: \(shown)")
            pending += Self.subcommands(in: help).map { path + [$0] }
        }
        #expect(pages > 30, "\(pages) help pages found")
    }
}
