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

extension GlobalOptions {
    /// `--root X --config Y -v run …` → `run … --root X --config Y -v`.
    static func movingLeadingOptionsToEnd(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var rest = arguments[...]
        while let first = rest.first {
            if ["--root", "--config"].contains(first), rest.count >= 2 {
                leading += rest.prefix(2)
                rest = rest.dropFirst(2)
            } else if first.hasPrefix("--root=") || first.hasPrefix("--config=") || first == "-v" || first == "--verbose" {
                leading.append(first)
                rest = rest.dropFirst()
            } else {
                break
            }
        }
        return Array(rest) + leading
    }
}
