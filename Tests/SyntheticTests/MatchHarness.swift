import Foundation
import Logging
import Matching
import Pipeline
import Store
import Synthetic
import TestSupport

/// What `robinson eval` does around the generator, in-process: a fresh root
/// with a throwaway key, an index built from the delivery, `DirectMatch` on all lists.
enum MatchHarness {
    static func soundsAlike(_ a: String, _ b: String) -> Bool { KoelnerPhonetik.encode(a) == KoelnerPhonetik.encode(b) }

    static func match(_ files: EvaluationFiles) throws {
        try match(delivery: files.delivery, input: files.input, output: files.output, root: files.folder + "/root")
    }

    static func match(delivery: String, input: String, output: String, root path: String) throws {
        let root = RuntimeRoot(path: path)
        try root.create()
        try HashingKey.createIfAbsent(path: root.defaultKeyFile)
        _ = try StateDatabase(path: root.database)
        var settings = PipelineSettings()
        settings.workers = 2
        settings.sendmail = ""
        let runtime = try Runtime.open(root: root, settings: settings, clock: { Date() }, actor: "test@host", logger: Logger(label: "test"))
        let outcome = try IndexBuilder(directory: runtime.indexDirectory, fingerprinter: try runtime.fingerprinter(), workers: 2)
            .build(deliveries: [delivery], force: true, now: runtime.now)
        guard outcome.skippedCount == 0 else {
            throw HarnessError("\(outcome.skippedCount) delivery rows could not be keyed, e.g. line \(outcome.skipped[0].line)")
        }
        _ = try DirectMatch(runtime: runtime).run(input: input, output: output, lists: .all, zstd: false)
    }

    /// A fresh folder, removed at the latest when the test process exits.
    static func temporaryFolder() throws -> String {
        try TemporaryFolders.make("robinson-synthetic")
    }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
