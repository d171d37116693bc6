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
    /// The first bucket (`IndexBucket`), 64-byte aligned.
    private let buckets: UnsafeRawPointer
    private let bucketCount: Int
    private let shift: UInt64
    /// Rules out most keys on no list before their bucket is read (see `FingerprintFilter`).
    private let filter: FingerprintFilter

    /// Maps and verifies the file: header, layout and the payload checksum.
    public convenience init(path: String, verifyChecksum: Bool = true) throws(IndexError) {
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
        // Before anything is read: pages the open reads from the disk then come into the
        // page cache as 2 MB folios and are mapped with 2 MB pages, here and in every later
        // open while they stay cached. A lookup's bucket read then rarely misses the TLB
        // (docs/performance.md, "Lookups").
        #if os(Linux)
        madvise(mapped, length, MADV_HUGEPAGE)
        #endif
        try self.init(mapping: UnsafeRawBufferPointer(start: mapped, count: length), path: path, verifyChecksum: verifyChecksum)
        madvise(UnsafeMutableRawPointer(mutating: base), length, MADV_WILLNEED)
    }

    /// Takes over `mapping`, a whole index file mapped with `mmap`: verifies it
    /// and unmaps it when refused or released. The payload checksum is computed
    /// on a second thread while this one checks every bucket and fills the
    /// filter from it: both read all 128 MB, and the open is on the path of
    /// every match before its workers start.
    init(mapping raw: UnsafeRawBufferPointer, path: String, verifyChecksum: Bool) throws(IndexError) {
        let header: IndexHeader
        let filter: FingerprintFilter
        do throws(IndexError) {
            header = try IndexHeader.decode(raw, path: path)
            try Self.checkLayout(header, raw: raw, path: path)
            filter = try Self.verifiedFilter(header, raw: raw, path: path, verifyChecksum: verifyChecksum)
        } catch {
            munmap(UnsafeMutableRawPointer(mutating: raw.baseAddress), raw.count)
            throw error
        }
        self.path = path
        self.header = header
        self.base = raw.baseAddress!
        self.length = raw.count
        self.buckets = base.advanced(by: Int(header.payloadOffset))
        self.bucketCount = Int(header.bucketCount)
        self.shift = 64 - UInt64(header.bucketBits)
        self.filter = filter
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: base), length)
    }

    /// Checks the header's promises a lookup relies on, so that a corrupt or
    /// crafted file is refused instead of read outside its mapping: the file
    /// length, the payload's place and alignment, the bucket geometry, the
    /// bucket count against the payload length. The buckets themselves are
    /// checked by `filledFilter`.
    private static func checkLayout(_ h: IndexHeader, raw: UnsafeRawBufferPointer, path: String) throws(IndexError) {
        let length = UInt64(raw.count)
        guard length == UInt64(IndexHeader.size) + h.payloadLength else {
            throw length < UInt64(IndexHeader.size) + h.payloadLength ? .truncated(path: path)
                : .corrupt(path: path, detail: "file longer than its header says")
        }
        guard h.payloadOffset == UInt64(IndexHeader.size), h.payloadOffset % UInt64(IndexBucket.size) == 0,
              h.bucketSize == UInt32(IndexBucket.size), h.slotsPerBucket == UInt32(IndexBucket.slots)
        else { throw .corrupt(path: path, detail: "bucket layout") }
        guard (8...26).contains(h.bucketBits) else { throw .corrupt(path: path, detail: "bucket bits") }
        guard h.bucketCount >= UInt64(1) << h.bucketBits, h.bucketCount <= h.payloadLength / UInt64(IndexBucket.size),
              h.bucketCount * UInt64(IndexBucket.size) == h.payloadLength
        else { throw .corrupt(path: path, detail: "bucket count") }
    }

    /// The filled filter, once the checksum (computed beside it) is right.
    private static func verifiedFilter(
        _ h: IndexHeader, raw: UnsafeRawBufferPointer, path: String, verifyChecksum: Bool
    ) throws(IndexError) -> FingerprintFilter {
        let checksum = verifyChecksum ? PayloadChecksum(raw) : nil
        // The thread reads the mapping: it must be done before a refused file is unmapped.
        defer { checksum?.wait() }
        let filter = try filledFilter(h, raw: raw, path: path)
        if let checksum, checksum.wait() != h.payloadDigest {
            throw .corrupt(path: path, detail: "payload checksum mismatch")
        }
        return filter
    }

    /// The filter of all fingerprints, filled in one pass over the buckets that
    /// also checks every bucket's count (at most 7, summing to the entry count).
    private static func filledFilter(_ h: IndexHeader, raw: UnsafeRawBufferPointer, path: String) throws(IndexError) -> FingerprintFilter {
        let filter = FingerprintFilter(entries: Int(h.entryCount))
        let buckets = raw.baseAddress! + Int(h.payloadOffset)
        var entries: UInt64 = 0
        for bucket in 0..<Int(h.bucketCount) {
            let line = buckets + bucket * IndexBucket.size
            let count = line.load(fromByteOffset: IndexBucket.countOffset, as: UInt8.self)
            guard count <= IndexBucket.slots else { throw .corrupt(path: path, detail: "bucket \(bucket) holds \(count) entries") }
            entries += UInt64(count)
            for slot in 0..<Int(count) { filter.insert(UInt64(littleEndian: line.load(fromByteOffset: slot * 8, as: UInt64.self))) }
        }
        guard entries == h.entryCount else { throw .corrupt(path: path, detail: "entry count") }
        return filter
    }

    /// The lists a fingerprint is on; empty when it is on none.
    @inline(__always)
    public func lookup(_ fingerprint: UInt64) -> ListSet {
        var bucket = Int(truncatingIfNeeded: fingerprint >> shift)
        // Bounded by the bucket count, which the open checked against the mapping.
        while bucket < bucketCount {
            let line = buckets + bucket &* IndexBucket.size
            // The open checked count ≤ 7; masking keeps even a changed byte inside the line.
            let count = Int(line.load(fromByteOffset: IndexBucket.countOffset, as: UInt8.self) & 7)
            var slot = 0
            while slot < count {
                let value = UInt64(littleEndian: line.load(fromByteOffset: slot &* 8, as: UInt64.self))
                if value >= fingerprint {
                    return value == fingerprint
                        ? ListSet(rawValue: line.load(fromByteOffset: IndexBucket.masksOffset &+ slot, as: UInt8.self)) : []
                }
                slot &+= 1
            }
            // Only a full bucket can have passed entries on to the next one.
            guard count == IndexBucket.slots else { return [] }
            bucket &+= 1
        }
        return []
    }

    /// Looks up several fingerprints with their cache misses overlapped: the
    /// filter blocks of all are prefetched, then the home bucket of each the
    /// filter does not rule out (one line per key), then those are resolved.
    /// `found[i]` is the answer for `fingerprints[i]`. Not inlined, so that
    /// profiles show the lookups as their own stage.
    @inline(never)
    public func lookup(_ fingerprints: UnsafeBufferPointer<UInt64>, into found: UnsafeMutableBufferPointer<ListSet>) {
        for fp in fingerprints { filter.prefetch(fp) }
        // No list has this bit: it marks the keys still to be looked up in the index.
        let pending = ListSet(rawValue: 0x80)
        for (i, fp) in fingerprints.enumerated() {
            if filter.mayContain(fp) {
                robinson_prefetch(buckets + Int(truncatingIfNeeded: fp >> shift) &* IndexBucket.size)
                found[i] = pending
            } else {
                found[i] = []
            }
        }
        for (i, fp) in fingerprints.enumerated() where found[i] == pending {
            found[i] = lookup(fp)
        }
    }

    /// Drops the cached pages of the fsynced file `path`, so that the next open
    /// reads it from the disk: `index build` reads a new index back that way,
    /// which checks what the disk holds and caches it in large pages.
    static func dropCachedPages(path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        _ = posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED)
    }

    /// Refuses an index built with another hashing key.
    public func requireKey(_ keyId: String) throws(IndexError) {
        guard header.keyId == keyId else {
            throw .wrongKey(path: path, indexKey: header.keyId, installedKey: keyId)
        }
    }
}

/// The SHA-256 of an index's payload, computed on its own thread.
private final class PayloadChecksum: @unchecked Sendable {  // `digest` is written before `done` is signalled, read after
    private var digest: [UInt8] = []
    private let done = DispatchSemaphore(value: 0)
    private var waited = false

    init(_ raw: UnsafeRawBufferPointer) {
        let payload = UnsafeSendable(UnsafeRawBufferPointer(rebasing: raw[IndexHeader.size...]))
        Thread.detachNewThread { [self] in
            var sha = SHA256Digest()
            sha.update(payload.value)
            digest = sha.finish()
            done.signal()
        }
    }

    /// The digest, once computed; later calls return it at once.
    @discardableResult
    func wait() -> [UInt8] {
        if !waited {
            done.wait()
            waited = true
        }
        return digest
    }
}
