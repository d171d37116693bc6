import Testing

@testable import Matching

@Suite("First-name memo")
struct GivenNameMemoTests {
    /// What the memo must give for `name`: a value derived from the name alone.
    static func value(_ name: [UInt8]) -> (folded: [UInt8], code: [UInt8]) {
        (name.map { $0 | 0x20 }, Array("\(name.count)".utf8) + name.prefix(2))
    }

    @Test func aHitGivesTheValueStoredForThoseBytesAndNoOther() {
        var memo = GivenNameMemo()
        defer { memo.release() }
        // Far more names than slots, so many share a slot and overwrite each other.
        var generator = SystemRandomNumberGenerator()
        let names: [[UInt8]] = (0..<20_000).map { i in
            let length = 1 + i % GivenNameMemo.maxField
            return (0..<length).map { _ in UInt8.random(in: 0x41...0x5A, using: &generator) }
        }
        var hits = 0
        for round in 0..<3 {
            for name in names.shuffled() {
                name.withUnsafeBufferPointer { field in
                    if let found = memo.find(field) {
                        hits += 1
                        let expected = Self.value(name)
                        #expect(Array(found.folded) == expected.folded, "round \(round)")
                        #expect(Array(found.code) == expected.code, "round \(round)")
                    } else {
                        let value = Self.value(name)
                        value.folded.withUnsafeBufferPointer { folded in
                            value.code.withUnsafeBufferPointer { memo.store(field, folded: folded, code: $0) }
                        }
                    }
                }
            }
        }
        #expect(hits > 0)
        #expect(memo.hits == hits)
        #expect(memo.hits + memo.misses == 3 * names.count)
    }

    @Test func fieldsTooLongOrEmptyAreNeitherKeptNorFound() {
        var memo = GivenNameMemo()
        defer { memo.release() }
        let long = [UInt8](repeating: 0x61, count: GivenNameMemo.maxField + 1)
        long.withUnsafeBufferPointer { field in
            field.withMemoryRebound(to: UInt8.self) { memo.store($0, folded: $0, code: $0) }
            #expect(memo.find(field) == nil)
        }
        let empty: [UInt8] = []
        empty.withUnsafeBufferPointer { field in
            memo.store(field, folded: field, code: field)
            #expect(memo.find(field) == nil)
        }
        // A folded value longer than a slot holds is not kept either.
        let name = Array("Anna".utf8), folded = [UInt8](repeating: 0x61, count: GivenNameMemo.maxFolded + 1)
        name.withUnsafeBufferPointer { field in
            folded.withUnsafeBufferPointer { memo.store(field, folded: $0, code: $0) }
            #expect(memo.find(field) == nil)
        }
    }
}
