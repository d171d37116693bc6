import Formats
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite struct FileSourceTests {
    /// Writes `bytes` to `path`, to the disk, and drops the file from the page cache.
    private static func writeUncached(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        fsync(fd)
        _ = posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED)
    }

    /// Everything `source` gives, read in pieces of mixed sizes.
    private static func readAll(_ source: FileSource, seed: UInt64) throws -> [UInt8] {
        var generator = SeededGenerator(state: seed)
        var bytes: [UInt8] = []
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 3 << 20, alignment: 1)
        defer { buffer.deallocate() }
        while true {
            let size = [1, 7, 4095, 4096, 65_537, 3 << 20].randomElement(using: &generator)!
            let count = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<size]))
            if count == 0 { return bytes }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    /// A file not in the page cache is read past it on a local disk file system
    /// (where the kernel can tell what is cached), and every byte arrives
    /// however the reads are cut, also across the reader's aligned blocks.
    @Test(arguments: [0, 1, 4095, 4096, 4097, (2 << 20) - 1, 2 << 20, (2 << 20) + 1, 5_000_011])
    func anUncachedFileIsReadPastTheCache(size: Int) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.file("input.csv")
        let bytes = randomBytes(size, seed: UInt64(size))
        try Self.writeUncached(bytes, to: file)
        let kernelTells = FileSource.cachedPages(path: file) != nil
        if kernelTells { #expect(FileSource.cachedPages(path: file) == 0, "the test's file left the page cache") }
        let source = try FileSource(path: file, directFrom: 1)
        #expect(try Self.readAll(source, seed: UInt64(size) + 1) == bytes)
        let local = ["ext2/ext3", "xfs", "btrfs"].contains(try fileSystem(folder.path))
        #expect(source.readsPastCache == (local && kernelTells && size > 0))
        var last = [UInt8](repeating: 0, count: 16)
        #expect(try last.withUnsafeMutableBytes { try source.read(into: $0) } == 0, "stays at the end")
    }

    /// A file mostly in the page cache, or smaller than the limit, is read through the cache.
    @Test func aCachedOrSmallFileIsReadThroughTheCache() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.file("input.csv")
        let bytes = randomBytes(3_000_017, seed: 3)
        try Self.writeUncached(bytes, to: file)
        let small = try FileSource(path: file)
        #expect(try Self.readAll(small, seed: 4) == bytes)
        #expect(!small.readsPastCache, "below the default 64 MB")
        // That read brought the file into the cache.
        let cached = try FileSource(path: file, directFrom: 1)
        #expect(try Self.readAll(cached, seed: 5) == bytes)
        #expect(!cached.readsPastCache)
    }
}
