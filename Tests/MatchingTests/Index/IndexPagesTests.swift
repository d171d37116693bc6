import Foundation
import Testing

@testable import Matching

/// The index's pages: large pages asked for at every open, and a new index read
/// back from the disk by `index build`.
@Suite("Index pages")
struct IndexPagesTests {
    /// The `VmFlags` of this process's mapping of `path`.
    private static func mappingFlags(_ path: String) throws -> String? {
        // Read to the end: `String(contentsOfFile:)` stops after one read of a /proc file.
        let smaps = try #require(FileHandle(forReadingAtPath: "/proc/self/smaps")).readDataToEndOfFile()
        var mapsFile = false
        for line in String(decoding: smaps, as: UTF8.self).split(separator: "\n") {
            if line.first?.isHexDigit == true && line.contains("-") && line.contains(" ") {
                mapsFile = line.hasSuffix(path)
            } else if mapsFile && line.hasPrefix("VmFlags:") {
                return String(line.dropFirst("VmFlags:".count))
            }
        }
        return nil
    }

    /// How many of `path`'s pages are in the page cache (`mincore`).
    private static func cachedPages(_ path: String) -> (cached: Int, pages: Int) {
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        var info = stat()
        fstat(fd, &info)
        let length = Int(info.st_size)
        let mapped = mmap(nil, length, PROT_READ, MAP_SHARED, fd, 0)!
        defer { munmap(mapped, length) }
        let pages = (length + Int(getpagesize()) - 1) / Int(getpagesize())
        var vector = [UInt8](repeating: 0, count: pages)
        _ = mincore(mapped, length, &vector)
        return (vector.filter { $0 & 1 != 0 }.count, pages)
    }

    private static func writeIndex(in folder: TemporaryFolder) throws -> String {
        var generator = SplitMix(seed: 7)
        let path = folder.path + "/pages.rbx"
        _ = try IndexFileTests.write((0..<200_000).map { _ in (generator.next(), ListSet(.post)) }, to: path)
        return path
    }

    /// The open marks its mapping for transparent huge pages before reading it,
    /// so a cold file comes into the cache as 2 MB folios.
    @Test func openAsksForLargePages() throws {
        guard FileManager.default.fileExists(atPath: "/sys/kernel/mm/transparent_hugepage/enabled") else { return }
        let folder = try TemporaryFolder()
        let path = try Self.writeIndex(in: folder)
        let index = try IndexFile(path: path)
        let flags = try #require(try Self.mappingFlags(path), "the index is mapped")
        #expect(flags.split(separator: " ").contains("hg"), "VmFlags:\(flags)")
        _ = index.lookup(1)
    }

    /// `index build` drops the new file's cached pages before reading it back, so
    /// the read-back checks what the disk holds.
    @Test func droppedPagesAreReadFromTheDiskAgain() throws {
        let folder = try TemporaryFolder()
        let path = try Self.writeIndex(in: folder)
        _ = try Data(contentsOf: URL(fileURLWithPath: path))
        let before = Self.cachedPages(path)
        #expect(before.cached == before.pages, "read just now: cached")
        IndexFile.dropCachedPages(path: path)
        #expect(Self.cachedPages(path).cached == 0)
    }
}
