import Foundation
import Matching
import Testing
import TestSupport

/// A temporary folder removed at the end of the test.
final class TemporaryFolder {
    let path: String
    init() throws {
        path = try TemporaryFolders.make("robinson-index")
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

@Suite("Index file format")
struct IndexFileTests {
    static let keyId = "0123456789abcdef"

    static func write(_ entries: [(UInt64, ListSet)], to path: String) throws -> IndexHeader {
        var list = entries.map { IndexWriter.Entry(fingerprint: $0.0, lists: $0.1) }
        return try IndexWriter.write(entries: &list, to: path, keyId: keyId, sourceDigest: [UInt8](repeating: 9, count: 32),
                                     rowsPerList: [1, 2, 3, 4, 5], keysPerKind: [5, 4, 3, 2, 1], buildTime: 1_700_000_000)
    }

    @Test func lookupFindsEveryEntryAndNothingElse() throws {
        let folder = try TemporaryFolder()
        var generator = SplitMix(seed: 42)
        var entries: [(UInt64, ListSet)] = []
        for i in 0..<50_000 { entries.append((generator.next(), ListSet(rawValue: UInt8(1 << (i % 5))))) }
        let header = try Self.write(entries, to: folder.path + "/a.rbx")
        let index = try IndexFile(path: folder.path + "/a.rbx")
        #expect(index.header == header)
        #expect(header.entryCount == 50_000)
        for (fp, lists) in entries { #expect(index.lookup(fp) == lists) }
        var misses = 0
        for _ in 0..<50_000 where !index.lookup(generator.next()).isEmpty { misses += 1 }
        #expect(misses == 0)
        #expect(index.lookup(0).isEmpty && index.lookup(.max).isEmpty)
    }

    @Test func sameFingerprintOnSeveralListsIsMerged() throws {
        let folder = try TemporaryFolder()
        _ = try Self.write([(77, ListSet(.telefon)), (77, ListSet(.mobil)), (5, ListSet(.post))], to: folder.path + "/a.rbx")
        let index = try IndexFile(path: folder.path + "/a.rbx")
        #expect(index.header.entryCount == 2)
        #expect(index.lookup(77) == [ListSet(.telefon), ListSet(.mobil)])
    }

    /// Enough entries for the bucketed sort, crowded into few buckets (the top
    /// bits of most fingerprints are equal), with the extremes and each
    /// fingerprint several times on different lists, in shuffled order.
    @Test func largeDeliveryWithRepeatsIsSortedAndMerged() throws {
        let folder = try TemporaryFolder()
        var generator = SplitMix(seed: 7)
        var expected: [UInt64: UInt8] = [:]
        var entries: [(UInt64, ListSet)] = []
        for i in 0..<30_000 {
            let fingerprint: UInt64 = switch i % 3 {
            case 0: generator.next()
            case 1: 0xABCD_0000_0000_0000 | (generator.next() & 0xFFFF)
            default: [0, UInt64.max, 1 << 48, (1 << 48) - 1][Int(generator.next() % 4)]
            }
            let lists = ListSet(rawValue: UInt8(1 << (generator.next() % 5)))
            entries.append((fingerprint, lists))
            expected[fingerprint, default: 0] |= lists.rawValue
        }
        for i in stride(from: entries.count - 1, to: 0, by: -1) { entries.swapAt(i, Int(generator.next() % UInt64(i + 1))) }
        let header = try Self.write(entries, to: folder.path + "/a.rbx")
        #expect(header.entryCount == UInt64(expected.count))
        let index = try IndexFile(path: folder.path + "/a.rbx")
        for (fingerprint, mask) in expected { #expect(index.lookup(fingerprint) == ListSet(rawValue: mask)) }
        #expect(index.lookup(0xABCD_0000_0001_0000).isEmpty && index.lookup(2).isEmpty)
    }

    @Test func headerRoundTripsCountsAndKey() throws {
        let folder = try TemporaryFolder()
        _ = try Self.write([(1, ListSet(.post))], to: folder.path + "/a.rbx")
        let index = try IndexFile(path: folder.path + "/a.rbx")
        #expect(index.header.keyId == Self.keyId)
        #expect(index.header.rowsPerList == [1, 2, 3, 4, 5])
        #expect(index.header.keysPerKind == [5, 4, 3, 2, 1])
        #expect(index.header.buildTime == 1_700_000_000)
        #expect(throws: IndexError.wrongKey(path: folder.path + "/a.rbx", indexKey: Self.keyId, installedKey: "ffffffffffffffff")) {
            try index.requireKey("ffffffffffffffff")
        }
    }

    @Test func truncatedFileIsRefused() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/a.rbx"
        _ = try Self.write((0..<1000).map { (UInt64($0) &* 0x9E37_79B9_7F4A_7C15, ListSet(.post)) }, to: path)
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as! NSNumber).intValue
        truncate(path, off_t(size - 100))
        #expect(throws: IndexError.truncated(path: path)) { try IndexFile(path: path) }
        truncate(path, 10)
        #expect(throws: IndexError.truncated(path: path)) { try IndexFile(path: path) }
    }

    @Test func flippedPayloadByteIsRefused() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/a.rbx"
        _ = try Self.write((0..<1000).map { (UInt64($0) &* 0x9E37_79B9_7F4A_7C15, ListSet(.post)) }, to: path)
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        data[data.count - 3] ^= 0x01
        try data.write(to: URL(fileURLWithPath: path))
        #expect(throws: IndexError.corrupt(path: path, detail: "payload checksum mismatch")) { try IndexFile(path: path) }
    }

