import Foundation

/// Writes an index file from fingerprints and their lists.
///
/// Layout after the header: a bucket directory on the top `bucketBits` bits
/// of the fingerprint (u32 start positions, 2^bits + 1 of them), the sorted
/// fingerprints (u64), and one list mask byte per fingerprint. A lookup reads
/// two adjacent directory slots and scans a bucket of four to eight entries.
public enum IndexWriter {
    public struct Entry: Sendable {
        public var fingerprint: UInt64
        public var lists: ListSet
        public init(fingerprint: UInt64, lists: ListSet) {
            self.fingerprint = fingerprint
            self.lists = lists
        }
    }

    /// Sorts and merges entries (same fingerprint on several lists → one entry,
    /// masks or-ed) and writes the file at `path` (which must be a temporary name).
    public static func write(
        entries: inout [Entry], to path: String, keyId: String, sourceDigest: [UInt8],
        rowsPerList: [UInt64], keysPerKind: [UInt64], buildTime: Int64
    ) throws(IndexError) -> IndexHeader {
        sortByFingerprint(&entries)
        var fingerprints = [UInt64]()
        var masks = [UInt8]()
        fingerprints.reserveCapacity(entries.count)
        masks.reserveCapacity(entries.count)
        for entry in entries {
            if let last = fingerprints.last, last == entry.fingerprint {
                masks[masks.count - 1] |= entry.lists.rawValue
            } else {
                fingerprints.append(entry.fingerprint)
                masks.append(entry.lists.rawValue)
            }
        }
        let bucketBits = bucketBits(for: fingerprints.count)
        var directory = [UInt32](repeating: 0, count: (1 << bucketBits) + 1)
        var position = 0
        for bucket in 0..<(1 << bucketBits) {
            directory[bucket] = UInt32(position)
            while position < fingerprints.count, Int(fingerprints[position] >> (64 - UInt64(bucketBits))) == bucket {
                position += 1
            }
        }
        directory[1 << bucketBits] = UInt32(fingerprints.count)

        var payload = [UInt8]()
        let directoryBytes = directory.count * 4
        let fingerprintsOffset = IndexHeader.size + align8(directoryBytes)
        payload.reserveCapacity(align8(directoryBytes) + fingerprints.count * 9)
        for slot in directory { payload.appendLE(slot) }
        payload += [UInt8](repeating: 0, count: align8(directoryBytes) - directoryBytes)
        for fp in fingerprints { payload.appendLE(fp) }
        let masksOffset = IndexHeader.size + payload.count
        payload += masks

        var digest = SHA256Digest()
        digest.update(payload)
        let header = IndexHeader(
            buildTime: buildTime, keyId: keyId, sourceDigest: sourceDigest,
            entryCount: UInt64(fingerprints.count), bucketBits: UInt32(bucketBits),
            rowsPerList: rowsPerList, keysPerKind: keysPerKind,
            directoryOffset: UInt64(IndexHeader.size), fingerprintsOffset: UInt64(fingerprintsOffset),
            masksOffset: UInt64(masksOffset), payloadLength: UInt64(payload.count),
            payloadDigest: digest.finish()
        )
        try writeFile(path: path, parts: [header.encoded(), payload])
        return header
    }

    /// Sorts `entries` by fingerprint: a counting sort on the top 16 bits
    /// spreads them into buckets (about 80 entries each for a delivery of
    /// 5 million keys), and each bucket is sorted on its own. Several times
    /// faster than one comparison sort of the whole array.
    static func sortByFingerprint(_ entries: inout [Entry]) {
        let count = entries.count
        guard count > 1 << 12 else {
            entries.sort { $0.fingerprint < $1.fingerprint }
            return
        }
        let shift: UInt64 = 48
        var starts = [Int](repeating: 0, count: (1 << 16) + 1)
        for entry in entries { starts[Int(entry.fingerprint >> shift) + 1] += 1 }
        for bucket in 1..<starts.count { starts[bucket] += starts[bucket - 1] }
        var sorted = [Entry](unsafeUninitializedCapacity: count) { buffer, initialized in
            var next = starts
            for entry in entries {
                let bucket = Int(entry.fingerprint >> shift)
                (buffer.baseAddress! + next[bucket]).initialize(to: entry)
                next[bucket] += 1
            }
            initialized = count
        }
        entries = []
        sorted.withUnsafeMutableBufferPointer { buffer in
            for bucket in 0..<(starts.count - 1) where starts[bucket + 1] - starts[bucket] > 1 {
                buffer[starts[bucket]..<starts[bucket + 1]].sort { $0.fingerprint < $1.fingerprint }
            }
        }
        entries = sorted
    }

    /// Four to eight entries per bucket on average, so a bucket is one or two
    /// cache lines; at least 2^8 and at most 2^24 buckets.
    static func bucketBits(for count: Int) -> Int {
        var bits = 8
        while bits < 24, (count >> bits) > 8 { bits += 1 }
        return bits
    }

    private static func align8(_ n: Int) -> Int { (n + 7) & ~7 }

    private static func writeFile(path: String, parts: [[UInt8]]) throws(IndexError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw .io(path: path, detail: String(cString: strerror(errno))) }
        defer { close(fd) }
        for part in parts {
            var offset = 0
            while offset < part.count {
                let n = part.withUnsafeBytes { posixWrite(fd, $0.baseAddress! + offset, $0.count - offset) }
                guard n > 0 else { throw .io(path: path, detail: String(cString: strerror(errno))) }
                offset += n
            }
        }
        guard fsync(fd) == 0 else { throw .io(path: path, detail: String(cString: strerror(errno))) }
    }
}
