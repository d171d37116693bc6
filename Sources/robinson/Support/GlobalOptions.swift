import ArgumentParser

/// Options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Runtime root folder (inbox, work, outbox, …).", discussion: "Default: $ROBINSON_ROOT, else ./var.", valueName: "dir"))
    var root: String?

    @Option(name: .long, help: ArgumentHelp("YAML configuration file; ROBINSON_* environment variables override it.", valueName: "file"))
    var config: String?

    @Flag(name: .shortAndLong, help: "Log what is being done to stderr.")
    var verbose = false
}
