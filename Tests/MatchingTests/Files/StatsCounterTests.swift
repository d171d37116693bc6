import Testing

@testable import Matching

/// The matcher's workers count rows with `StatsCounter` (fixed storage, merged
/// per chunk); the summary and the usage record read `MatchStats`. Counted
/// both ways, the same verdicts give the same statistics.
@Suite struct StatsCounterTests {
    @Test func countsAsMatchStatsDoes() {
        var generator = SystemRandomNumberGenerator()
        let reasons: [Reason?] = [nil] + (1...14).map { Reason(rawValue: UInt8($0)) }
        for _ in 0..<50 {
            var expected = MatchStats()
            var counted = StatsCounter(), part = StatsCounter()
            for line in 2..<Int.random(in: 2...600, using: &generator) {
                let marker = [Marker.ja, .nein, .pruefen, .blank].randomElement(using: &generator)!
                let verdict = Verdict(
                    marker: marker, lists: ListSet(rawValue: UInt8.random(in: 0...31, using: &generator)),
                    kinds: UInt8.random(in: 0...255, using: &generator),
                    reason: marker == .pruefen ? reasons.randomElement(using: &generator)! ?? .noCheckableData : nil)
                expected.add(verdict, line: line)
                part.add(verdict, line: line)
                // Chunks of the file, merged in order.
                if Int.random(in: 0..<50, using: &generator) == 0 {
                    counted.merge(part)
                    part = StatsCounter()
                }
            }
            counted.merge(part)
            #expect(counted.stats == expected)
        }
    }
}
