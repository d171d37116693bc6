/// One input row of the evaluation with what the matcher must say about it.
public struct EvaluationRow: Sendable, Hashable {
    /// The value of the `id` column: 1, 2, …
    public var id: Int
    public var kind: VariantKind
    public var input: InputRow

    public var expectedMarker: RowMarker { kind.expectedMarker }
    public var expectedGrund: String { kind.expectedGrund }
}

/// A Robinson delivery, an address file and the expected marker of every row,
/// all derived from one seed: listed people written in every variant form,
/// near misses, households, unrelated people and malformed rows.
public struct EvaluationSet: Sendable {
    public var delivery: [DeliveryRow]
    public var rows: [EvaluationRow]

    /// Generates `rows` input rows (and a delivery about 1.2 times as long).
    ///
    /// `soundsAlike` tells whether two given names or surnames have the same
    /// phonetic code (the matcher's Kölner Phonetik): a near-miss first name must
    /// not, a phonetic spelling variant must. Synthetic stays free of the matcher.
    public static func generate(rows: Int, seed: UInt64, soundsAlike: (String, String) -> Bool) -> EvaluationSet {
        withoutActuallyEscaping(soundsAlike) { soundsAlike in
            var builder = EvaluationBuilder(seed: seed, soundsAlike: soundsAlike)
            let schedule = builder.schedule()
            for id in stride(from: 1, through: rows, by: 1) {
                builder.addRow(id: id, kind: schedule[(id - 1) % schedule.count])
            }
            builder.addUnmatchedEntries(count: rows / 5)
            return EvaluationSet(delivery: builder.delivery, rows: builder.rows)
        }
    }

    /// How many rows one cycle of kinds takes: rows are assigned kinds from a
    /// seed-shuffled cycle holding each kind as often as its weight, so every
    /// kind appears once `rows` reaches this length (148).
    public static func scheduleLength() -> Int {
        VariantKind.allCases.reduce(0) { $0 + $1.weight }
    }
}
