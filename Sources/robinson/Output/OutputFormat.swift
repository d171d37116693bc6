import ArgumentParser

/// How a listing is printed: `--format table|json|tsv` (docs/output.md).
enum OutputFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// Aligned columns with a header line, for people; names escaped.
    case table
    /// One JSON object with a stable, documented schema, for scripts.
    case json
    /// A header line, then one tab-separated line per row; tabs, newlines and backslashes escaped.
    case tsv
}

/// The `--format` option every listing command takes.
struct FormatOption: ParsableArguments {
    @Option(help: ArgumentHelp("table (for people), json (stable schema, docs/output.md) or tsv (for scripts).", valueName: "table|json|tsv"))
    var format: OutputFormat = .table
}
