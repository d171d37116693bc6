import Foundation

/// Writes an index file from fingerprints and their lists: the header, then
/// the buckets described in `IndexBucket`.
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
        var distinct = 0
        var previous: UInt64 = 0
        for (i, entry) in entries.enumerated() where i == 0 || entry.fingerprint != previous {
            distinct += 1
            previous = entry.fingerprint
        }
        let bucketBits = IndexBucket.bucketBits(for: distinct)
        let payload = buckets(for: entries, bucketBits: bucketBits)
        var digest = SHA256Digest()
        digest.update(payload)
        let header = IndexHeader(
            buildTime: buildTime, keyId: keyId, sourceDigest: sourceDigest,
            entryCount: UInt64(distinct), bucketBits: UInt32(bucketBits),
            rowsPerList: rowsPerList, keysPerKind: keysPerKind,
            payloadOffset: UInt64(IndexHeader.size), bucketCount: UInt64(payload.count / IndexBucket.size),
            bucketSize: UInt32(IndexBucket.size), slotsPerBucket: UInt32(IndexBucket.slots),
            payloadLength: UInt64(payload.count), payloadDigest: digest.finish()
        )
        try writeFile(path: path, parts: [header.encoded(), payload])
        return header
    }

    /// The buckets of sorted `entries`: a first pass finds how many overflow
    /// buckets the last chain needs, the second fills them.
    static func buckets(for entries: [Entry], bucketBits: Int) -> [UInt8] {
        var sizing = IndexBucket.Placement(bucketBits: bucketBits)
        for entry in entries { _ = sizing.place(entry.fingerprint) }
        let bucketCount = max(1 << bucketBits, sizing.bucket + 1)
        var payload = [UInt8](repeating: 0, count: bucketCount * IndexBucket.size)
        payload.withUnsafeMutableBytes { raw in
            var placement = IndexBucket.Placement(bucketBits: bucketBits)
            for entry in entries {
                let isNew = placement.place(entry.fingerprint)
                let line = placement.bucket * IndexBucket.size
                let mask = line + IndexBucket.masksOffset + placement.slot
                if isNew {
                    raw.storeBytes(of: entry.fingerprint.littleEndian, toByteOffset: line + placement.slot * 8, as: UInt64.self)
                    raw[mask] = entry.lists.rawValue
                    raw[line + IndexBucket.countOffset] = UInt8(placement.slot + 1)
                } else {
                    raw[mask] |= entry.lists.rawValue
                }
            }
        }
        return payload
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