    /// A bucket that claims more slots than it has, or counts that do not add up
    /// to the header's entry count, are refused before any lookup, whether the
    /// checksum is verified or not (a crafted file can carry a matching checksum).
    @Test func bucketCountsAreChecked() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/a.rbx"
        _ = try Self.write((0..<1000).map { (UInt64($0) &* 0x9E37_79B9_7F4A_7C15, ListSet(.post)) }, to: path)
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        // Bucket 5's count byte (the last of its 64): the payload starts after the 256-byte header.
        let countByte = 256 + 5 * 64 + 63
        let count = original[countByte]
        for (value, detail) in [(UInt8(9), "bucket 5 holds 9 entries"), (count == 0 ? 1 : count - 1, "entry count")] {
            var data = original
            data[countByte] = value
            try data.write(to: URL(fileURLWithPath: path))
            #expect(throws: IndexError.corrupt(path: path, detail: detail)) { try IndexFile(path: path, verifyChecksum: false) }
            #expect(throws: IndexError.self) { try IndexFile(path: path) }
        }
    }

    /// Format 1 held HMAC-SHA256 fingerprints, format 2 a bucket directory beside
    /// separate arrays: refused, with the advice to rebuild.
    @Test(arguments: [UInt32(1), 2])
    func olderFormatsAreRefusedWithTheAdviceToRebuild(version: UInt32) throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/a.rbx"
        _ = try Self.write((0..<1000).map { (UInt64($0) &* 0x9E37_79B9_7F4A_7C15, ListSet(.post)) }, to: path)
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        data[8] = UInt8(version)
        data[12] = version == 1 ? 1 : 2
        try data.write(to: URL(fileURLWithPath: path))
        let error = IndexError.unsupportedVersion(path: path, version: version)
        #expect(throws: error) { try IndexFile(path: path) }
        #expect(error.description.contains("index format \(version), this robinson reads only format 3"), "\(error)")
        #expect(error.description.contains("rebuild the index with `robinson index build`"), "\(error)")
    }

    @Test func otherFilesAreNotIndexes() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/a.rbx"
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        #expect(throws: IndexError.notAnIndex(path: path)) { try IndexFile(path: path) }
    }
}

@Suite("Index versions")
struct IndexDirectoryTests {
    @Test func switchLeavesOpenedVersionReadable() throws {
        let folder = try TemporaryFolder()
        let directory = IndexDirectory(path: folder.path)
        #expect(throws: IndexError.noIndex(directory: folder.path)) { try directory.openCurrent(keyId: IndexFileTests.keyId) }

        _ = try IndexFileTests.write([(11, ListSet(.post))], to: folder.path + "/.build-1")
        try directory.install(temporary: folder.path + "/.build-1", version: "v1")
        let running = try directory.openCurrent(keyId: IndexFileTests.keyId)

        _ = try IndexFileTests.write([(22, ListSet(.email))], to: folder.path + "/.build-2")
        try directory.install(temporary: folder.path + "/.build-2", version: "v2")
        #expect(directory.currentVersion() == "v2")
        #expect(directory.prune(inUse: []) == ["v1"])

        // The job that opened v1 still reads v1, although its file is gone.
        #expect(running.version == "v1")
        #expect(running.lookup(11) == ListSet(.post))
        #expect(running.lookup(22).isEmpty)
        let next = try directory.openCurrent(keyId: IndexFileTests.keyId)
        #expect(next.lookup(22) == ListSet(.email))
    }

    @Test func currentMustNameAVersionFileInsideTheFolder() throws {
        let base = try TemporaryFolder()
        let folder = base.path + "/index"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let directory = IndexDirectory(path: folder)
        _ = try IndexFileTests.write([(11, ListSet(.post))], to: folder + "/.build-1")
        try directory.install(temporary: folder + "/.build-1", version: "v1")
        // A valid index outside the folder, where "../elsewhere" would lead.
        try FileManager.default.copyItem(atPath: folder + "/v1.rbx", toPath: base.path + "/elsewhere.rbx")
        try FileManager.default.createSymbolicLink(atPath: folder + "/linked.rbx", withDestinationPath: base.path + "/elsewhere.rbx")
        for pointer in ["../elsewhere", base.path + "/elsewhere", "v1/../../elsewhere", "linked", ".build-1", "v9"] {
            try Data((pointer + "\n").utf8).write(to: URL(fileURLWithPath: folder + "/CURRENT"))
            #expect(throws: IndexError.badPointer(path: folder + "/CURRENT", content: pointer), "\(pointer)") {
                try directory.openCurrent(keyId: IndexFileTests.keyId)
            }
            #expect(directory.currentVersion() == nil)
            #expect(directory.prune(inUse: []).isEmpty, "without a valid CURRENT no version is deleted")
        }
        #expect(FileManager.default.fileExists(atPath: folder + "/v1.rbx"))
        try Data("v1\n".utf8).write(to: URL(fileURLWithPath: folder + "/CURRENT"))
        #expect(try directory.openCurrent(keyId: IndexFileTests.keyId).version == "v1")
    }
}

/// Deterministic 64-bit generator for test data.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

