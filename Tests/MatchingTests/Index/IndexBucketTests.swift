import Foundation
@testable import Matching
import Testing

/// The bucket layout (format 3): 64-byte buckets of up to seven sorted
/// fingerprints, chains of full buckets where fingerprints crowd, overflow
/// buckets after the last home bucket, and refusal of files that would make a
/// lookup read outside its bucket array.
@Suite("Index buckets")
struct IndexBucketTests {
    static let bucketSize = 64
    static let payloadOffset = 256

    /// Entries crowded so that buckets overflow into chains of several buckets,
    /// chains that run into the next home buckets, and a chain at the very last
    /// home bucket that needs overflow buckets; each fingerprint may come on
    /// several lists. Lookups, single and batched, must agree with a dictionary
    /// for every present fingerprint, for absent ones just below, above and
    /// between them, and for 0 and `UInt64.max`.
    @Test(arguments: [(UInt64(1), 600), (2, 5_000), (3, 40_000)])
    func lookupsAgreeWithADictionary(seed: UInt64, uniform: Int) throws {
        let folder = try TemporaryFolder()
        var generator = SplitMix(seed: seed)
        var expected: [UInt64: ListSet] = [:]
        var entries: [(UInt64, ListSet)] = []
        func add(_ fingerprint: UInt64) {
            guard fingerprint != 0, fingerprint != .max else { return }
            let lists = ListSet(rawValue: UInt8(1 << (generator.next() % 5)))
            entries.append((fingerprint, lists))
            expected[fingerprint, default: []].formUnion(lists)
        }
        for _ in 0..<uniform { add(generator.next()) }
        // 60 fingerprints with the same top 20 bits: one home bucket, a chain of nine.
        for _ in 0..<60 { add(0x1234_5000_0000_0000 | generator.next() >> 20) }
        // Ten neighbouring home buckets (top 12 bits) with 12 each: chains that run into each other.
        for bucket in UInt64(0)..<10 {
            for _ in 0..<12 { add((0x8000_0000_0000_0000 + (bucket << 52)) | (generator.next() >> 12)) }
        }
        // 40 at the top of the range: the last home bucket's chain needs overflow buckets.
        for _ in 0..<40 { add(0xFFFF_F000_0000_0000 | generator.next() >> 20) }
        // The same fingerprint again on other lists.
        for (fingerprint, _) in entries.prefix(500) where generator.next() % 3 == 0 { add(fingerprint) }
        for i in stride(from: entries.count - 1, to: 0, by: -1) { entries.swapAt(i, Int(generator.next() % UInt64(i + 1))) }

        let path = folder.path + "/a.rbx"
        let header = try IndexFileTests.write(entries, to: path)
        #expect(header.entryCount == UInt64(expected.count))
        let shape = try Self.chains(path)
        #expect(header.bucketCount > UInt64(1) << header.bucketBits, "the last chain runs into overflow buckets")
        #expect(shape.longestChain >= 5, "a chain of several full buckets")
        #expect(shape.entries == expected.count)

        let index = try IndexFile(path: path)
        let present = expected.keys.sorted()
        var probes: [UInt64] = [0, .max, 1, .max - 1]
        for (i, fingerprint) in present.enumerated() {
            probes += [fingerprint, fingerprint - 1, fingerprint + 1]
            if i + 1 < present.count { probes.append(fingerprint / 2 + present[i + 1] / 2) }
        }
        for _ in 0..<10_000 { probes.append(generator.next()) }
        var wrong = 0
        for probe in probes where index.lookup(probe) != expected[probe] ?? [] { wrong += 1 }
        #expect(wrong == 0, "\(wrong) of \(probes.count) lookups disagree with the dictionary")
        #expect(index.lookup(0).isEmpty && index.lookup(.max).isEmpty)

        var found = [ListSet](repeating: [], count: probes.count)
        probes.withUnsafeBufferPointer { keys in
            found.withUnsafeMutableBufferPointer { index.lookup(keys, into: $0) }
        }
        #expect(found == probes.map { index.lookup($0) }, "batched and single lookups agree")
    }

