/// What an evaluation run produced.
public struct EvaluationResult: Sendable {
    public var table: ConfusionTable
    public var deliveryRows: Int
    public var files: EvaluationFiles
}

/// Runs an accuracy evaluation: generate, let the matcher annotate the input, compare.
public enum Evaluation {
    /// Generates an evaluation set of `rows` rows from `seed` into `folder`, calls
    /// `match` (which must build an index from `files.delivery` and write the
    /// annotated `files.input` to `files.output`), and counts the markers per kind.
    ///
    /// Synthetic does not know the matcher; the caller passes it in, along with
    /// its phonetic code comparison (see `EvaluationSet.generate`).
    public static func run(
        rows: Int, seed: UInt64, folder: String, soundsAlike: (String, String) -> Bool,
        match: (EvaluationFiles) throws -> Void
    ) throws -> EvaluationResult {
        let set = EvaluationSet.generate(rows: rows, seed: seed, soundsAlike: soundsAlike)
        let files = try set.write(to: folder)
        try match(files)
        let table = ConfusionTable(rows: set.rows, observed: try ObservedMarkers.read(path: files.output))
        return EvaluationResult(table: table, deliveryRows: set.delivery.count, files: files)
    }
}
