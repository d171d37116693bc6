/// Markers the matcher gave per row kind, against what was expected, and
/// whether the accuracy targets are met.
public struct ConfusionTable: Sendable {
    /// One kind's counts.
    public struct Line: Sendable {
        public var kind: VariantKind
        public var rows = 0
        public var ja = 0
        public var nein = 0
        public var pruefen = 0
        /// Rows with no line (or an unknown marker) in the output.
        public var missing = 0
        /// Rows with the expected marker but another `robinson_grund`.
        public var wrongGrund = 0
        /// A few rows that went wrong, for the report.
        public var examples: [String] = []

        public var expected: RowMarker { kind.expectedMarker }

        /// Rows with the expected marker.
        public var correct: Int {
            switch expected {
            case .ja: ja
            case .nein: nein
            case .pruefen: pruefen
            }
        }

        /// `ja` where `nein` was expected.
        public var falseHits: Int { expected == .nein ? ja : 0 }

        /// Recall in hundredths of a percent (9950 = 99.50 %), for kinds expecting `ja`.
        public var recallBasisPoints: Int { rows == 0 ? 0 : ja * 10_000 / rows }

        /// The accuracy target this kind misses, if any.
        public var missedTarget: String? {
            if missing > 0 { return "\(kind.name): \(missing) rows missing from the output" }
            switch expected {
            case .ja where ja * 1000 < rows * 995:
                return "\(kind.name): recall \(ConfusionTable.percent(recallBasisPoints)) is below 99.50 %"
            case .nein where ja > 0:
                return "\(kind.name): \(ja) false hits"
            case .pruefen where pruefen < rows:
                return "\(kind.name): \(rows - pruefen) malformed rows not marked pruefen"
            default:
                return nil
            }
        }

        mutating func count(_ row: EvaluationRow, _ observation: Observation?) {
            rows += 1
            guard let observation, let marker = RowMarker(rawValue: observation.marker) else {
                missing += 1
                note(row, "no output")
                return
            }
            switch marker {
            case .ja: ja += 1
            case .nein: nein += 1
            case .pruefen: pruefen += 1
            }
            if marker != row.expectedMarker {
                note(row, "\(observation.marker) (\(observation.grund))")
            } else if observation.grund != row.expectedGrund {
                wrongGrund += 1
                note(row, "\(observation.marker) (\(observation.grund), expected \(row.expectedGrund))")
            }
        }

        private mutating func note(_ row: EvaluationRow, _ what: String) {
            guard examples.count < 3 else { return }
            examples.append("row \(row.id): \(what) for \(row.input.line(id: row.id))")
        }
    }

    /// One line per kind that had rows, in `VariantKind.allCases` order.
    public private(set) var lines: [Line]

    public init(rows: [EvaluationRow], observed: [Int: Observation]) {
        var byKind: [VariantKind: Line] = [:]
        for row in rows {
            byKind[row.kind, default: Line(kind: row.kind)].count(row, observed[row.id])
        }
        lines = VariantKind.allCases.compactMap { byKind[$0] }
    }

    /// Every missed accuracy target: recall ≥ 99.5 % per variant kind, no false
    /// hit on a near miss (nor on a household or unrelated row), every malformed row `pruefen`.
    public var missedTargets: [String] { lines.compactMap(\.missedTarget) }

    /// Every row got exactly the expected marker and `robinson_grund`.
    public var isPerfect: Bool { lines.allSatisfy { $0.correct == $0.rows && $0.wrongGrund == 0 } }

    public var totalRows: Int { lines.reduce(0) { $0 + $1.rows } }

    /// The table as printed by `robinson eval`.
    public func rendered() -> String {
        var text = Self.row(["kind", "category", "rows", "expected", "ja", "nein", "pruefen", "grund≠", "result"]) + "\n"
        for category in VariantKind.Category.allCases {
            let group = lines.filter { $0.kind.category == category }
            guard !group.isEmpty else { continue }
            for line in group { text += Self.row(Self.cells(line)) + "\n" }
            if group.count > 1 { text += Self.row(Self.totalCells(group, label: "all \(category.rawValue)")) + "\n" }
        }
        text += Self.row(Self.totalCells(lines, label: "all rows"))
        return text
    }

    private static func cells(_ line: Line) -> [String] {
        let result: String =
            switch line.expected {
            case .ja: "recall " + percent(line.recallBasisPoints)
            case .nein: "false hits \(line.falseHits)"
            case .pruefen: "not pruefen \(line.rows - line.pruefen)"
            }
        return [
            line.kind.name, line.kind.category.rawValue, String(line.rows), line.expected.rawValue, String(line.ja),
            String(line.nein), String(line.pruefen), String(line.wrongGrund), result,
        ]
    }

    private static func totalCells(_ group: [Line], label: String) -> [String] {
        let rows = group.reduce(0) { $0 + $1.rows }
        let correct = group.reduce(0) { $0 + $1.correct }
        let categories = Set(group.map(\.kind.category))
        let expected = categories.count == 1 ? group[0].expected.rawValue : ""
        return [
            label, "", String(rows), expected, String(group.reduce(0) { $0 + $1.ja }),
            String(group.reduce(0) { $0 + $1.nein }), String(group.reduce(0) { $0 + $1.pruefen }),
            String(group.reduce(0) { $0 + $1.wrongGrund }), "correct " + percent(rows == 0 ? 0 : correct * 10_000 / rows),
        ]
    }

    private static let widths = [22, 10, 7, 9, 7, 7, 8, 7, 0]

    private static func row(_ cells: [String]) -> String {
        var text = ""
        for (index, cell) in cells.enumerated() {
            let width = widths[index]
            let pad = String(repeating: " ", count: max(0, width - cell.count))
            // Names left-aligned, numbers right-aligned.
            text += index < 2 || index == 3 || index == cells.count - 1 ? cell + pad : pad + cell
            if index < cells.count - 1 { text += "  " }
        }
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }

    /// `9987` → `99.87 %`.
    static func percent(_ basisPoints: Int) -> String {
        let fraction = basisPoints % 100
        return "\(basisPoints / 100).\(fraction < 10 ? "0" : "")\(fraction) %"
    }
}
