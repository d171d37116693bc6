import Testing
@testable import Matching

@Suite struct KoelnerBytesTests {
    /// Letters weighted towards the ones with context rules (c, h, x, p, d, t
    /// and their neighbours s, z, k, q), with hyphens and spaces between.
    static let alphabet = Array("cccchhhxxppddttsszzkkqqaeioulrnmbfgvwjy- ".utf8)

    static func code(_ name: [UInt8]) -> String {
        var out = ScratchBuffer<UInt8>(capacity: 16)
        defer { out.release() }
        name.withUnsafeBufferPointer { KoelnerBytes.encode($0, 0..<name.count, into: &out) }
        return String(decoding: out.buffer, as: UTF8.self)
    }

    @Test func agreesWithTheReferenceOnGeneratedNames() {
        var random = SplitMix(seed: 1969)
        for _ in 0..<50_000 {
            let name = (0..<Int(random.next() % 12)).map { _ in Self.alphabet[Int(random.next() % UInt64(Self.alphabet.count))] }
            #expect(Self.code(name) == KoelnerPhonetik.encode(String(decoding: name, as: UTF8.self)), "\(String(decoding: name, as: UTF8.self))")
        }
    }

    /// Every pair and triple of the rule letters, so each context occurs at the
    /// start, inside and at the end of a name.
    @Test func agreesWithTheReferenceOnEveryShortCombination() {
        let letters = Array("chxpdtszkqal".utf8)
        for a in letters {
            for b in letters {
                for c in letters + [0x2D] {
                    for name in [[a, b], [a, b, c], [0x61, a, b, c]] {
                        #expect(Self.code(name) == KoelnerPhonetik.encode(String(decoding: name, as: UTF8.self)), "\(String(decoding: name, as: UTF8.self))")
                    }
                }
            }
        }
    }
}
