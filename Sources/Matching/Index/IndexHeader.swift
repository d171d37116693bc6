import Foundation

/// The fixed 256-byte header of an index file (format 3). All integers little-endian.
/// Format 1 held HMAC-SHA256 fingerprints, format 2 a bucket directory beside
/// separate fingerprint and list-mask arrays; both are refused with the advice to rebuild.
///
/// ```
/// offset size  field
///      0    8  magic "RBSNIDX1"
///      8    4  format version (3)
///     12    4  hash function id (2 = SipHash-2-4 under a key derived from the hashing key)
///     16    8  build time, Unix seconds
///     24    8  key id (first 8 bytes of HMAC(key, "robinson key id"))
///     32   32  SHA-256 of the source delivery file(s)
///     64    8  entry count (distinct fingerprints)
///     72    4  bucket bits b (home bucket = top b bits of the fingerprint; 2^b home buckets)
///     76    4  reserved
///     80   40  delivery rows per list (post, telefon, mobil, fax, email), 5 × u64
///    120   40  fingerprints per key kind (person, household, phonetic, phone, email), 5 × u64
///    160    8  payload offset (256)   168 8 bucket count (2^b home buckets + overflow buckets)
///    176    4  bucket size (64)       180 4 slots per bucket (7)
///    184    8  payload length (bytes after the header = bucket count × 64)
///    192   32  SHA-256 of the payload
///    224   32  reserved (zero)
/// ```
///
/// The payload is `bucket count` buckets of one 64-byte cache line each (see `IndexBucket`).
public struct IndexHeader: Sendable, Equatable {
    public static let size = 256
    public static let magic: [UInt8] = Array("RBSNIDX1".utf8)
    public static let formatVersion: UInt32 = 3
    public static let hashFunction = Fingerprinter.Function.sipHash24.rawValue

    public var buildTime: Int64
    public var keyId: String
    public var sourceDigest: [UInt8]
    public var entryCount: UInt64
    public var bucketBits: UInt32
    public var rowsPerList: [UInt64]
    public var keysPerKind: [UInt64]
    public var payloadOffset: UInt64
    public var bucketCount: UInt64
    public var bucketSize: UInt32
    public var slotsPerBucket: UInt32
    public var payloadLength: UInt64
    public var payloadDigest: [UInt8]

    func encoded() -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(Self.size)
        out += Self.magic
        out.appendLE(Self.formatVersion)
        out.appendLE(Self.hashFunction)
        out.appendLE(UInt64(bitPattern: buildTime))
        out.appendLE(UInt64(keyId, radix: 16) ?? 0)
        out += sourceDigest
        out.appendLE(entryCount)
        out.appendLE(bucketBits)
        out.appendLE(UInt32(0))
        for v in rowsPerList { out.appendLE(v) }
        for v in keysPerKind { out.appendLE(v) }
        out.appendLE(payloadOffset)
        out.appendLE(bucketCount)
        out.appendLE(bucketSize)
        out.appendLE(slotsPerBucket)
        out.appendLE(payloadLength)
        out += payloadDigest
        out += [UInt8](repeating: 0, count: Self.size - out.count)
        return out
    }

    static func decode(_ raw: UnsafeRawBufferPointer, path: String) throws(IndexError) -> IndexHeader {
        guard raw.count >= size else { throw .truncated(path: path) }
        guard Array(raw[0..<8]) == magic else { throw .notAnIndex(path: path) }
        let version: UInt32 = raw.le(8)
        guard version == formatVersion else { throw .unsupportedVersion(path: path, version: version) }
        let hash: UInt32 = raw.le(12)
        guard hash == hashFunction else { throw .unsupportedVersion(path: path, version: version) }
        let keyId: UInt64 = raw.le(24)
        return IndexHeader(
            buildTime: Int64(bitPattern: raw.le(16)),
            keyId: String(keyId, radix: 16).leftPadded(to: 16),
            sourceDigest: Array(raw[32..<64]),
            entryCount: raw.le(64),
            bucketBits: raw.le(72),
            rowsPerList: (0..<5).map { raw.le(80 + 8 * $0) },
            keysPerKind: (0..<5).map { raw.le(120 + 8 * $0) },
            payloadOffset: raw.le(160),
            bucketCount: raw.le(168),
            bucketSize: raw.le(176),
            slotsPerBucket: raw.le(180),
            payloadLength: raw.le(184),
            payloadDigest: Array(raw[192..<224])
        )
    }

    /// Counts per list by name, for `index build` output and `status`.
    public var listCounts: [(RobinsonList, UInt64)] {
        Array(zip(RobinsonList.allCases, rowsPerList))
    }
}

extension [UInt8] {
    mutating func appendLE<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}

extension UnsafeRawBufferPointer {
    func le<T: FixedWidthInteger>(_ offset: Int) -> T {
        T(littleEndian: loadUnaligned(fromByteOffset: offset, as: T.self))
    }
}
