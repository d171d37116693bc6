import Foundation
import Synthetic
import Testing

@Suite struct EvaluationRunTests {
    /// The acceptance check of issue 3 at a small size: every row gets exactly the expected marker and grund.
    @Test func smallEvaluationIsPerfect() throws {
        let folder = MatchHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try Evaluation.run(
            rows: 3_000, seed: 11, folder: folder, soundsAlike: MatchHarness.soundsAlike, match: MatchHarness.match
        )
        let table = result.table
        #expect(table.totalRows == 3_000)
        #expect(Set(table.lines.map(\.kind)) == Set(VariantKind.allCases))
        #expect(table.missedTargets == [])
        for line in table.lines {
            #expect(line.correct == line.rows, "\(line.kind.name): \(line.examples)")
            #expect(line.wrongGrund == 0, "\(line.kind.name): \(line.examples)")
            #expect(line.missing == 0)
        }
        #expect(table.isPerfect)
    }
}
