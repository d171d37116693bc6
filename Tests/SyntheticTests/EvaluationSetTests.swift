import Foundation
import Matching
import Synthetic
import Testing

@Suite struct EvaluationSetTests {
    static let set = EvaluationSet.generate(rows: 3_000, seed: 1, soundsAlike: MatchHarness.soundsAlike)

    @Test func everyKindAppears() {
        let counts = Dictionary(grouping: Self.set.rows, by: \.kind).mapValues(\.count)
        for kind in VariantKind.allCases {
            #expect((counts[kind] ?? 0) >= 15, "\(kind.name)")
        }
        #expect(EvaluationSet.scheduleLength() <= 3_000)
    }

    @Test func rowsAreNumberedInOrder() {
        #expect(Self.set.rows.map(\.id) == Array(1...3_000))
    }

    @Test func shortNamesAreUniqueAndStable() {
        let names = VariantKind.allCases.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(VariantKind.phonePlus49Zero.name == "phone-plus49-0")
        #expect(VariantKind.household.expectedGrund == "haushalt")
        #expect(VariantKind.badPostcode.expectedMarker == .pruefen)
    }

    @Test func sameSeedSameSetOtherSeedOtherSet() {
        let again = EvaluationSet.generate(rows: 3_000, seed: 1, soundsAlike: MatchHarness.soundsAlike)
        let other = EvaluationSet.generate(rows: 3_000, seed: 2, soundsAlike: MatchHarness.soundsAlike)
        #expect(again.rows == Self.set.rows)
        #expect(again.delivery == Self.set.delivery)
        #expect(other.rows != Self.set.rows)
    }

    @Test func sameSeedSameBytes() throws {
        let first = try MatchHarness.temporaryFolder(), second = try MatchHarness.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(atPath: first)
            try? FileManager.default.removeItem(atPath: second)
        }
        let a = try Self.set.write(to: first)
        let b = try EvaluationSet.generate(rows: 3_000, seed: 1, soundsAlike: MatchHarness.soundsAlike).write(to: second)
        for (x, y) in [(a.delivery, b.delivery), (a.input, b.input), (a.expected, b.expected)] {
            let left = try Data(contentsOf: URL(fileURLWithPath: x)), right = try Data(contentsOf: URL(fileURLWithPath: y))
            #expect(left == right, "\(x)")
            #expect(left.count > 1_000)
        }
        let header = try String(contentsOfFile: a.input, encoding: .utf8).prefix { $0 != "\n" }
        #expect(header == "id;vorname;nachname;vollständiger name;strasse;hausnummer;plz;ort;telefon;email")
    }

    /// Every delivery row is keyable: a row the index skips would turn variants into misses for the wrong reason.
    @Test func deliveryRowsNormalize() {
        for row in Self.set.delivery {
            switch row.list {
            case "post":
                let identity = PostalIdentity.normalize(
                    first: row.firstName, last: row.lastName, fullName: nil, street: row.street,
                    houseNumber: row.houseNumber, postcode: row.postcode
                )
                #expect((try? identity.get()) != nil, "\(row.line)")
            case "telefon", "mobil", "fax":
                #expect((try? PhoneNormalizer.normalize(row.phone).get()) == row.phone, "\(row.line)")
            default:
                #expect(row.list == "email")
                #expect((try? EmailNormalizer.normalize(row.email).get()) == row.email, "\(row.line)")
            }
        }
    }

    /// Near misses and households rest on unique addresses: no two post entries share street, number and postcode.
    @Test func listedAddressesAreUnique() {
        let keys = Self.set.delivery.filter { $0.list == "post" }.map { $0.street + "|" + $0.houseNumber + "|" + $0.postcode }
        #expect(Set(keys).count == keys.count)
    }
}
