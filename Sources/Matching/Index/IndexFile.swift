import CHMAC
import Foundation

/// A Robinson index mapped read-only. Immutable, so lookups from many threads
/// are safe; the mapping stays valid even after a newer version replaced the
/// file, which is what lets a running job finish on the version it opened.
public final class IndexFile: @unchecked Sendable {
    public let path: String
    public let header: IndexHeader
    /// The version name: the file name without extension.
    public var version: String { ((path as NSString).lastPathComponent as NSString).deletingPathExtension }

    private let base: UnsafeRawPointer
    private let length: Int
    private let directory: UnsafePointer<UInt32>
    private let fingerprints: UnsafePointer<UInt64>
    private let masks: UnsafePointer<UInt8>
    private let shift: UInt64

    /// Maps and verifies the file: header, sizes and the payload checksum.
    public init(path: String, verifyChecksum: Bool = true) throws(IndexError) {
        self.path = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .io(path: path, detail: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .io(path: path, detail: String(cString: strerror(errno))) }
        let length = Int(info.st_size)
        guard length >= IndexHeader.size else { throw .truncated(path: path) }
        guard let mapped = mmap(nil, length, PROT_READ, MAP_SHARED, fd, 0), mapped != MAP_FAILED else {
            throw .io(path: path, detail: String(cString: strerror(errno)))
        }
        let raw = UnsafeRawBufferPointer(start: mapped, count: length)
        let header: IndexHeader
        do throws(IndexError) {
            header = try IndexHeader.decode(raw, path: path)
            try Self.checkLayout(header, length: length, path: path)
            if verifyChecksum {
                var digest = SHA256Digest()
                digest.update(UnsafeRawBufferPointer(rebasing: raw[IndexHeader.size...]))
                guard digest.finish() == header.payloadDigest else {
                    throw IndexError.corrupt(path: path, detail: "payload checksum mismatch")
                }
            }
        } catch {
            munmap(mapped, length)
            throw error
        }
        self.header = header
        self.base = UnsafeRawPointer(mapped)
        self.length = length
        self.directory = base.advanced(by: Int(header.directoryOffset)).assumingMemoryBound(to: UInt32.self)
        self.fingerprints = base.advanced(by: Int(header.fingerprintsOffset)).assumingMemoryBound(to: UInt64.self)
        self.masks = base.advanced(by: Int(header.masksOffset)).assumingMemoryBound(to: UInt8.self)
        self.shift = 64 - UInt64(header.bucketBits)
        madvise(UnsafeMutableRawPointer(mutating: base), length, MADV_WILLNEED)
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: base), length)
    }

    private static func checkLayout(_ h: IndexHeader, length: Int, path: String) throws(IndexError) {
        guard UInt64(length) == UInt64(IndexHeader.size) + h.payloadLength else {
            throw UInt64(length) < UInt64(IndexHeader.size) + h.payloadLength ? .truncated(path: path)
                : .corrupt(path: path, detail: "file longer than its header says")
        }
        guard (8...24).contains(h.bucketBits) else { throw .corrupt(path: path, detail: "bucket bits") }
        let directoryEnd = h.directoryOffset + (UInt64(1) << h.bucketBits + 1) * 4
        guard h.directoryOffset == UInt64(IndexHeader.size), directoryEnd <= h.fingerprintsOffset,
              h.fingerprintsOffset % 8 == 0,
              h.fingerprintsOffset + h.entryCount * 8 == h.masksOffset,
              h.masksOffset + h.entryCount == UInt64(length)
        else { throw .corrupt(path: path, detail: "section offsets") }
    }

    /// The lists a fingerprint is on; empty when it is on none.
    @inline(__always)
    public func lookup(_ fingerprint: UInt64) -> ListSet {
        let bucket = Int(fingerprint >> shift)
        var position = Int(UInt32(littleEndian: directory[bucket]))
        let end = Int(UInt32(littleEndian: directory[bucket + 1]))
        // Buckets hold a handful of sorted entries: a linear scan beats a binary search.
        while position < end {
            let value = UInt64(littleEndian: fingerprints[position])
            if value >= fingerprint {
                return value == fingerprint ? ListSet(rawValue: masks[position]) : []
            }
            position += 1
        }
        return []
    }

    /// Looks up several fingerprints with their cache misses overlapped: all
    /// directory slots are prefetched, then all buckets, then each is scanned.
    /// `found[i]` is the answer for `fingerprints[i]`.
    public func lookup(_ fingerprints: UnsafeBufferPointer<UInt64>, into found: UnsafeMutableBufferPointer<ListSet>) {
        for fp in fingerprints {
            robinson_prefetch(directory + Int(fp >> shift))
        }
        for fp in fingerprints {
            let start = Int(UInt32(littleEndian: directory[Int(fp >> shift)]))
            robinson_prefetch(self.fingerprints + start)
            robinson_prefetch(masks + start)
        }
        for (i, fp) in fingerprints.enumerated() {
            found[i] = lookup(fp)
        }
    }

    /// Refuses an index built with another hashing key.
    public func requireKey(_ keyId: String) throws(IndexError) {
        guard header.keyId == keyId else {
            throw .wrongKey(path: path, indexKey: header.keyId, installedKey: keyId)
        }
    }
}
