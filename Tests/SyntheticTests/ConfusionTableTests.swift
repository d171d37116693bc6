import Synthetic
import Testing

/// The scoring itself: a wrong marker must show up as a missed target.
@Suite struct ConfusionTableTests {
    static let set = EvaluationSet.generate(rows: 2_000, seed: 5, soundsAlike: MatchHarness.soundsAlike)

    /// What a perfect matcher would write.
    static func perfect() -> [Int: Observation] {
        Dictionary(uniqueKeysWithValues: set.rows.map {
            ($0.id, Observation(marker: $0.expectedMarker.rawValue, lists: "", grund: $0.expectedGrund))
        })
    }

    @Test func perfectObservationsMeetEveryTarget() {
        let table = ConfusionTable(rows: Self.set.rows, observed: Self.perfect())
        #expect(table.isPerfect)
        #expect(table.missedTargets.isEmpty)
        #expect(table.rendered().contains("recall 100.00 %"))
    }

    @Test func oneMissedVariantBreaksRecall() throws {
        var observed = Self.perfect()
        let row = try #require(Self.set.rows.first { $0.kind == .umlaut })
        observed[row.id]?.marker = "nein"
        let table = ConfusionTable(rows: Self.set.rows, observed: observed)
        // About 40 umlaut rows: one miss is 97.5 %.
        #expect(table.missedTargets.count == 1)
        #expect(table.missedTargets.first?.hasPrefix("umlaut: recall") == true)
        #expect(!table.isPerfect)
    }

    @Test func oneFalseHitOnANearMissIsReported() throws {
        var observed = Self.perfect()
        let row = try #require(Self.set.rows.first { $0.kind == .otherHouseNumber })
        observed[row.id] = Observation(marker: "ja", lists: "post", grund: "person")
        let table = ConfusionTable(rows: Self.set.rows, observed: observed)
        #expect(table.missedTargets == ["other-house-number: 1 false hits"])
    }

    @Test func malformedRowNotPruefenIsReported() throws {
        var observed = Self.perfect()
        let row = try #require(Self.set.rows.first { $0.kind == .badPostcode })
        observed[row.id] = Observation(marker: "nein", lists: "", grund: "")
        #expect(ConfusionTable(rows: Self.set.rows, observed: observed).missedTargets == [
            "bad-postcode: 1 malformed rows not marked pruefen",
        ])
    }

    @Test func wrongGrundIsNotPerfectButMeetsTargets() throws {
        var observed = Self.perfect()
        let row = try #require(Self.set.rows.first { $0.kind == .household })
        observed[row.id]?.grund = ""
        let table = ConfusionTable(rows: Self.set.rows, observed: observed)
        #expect(table.missedTargets.isEmpty)
        #expect(!table.isPerfect)
        #expect(table.lines.first { $0.kind == .household }?.wrongGrund == 1)
    }

    @Test func missingOutputRowsAreReported() throws {
        var observed = Self.perfect()
        let row = try #require(Self.set.rows.first { $0.kind == .canonical })
        observed[row.id] = nil
        #expect(ConfusionTable(rows: Self.set.rows, observed: observed).missedTargets.contains("canonical: 1 rows missing from the output"))
    }
}