    /// Seven fingerprints fill a bucket; the seventh again on other lists is
    /// merged into its slot, not moved on; the eighth goes to the next bucket.
    @Test func repeatsOfTheLastFingerprintOfAFullBucketMerge() throws {
        let folder = try TemporaryFolder()
        let base: UInt64 = 0x4000_0000_0000_0000
        var entries = (1...8).map { (base + UInt64($0), ListSet(.post)) }
        entries += [(base + 7, ListSet(.telefon)), (base + 7, ListSet(.email)), (base + 8, ListSet(.fax))]
        let path = folder.path + "/a.rbx"
        let header = try IndexFileTests.write(Array(entries.reversed()), to: path)
        #expect(header.entryCount == 8)
        let index = try IndexFile(path: path)
        #expect(index.lookup(base + 7) == [ListSet(.post), ListSet(.telefon), ListSet(.email)])
        #expect(index.lookup(base + 8) == [ListSet(.post), ListSet(.fax)])
        #expect(index.lookup(base + 9).isEmpty && index.lookup(base).isEmpty)
        let raw = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let home = Self.payloadOffset + Int(base >> (64 - UInt64(header.bucketBits))) * Self.bucketSize
        #expect(raw[home + 63] == 7 && raw[home + 64 + 63] == 1, "a full bucket, then one entry in the next")
    }

    /// Every bucket from the last home bucket to the end full: a lookup above
    /// them all stops at the bucket count. The file is mapped with an
    /// inaccessible page right after it, so reading one bucket further crashes.
    @Test func aLookupPastTheLastFullBucketStopsAtTheEnd() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/a.rbx"
        let top = (0..<(61 * 7)).map { (0xFF00_0000_0000_0000 + UInt64($0) << 20, ListSet(.mobil)) }
        let header = try IndexFileTests.write(top, to: path)
        #expect(header.bucketBits == 8 && header.bucketCount == 256 + 60)
        #expect(try Self.chains(path).longestChain == 61)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let page = 4096
        try #require(bytes.count % page == 0 && Int(sysconf(Int32(_SC_PAGESIZE))) == page)
        let region = try #require(mmap(nil, bytes.count + page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0))
        try #require(region != MAP_FAILED)
        bytes.withUnsafeBytes { region.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
        try #require(mprotect(region, bytes.count, PROT_READ) == 0 && mprotect(region + bytes.count, page, PROT_NONE) == 0)
        defer { munmap(region + bytes.count, page) }
        let index = try IndexFile(mapping: UnsafeRawBufferPointer(start: region, count: bytes.count), path: path, verifyChecksum: true)

        #expect(index.lookup(.max).isEmpty && index.lookup(0xFF00_0000_0000_0000 + 426 << 20 + 1).isEmpty)
        #expect(index.lookup(0xFF00_0000_0000_0000 + 426 << 20) == ListSet(.mobil))
        var found = [ListSet](repeating: ListSet(.post), count: 2)
        [UInt64.max, 0xFF00_0000_0000_0000].withUnsafeBufferPointer { keys in
            found.withUnsafeMutableBufferPointer { index.lookup(keys, into: $0) }
        }
        #expect(found == [[], ListSet(.mobil)])
    }

    @Test func aBucketCountByteAboveSevenIsRefused() throws {
        let folder = try TemporaryFolder()
        let path = try Self.smallIndex(folder)
        try Self.craft(path) { data in data[Self.payloadOffset + 3 * Self.bucketSize + 63] = 8 }
        #expect(throws: IndexError.corrupt(path: path, detail: "bucket 3 holds 8 entries")) { try IndexFile(path: path) }
    }

    @Test func countsThatDoNotSumToTheEntryCountAreRefused() throws {
        let folder = try TemporaryFolder()
        let path = try Self.smallIndex(folder)
        try Self.craft(path) { data in
            let count = Self.payloadOffset + 5 * Self.bucketSize + 63
            data[count] = data[count] == 7 ? 6 : data[count] + 1
        }
        #expect(throws: IndexError.corrupt(path: path, detail: "entry count")) { try IndexFile(path: path) }
    }

