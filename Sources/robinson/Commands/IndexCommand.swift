import ArgumentParser
import Foundation
import Matching
import Pipeline
import Store

struct IndexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build and inspect the index of the Robinson lists.",
        subcommands: [IndexBuildCommand.self, IndexShowCommand.self]
    )
}

struct IndexBuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build a new index version from a Robinson list delivery and switch to it.",
        discussion: """
        DELIVERY is `;`-separated UTF-8 CSV with the header \
        liste;vorname;nachname;strasse;hausnummer;plz;ort;telefon;email \
        (plain, .gz or .zst). Several files are combined into one version. The new \
        version is written, verified and switched in atomically; running jobs finish \
        on the version they opened. A delivery that is empty, or gives less than half \
        the entries of the current index, is refused unless --force is given.
        """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("Delivery files.", valueName: "delivery"))
    var files: [String]
    @Flag(help: "Switch even when the delivery is much smaller than the current index.")
    var force = false

    func run() async throws {
        try await scheduled("index-build", global) { context in
            let runtime = try context.runtime()
            let progress = ProgressLine(label: "index build")
            let builder = IndexBuilder(directory: runtime.indexDirectory, fingerprinter: try runtime.fingerprinter(), workers: runtime.settings.workers)
            let outcome = try builder.build(deliveries: files, force: force, now: runtime.now) { progress.update(done: $0, total: nil) }
            progress.finish()
            try runtime.database.audit("index.build", subject: runtime.indexDirectory.file(for: outcome.version),
                                       detail: "from \(files.joined(separator: ", ")); \(outcome.header.entryCount) fingerprints",
                                       actor: runtime.actor, at: runtime.now)
            // Success is silent for cron (the weekly build would mail every week); the counts with -v or at a terminal.
            if global.verbose || isatty(STDOUT_FILENO) != 0 {
                print("index \(outcome.version) is now current: \(outcome.header.entryCount) fingerprints")
                for (list, count) in outcome.header.listCounts {
                    print("  \(list.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(count) entries")
                }
            }
            if outcome.skippedCount > 0 {
                printError("\(outcome.skippedCount) delivery rows could not be keyed and are NOT in the index:")
                for entry in outcome.skipped {
                    printError("  \(entry.path), line \(entry.line): \(entry.reason.grund)")
                }
            }
        }
    }
}

struct IndexShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show the current index version: build time, age, key id, source digest, counts per list.",
        discussion: "Verifies the version's checksum and key; an index older than matching.maxIndexAgeDays is shown as stale."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOption

    func run() async throws {
        try await reporting {
            let runtime = try await CommandContext(global).runtime()
            let index = try runtime.indexDirectory.openCurrent(keyId: try runtime.fingerprinter().keyId)
            let health = IndexHealth.assess(runtime)
            let header = index.header
            let builtAt = Date(timeIntervalSince1970: TimeInterval(header.buildTime))
            let record = Listing.Record("index", [
                ("version", .text(index.version)), ("file", .text(runtime.root.relative(index.path))), ("builtAt", .time(builtAt)),
                ("ageDays", Cell(health.ageDays(at: runtime.now))), ("state", .text(health.state.rawValue)),
                ("formatVersion", .integer(Int(IndexHeader.formatVersion))), ("keyId", .text(header.keyId)),
                ("sourceSha256", .text(SHA256Digest.hex(header.sourceDigest))), ("fingerprints", .integer(Int(header.entryCount))),
                ("otherVersions", .list(runtime.indexDirectory.versions().filter { $0 != index.version })),
            ])
            var lists = Listing.Table("lists", columns: ["list", "entries"])
            for (list, count) in header.listCounts { lists.append([.text(list.rawValue), .integer(Int(count))]) }
            Listing("index", .record(record), .table(lists)).print(output.format)
        }
    }
}
