import Formats
import Foundation
import Testing

@Suite struct FileSinkTests {
    @Test(arguments: [1, 4096, 70_000])
    func writesAllBytesInOrder(_ pieceSize: Int) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.file("out.csv")
        let sink = try FileSink(path: file, bufferSize: 8192)
        var expected: [UInt8] = []
        var random = SeededGenerator(state: UInt64(pieceSize))
        while expected.count < 300_000 {
            let piece = (0..<Int.random(in: 1...pieceSize, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            expected += piece
            sink.write(piece)
        }
        sink.write([UInt8]())
        try sink.finish()
        try sink.finish()
        #expect(try contents(file) == expected)
        #expect(try mode(file) == 0o600)
    }

    @Test func writesAnyCollection() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.file("out.csv")
        let sink = try FileSink(path: file)
        sink.write(utf8("a;b").dropFirst())
        sink.write("\r\n".utf8)
        sink.write(Set([UInt8(ascii: "x")]))
        try sink.finish()
        #expect(try contents(file) == utf8(";b\r\nx"))
    }

    @Test func writeErrorsSurfaceAtFinish() throws {
        // /dev/full accepts the open and fails every write with ENOSPC.
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let sink = try FileSink(path: "/dev/full", mode: 0o666, bufferSize: 4096)
        sink.write([UInt8](repeating: 1, count: 10_000))
        #expect(sink.failure != nil)
        #expect(throws: OutputError.self) { try sink.finish() }
    }

    @Test func openFailsInMissingFolder() {
        #expect(throws: OutputError.self) { try FileSink(path: "/nonexistent/folder/out.csv") }
    }

    @Test func zstdSinkWritesA0600File() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.file("out.csv.zst")
        _ = try zstd(utf8("Name;robinson\r\n"), file: file)
        #expect(try mode(file) == 0o600)
        #expect(try readFile(file) == utf8("Name;robinson\r\n"))
    }

    /// Writes `bytes` in pieces of mixed sizes, some larger than the sink's buffer.
    private static func write(_ bytes: [UInt8], to sink: FileSink, seed: UInt64) {
        var generator = SeededGenerator(state: seed)
        var offset = 0
        bytes.withUnsafeBytes { raw in
            while offset < raw.count {
                let piece = min(raw.count - offset, [1, 7, 93, 4096, 65_537, 5 << 20].randomElement(using: &generator)!)
                sink.write(UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + piece)]))
                offset += piece
            }
        }
    }

    /// Bypassing the page cache, whole blocks go to the disk directly and the
    /// rest through the cache: every byte arrives, whatever the length and
    /// however it is cut. On a local disk file system the sink bypasses the cache.
    @Test(arguments: [0, 1, 4095, 4096, 4097, (4 << 20) - 1, 4 << 20, (4 << 20) + 1, 10_000_019])
    func bypassingTheCacheWritesEveryByte(size: Int) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.file("output.csv")
        let sink = try FileSink(path: file, bypassingCache: true)
        let local = ["ext2/ext3", "xfs", "btrfs"].contains(try fileSystem(folder.path))
        #expect(sink.bypassesCache == local)
        let bytes = randomBytes(size, seed: UInt64(size))
        Self.write(bytes, to: sink, seed: UInt64(size) + 1)
        try sink.finish()
        #expect(try contents(file) == bytes)
        #expect(try mode(file) == 0o600)
    }

    /// In memory (tmpfs) there is no disk to write to directly: the cache it is.
    @Test func tmpfsIsWrittenThroughTheCache() throws {
        guard FileManager.default.fileExists(atPath: "/dev/shm"), try fileSystem("/dev/shm") == "tmpfs" else { return }
        let file = "/dev/shm/robinson-filesink-\(UUID().uuidString)"
        defer { unlink(file) }
        let sink = try FileSink(path: file, bypassingCache: true)
        #expect(!sink.bypassesCache)
        let bytes = randomBytes(5_000_003, seed: 7)
        Self.write(bytes, to: sink, seed: 8)
        try sink.finish()
        #expect(try contents(file) == bytes)
    }
}
