import Testing

@testable import Matching

@Suite("Fingerprint filter")
struct FingerprintFilterTests {
    @Test func everyInsertedFingerprintMayBeThereAndFewOthersSeemTo() {
        var generator = SystemRandomNumberGenerator()
        let inserted = (0..<200_000).map { _ in UInt64.random(in: .min ... .max, using: &generator) }
        let filter = FingerprintFilter(entries: inserted.count)
        for fp in inserted { filter.insert(fp) }
        #expect(inserted.allSatisfy { filter.mayContain($0) })
        // Uniform fingerprints never inserted: the filter must rule out nearly all of them.
        let others = (0..<200_000).map { _ in UInt64.random(in: .min ... .max, using: &generator) }
        let seeming = others.filter { filter.mayContain($0) }.count
        #expect(seeming < others.count / 50, "\(seeming) of \(others.count) pass the filter")
    }
}
