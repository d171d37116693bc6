import CHMAC

/// A blocked Bloom filter over an index's fingerprints, built in memory when
/// the index is opened. Most keys a matcher looks up are on no list; the
/// index (128 MB for 5 M fingerprints) lives in DRAM, the filter (about 13
/// bits per fingerprint: 8 MB) mostly in the L3 cache, so a key the filter
/// rules out costs no miss in memory. A "maybe" is answered by the index, so
/// the filter can never change an answer, only skip lookups whose answer is empty.
///
/// A fingerprint's block (one cache line of 512 bits) comes from its top bits,
/// as its index bucket does, so filling the filter from the buckets in order
/// writes the blocks in order too (a few milliseconds, not a cache miss per
/// fingerprint); its four bits in the block come from bits 0…35, independent
/// of the block's, because fingerprints are uniform (SipHash).
struct FingerprintFilter: ~Copyable {
    private static let bitsPerBlock = 512
    private let words: UnsafeMutablePointer<UInt64>
    /// Right shift of a fingerprint to its block number: 64 minus the block bits.
    private let blockShift: UInt64

    /// An empty filter sized for `entries` fingerprints.
    init(entries: Int) {
        // At least 12 bits per fingerprint, at least 2 blocks (a shift by 64 would keep
        // the fingerprint), at most 2^18 blocks (16 MB).
        var blockBits: UInt64 = 1
        while (1 << blockBits) * Self.bitsPerBlock < entries * 12 && blockBits < 18 { blockBits += 1 }
        let blocks = 1 << blockBits
        words = .allocate(capacity: blocks * 8)
        words.initialize(repeating: 0, count: blocks * 8)
        blockShift = 64 - blockBits
    }

    deinit { words.deallocate() }

    @inline(__always)
    private func block(_ fingerprint: UInt64) -> UnsafeMutablePointer<UInt64> {
        words + Int(truncatingIfNeeded: fingerprint >> blockShift) &* 8
    }

    func insert(_ fingerprint: UInt64) {
        let block = block(fingerprint)
        for k in 0..<4 {
            let bit = Int(truncatingIfNeeded: fingerprint >> UInt64(9 * k)) & 511
            block[bit >> 6] |= 1 << UInt64(bit & 63)
        }
    }

    /// False only for a fingerprint never inserted.
    @inline(__always)
    func mayContain(_ fingerprint: UInt64) -> Bool {
        let block = block(fingerprint)
        var all = true
        for k in 0..<4 {
            let bit = Int(truncatingIfNeeded: fingerprint >> UInt64(9 * k)) & 511
            all = all && block[bit >> 6] & (1 << UInt64(bit & 63)) != 0
        }
        return all
    }

    /// Asks the CPU to load the fingerprint's block.
    @inline(__always)
    func prefetch(_ fingerprint: UInt64) {
        robinson_prefetch(block(fingerprint))
    }
}