    @Test func aBucketCountBeyondThePayloadIsRefused() throws {
        let folder = try TemporaryFolder()
        let path = try Self.smallIndex(folder)
        let buckets = try Self.bucketCount(path)
        try Self.craft(path) { data in Self.store(buckets + 1, at: 168, in: &data) }
        #expect(throws: IndexError.corrupt(path: path, detail: "bucket count")) { try IndexFile(path: path) }
        // Bucket count and payload length raised together: the file is too short for them.
        try Self.craft(path) { data in
            Self.store(buckets + 1, at: 168, in: &data)
            Self.store((buckets + 1) * 64, at: 184, in: &data)
        }
        #expect(throws: IndexError.truncated(path: path)) { try IndexFile(path: path) }
        // Fewer buckets than the bucket bits promise home buckets.
        try Self.craft(path) { data in
            Self.store(buckets - 1, at: 168, in: &data)
            Self.store((buckets - 1) * 64, at: 184, in: &data)
            data.removeLast(64)
        }
        #expect(throws: IndexError.corrupt(path: path, detail: "bucket count")) { try IndexFile(path: path) }
    }

    @Test func aPayloadThatIsNotWhereTheBucketsMustBeIsRefused() throws {
        let folder = try TemporaryFolder()
        let path = try Self.smallIndex(folder)
        try Self.craft(path) { data in Self.store(264, at: 160, in: &data) }
        #expect(throws: IndexError.corrupt(path: path, detail: "bucket layout")) { try IndexFile(path: path) }
        try Self.craft(path) { data in data[180] = 8 }
        #expect(throws: IndexError.corrupt(path: path, detail: "bucket layout")) { try IndexFile(path: path) }
        try Self.craft(path) { data in data[72] = 40 }
        #expect(throws: IndexError.corrupt(path: path, detail: "bucket bits")) { try IndexFile(path: path) }
    }

    @Test func aFileCutInsideABucketIsRefused() throws {
        let folder = try TemporaryFolder()
        let path = try Self.smallIndex(folder)
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as! NSNumber).intValue
        truncate(path, off_t(size - 1))
        #expect(throws: IndexError.truncated(path: path)) { try IndexFile(path: path) }
        truncate(path, off_t(Self.payloadOffset + 10))
        #expect(throws: IndexError.truncated(path: path)) { try IndexFile(path: path) }
    }

    // MARK: helpers

    static func smallIndex(_ folder: TemporaryFolder) throws -> String {
        let path = folder.path + "/a.rbx"
        _ = try IndexFileTests.write((0..<300).map { (UInt64($0) &* 0x9E37_79B9_7F4A_7C15, ListSet(.post)) }, to: path)
        return path
    }

    static func bucketCount(_ path: String) throws -> UInt64 {
        let raw = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        return (0..<8).reduce(0) { $0 | UInt64(raw[168 + $1]) << (8 * UInt64($1)) }
    }

    static func store(_ value: UInt64, at offset: Int, in data: inout [UInt8]) {
        for i in 0..<8 { data[offset + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(i))) }
    }

    /// Changes the file and then fixes its payload checksum, as someone crafting a file would.
    /// Each craft starts from the file as written.
    static func craft(_ path: String, _ change: (inout [UInt8]) -> Void) throws {
        let keep = path + ".original"
        if !FileManager.default.fileExists(atPath: keep) { try FileManager.default.copyItem(atPath: path, toPath: keep) }
        var data = try [UInt8](Data(contentsOf: URL(fileURLWithPath: keep)))
        change(&data)
        var digest = SHA256Digest()
        if data.count > payloadOffset { digest.update(Array(data[payloadOffset...])) }
        let sum = digest.finish()
        data.replaceSubrange(192..<224, with: sum)
        try Data(data).write(to: URL(fileURLWithPath: path))
    }

    /// How long the chains of full buckets are, and how many entries all buckets hold.
    static func chains(_ path: String) throws -> (longestChain: Int, entries: Int) {
        let raw = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        var longest = 0, run = 0, entries = 0
        for line in stride(from: payloadOffset, to: raw.count, by: bucketSize) {
            let count = Int(raw[line + 63])
            entries += count
            run = count == 7 ? run + 1 : 0
            longest = max(longest, run)
        }
        return (longest, entries)
    }
}
