import ArgumentParser
import Matching
import Pipeline

struct MatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Check one file against the current index, without inbox or job.",
        discussion: """
        Writes INPUT with the marker columns appended to OUTPUT (zstd-compressed when \
        INPUT was, or OUTPUT ends in .zst). For ops checks and benchmarks; no e-mail, \
        no usage record. Exit code 1 when the file cannot be read.
        """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The address file (CSV, plain, .gz or .zst).")
    var input: String
    @Option(name: .shortAndLong, help: "Where to write the annotated file.")
    var output: String
    @Option(help: ArgumentHelp("Lists to check, comma-separated.", valueName: "post,telefon,mobil,fax,email"))
    var lists = ListSet.all

    func run() async throws {
        try await reporting {
            let runtime = try await CommandContext(global).runtime()
            let progress = ProgressLine(label: "match")
            let result = try DirectMatch(runtime: runtime).run(input: input, output: output, lists: lists, zstd: nil) {
                progress.update(done: $0, total: $1)
            }
            progress.finish()
            let s = result.stats
            print("\(output): \(s.rows) rows, ja \(s.ja), nein \(s.nein), pruefen \(s.pruefen) (index \(s.indexVersion))")
        }
    }
}
