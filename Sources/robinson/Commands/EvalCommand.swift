import ArgumentParser
import Foundation
import Logging
import Matching
import Pipeline
import Store
import Synthetic

struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure matching accuracy on a generated evaluation set.",
        discussion: """
        Generates (deterministically from --seed) a Robinson delivery and an address file \
        whose rows are listed people written in every variant form the matcher must \
        recognize, near misses, households, unrelated people and malformed rows; builds an \
        index in a private temporary root with a throwaway key, matches the file, and \
        prints per kind how many rows got ja, nein and pruefen. Exit code 1 when a target \
        is missed: recall below 99.5 % on a variant kind, any false hit on a near miss, \
        household or unrelated row, or a malformed row not marked pruefen. It takes no \
        --root or --config: the evaluation never touches a real installation.
        """
    )

    @Option(help: "Input rows to generate.")
    var rows = 100_000
    @Option(help: "Seed of the generator; the same seed gives the same files.")
    var seed: UInt64 = 1
    @Option(help: ArgumentHelp("Keep the delivery, input, expectations, output and root in this folder.", valueName: "dir"))
    var keep: String?
    @Option(help: "Worker threads for index build and match.")
    var workers = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard rows > 0 else { throw ValidationError("--rows must be greater than 0") }
        guard workers > 0 else { throw ValidationError("--workers must be greater than 0") }
    }

    func run() async throws {
        try await reporting {
            umask(0o077)
            let folder = keep ?? FileManager.default.temporaryDirectory
                .appendingPathComponent("robinson-eval-\(getpid())-\(UUID().uuidString.prefix(8))").path
            defer { if keep == nil { try? FileManager.default.removeItem(atPath: folder) } }

            let result = try Evaluation.run(
                rows: rows, seed: seed, folder: folder,
                soundsAlike: { KoelnerPhonetik.encode($0) == KoelnerPhonetik.encode($1) },
                match: { try Self.match($0, workers: workers) }
            )
            let table = result.table
            print("robinson eval --rows \(rows) --seed \(seed): \(table.totalRows) input rows, \(result.deliveryRows) delivery rows")
            print()
            print(table.rendered())
            let wrong = table.lines.flatMap(\.examples)
            if !wrong.isEmpty {
                print()
                print("rows that went wrong (up to 3 per kind):")
                for example in wrong { print("  " + example) }
            }
            if let keep { print("\nfiles kept in \(keep)") }
            let missed = table.missedTargets
            guard missed.isEmpty else {
                for target in missed { printError("target missed: \(target)") }
                throw ExitCode.failure
            }
        }
    }

    /// Builds an index from the delivery in a fresh root under the folder and matches the input on all lists.
    static func match(_ files: EvaluationFiles, workers: Int) throws {
        let root = RuntimeRoot(path: files.folder + "/root")
        try root.create()
        try HashingKey.createIfAbsent(path: root.defaultKeyFile)
        _ = try StateDatabase(path: root.database)
        var settings = PipelineSettings()
        settings.workers = workers
        settings.sendmail = ""
        let runtime = try Runtime.open(
            root: root, settings: settings, clock: { Date() }, actor: CommandContext.actor, logger: Logger(label: "robinson")
        )
        let outcome = try IndexBuilder(directory: runtime.indexDirectory, fingerprinter: try runtime.fingerprinter(), workers: workers)
            .build(deliveries: [files.delivery], force: true, now: runtime.now)
        if outcome.skippedCount > 0 {
            let first = outcome.skipped[0]
            printError("\(outcome.skippedCount) delivery rows could not be keyed, e.g. line \(first.line): \(first.reason.grund)")
        }
        _ = try DirectMatch(runtime: runtime).run(input: files.input, output: files.output, lists: .all, zstd: false)
    }
}
