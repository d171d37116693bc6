import Foundation
import Synthetic
import Testing

@Suite struct EvaluationRunTests {
    /// The accuracy acceptance check at a small size: every row gets exactly the expected marker and grund.
    @Test func smallEvaluationIsPerfect() throws {
        let folder = try MatchHarness.temporaryFolder()
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

@Suite struct EvaluationHarnessTests {
    /// A matcher that says `ja` to everything must fail every `nein` and `pruefen` target.
    @Test func aMatcherThatAlwaysSaysJaFails() throws {
        let folder = try MatchHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try Evaluation.run(rows: 500, seed: 2, folder: folder, soundsAlike: MatchHarness.soundsAlike) { files in
            let input = try String(contentsOfFile: files.input, encoding: .utf8)
            let lines = input.split(separator: "\n").enumerated().map {
                $0.element + ($0.offset == 0 ? ";robinson;robinson_listen;robinson_grund" : ";ja;post;person")
            }
            try (lines.joined(separator: "\n") + "\n").write(toFile: files.output, atomically: true, encoding: .utf8)
        }
        let missed = result.table.missedTargets
        #expect(missed.contains("household: \(result.table.lines.first { $0.kind == .household }!.rows) false hits"))
        #expect(missed.contains { $0.hasPrefix("other-postcode:") })
        #expect(missed.contains { $0.hasPrefix("bad-postcode:") })
        #expect(!missed.contains { $0.hasPrefix("canonical:") })
        #expect(!result.table.isPerfect)
    }
}

@Suite struct VariantRenderingTests {
    @Test(arguments: VariantKind.allCases.filter { $0.category == .variant })
    func variantFillsItsChannelOnly(kind: VariantKind) {
        var random = SplitMix64(seed: 77)
        for _ in 0..<20 {
            let person = Person.random(for: kind, using: &random)
            let row = InputRow.variant(kind, of: person, using: &random, soundsAlike: MatchHarness.soundsAlike)
            switch kind.channel {
            case .phone: #expect(!row.phone.isEmpty && row.email.isEmpty && row.street.isEmpty)
            case .email: #expect(!row.email.isEmpty && row.phone.isEmpty && row.street.isEmpty)
            default:
                #expect(row.phone.isEmpty && row.email.isEmpty)
                #expect(!row.street.isEmpty && !row.postcode.isEmpty)
                #expect(!row.lastName.isEmpty || !row.fullName.isEmpty)
            }
        }
    }

    @Test func peopleFitTheirKind() {
        var random = SplitMix64(seed: 78)
        for _ in 0..<50 {
            #expect(Person.random(for: .postcodeFourDigits, using: &random).place.postcode.hasPrefix("0"))
            #expect(Person.random(for: .particleDropped, using: &random).particle != nil)
            #expect(Person.random(for: .phoneMobile, using: &random).phone.isMobile)
            #expect(!Person.random(for: .phoneForeign, using: &random).phone.isGerman)
            #expect(Person.random(for: .houseRange, using: &random).houseNumber.rangeEnd != nil)
        }
        let person = Person.random(using: &random)
        #expect(person.deliveryRows.post.lastName == person.lastName)
        #expect(person.deliveryRows.email.email == person.email)
    }
}
