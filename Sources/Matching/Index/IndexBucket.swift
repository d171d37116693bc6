/// One bucket of the index payload: a 64-byte cache line, 64-byte aligned in
/// the mapping (the header is 256 bytes).
///
/// ```
/// bytes  0..<56  up to 7 fingerprints, u64 little-endian, ascending
/// bytes 56..<63  the list mask of each fingerprint, in the same order
/// byte       63  how many slots are used (0…7)
/// ```
///
/// A fingerprint's home bucket is its top `bucketBits` bits. The fingerprints
/// are placed in ascending order, each in its home bucket or, if the previous
/// one went further, in the previous one's bucket, moving on to the next bucket
/// when that is full. So the whole payload stays sorted, every bucket between a
/// fingerprint's home and its own is full, and a lookup scans from the home
/// bucket until it meets a greater fingerprint or a bucket that is not full.
/// Overflow buckets after the last home bucket take what the last chain needs.
enum IndexBucket {
    static let size = 64
    static let slots = 7
    static let masksOffset = 56
    static let countOffset = 63

    /// Home buckets for `count` distinct fingerprints: about 1.5 to 3 per
    /// bucket on average, so few buckets are full and a lookup nearly always
    /// reads one cache line; at least 2^8 and at most 2^26 buckets.
    static func bucketBits(for count: Int) -> Int {
        var bits = 8
        while bits < 26, count > 3 << bits { bits += 1 }
        return bits
    }

    /// Walks the sorted fingerprints and says where each goes.
    struct Placement {
        let shift: UInt64
        /// Bucket and slot of the last fingerprint placed.
        private(set) var bucket = -1
        private(set) var slot = 0
        private var previous: UInt64 = 0

        init(bucketBits: Int) { shift = 64 - UInt64(bucketBits) }

        /// Places the next fingerprint (ascending); false when it equals the
        /// previous one, which then shares its slot.
        mutating func place(_ fingerprint: UInt64) -> Bool {
            if bucket >= 0, fingerprint == previous { return false }
            previous = fingerprint
            let home = Int(truncatingIfNeeded: fingerprint >> shift)
            if home > bucket {
                bucket = home
                slot = 0
            } else if slot == IndexBucket.slots - 1 {
                bucket += 1
                slot = 0
            } else {
                slot += 1
            }
            return true
        }
    }
}
