import CHMAC

/// A blocked Bloom filter over an index's fingerprints, built in memory when
/// the index is opened. Most keys a matcher looks up are on no list; the
/// index (128 MB for 5 M fingerprints) lives in DRAM, the filter (about 13
/// bits per fingerprint: 8 MB) mostly in the L3 cache, so a key the filter
/// rules out costs no miss in memory. A "maybe" is answered by the index, so
/// the filter can never change an answer, only skip lookups whose answer is empty.
///
/// A fingerprint's block (one cache line of 512 bits) comes from its low bits,
/// its four bits in the block from bits 18…53: both independent of the top
/// bits that pick its index bucket, because fingerprints are uniform (SipHash).
struct FingerprintFilter: ~Copyable {
    private static let bitsPerBlock = 512
    private let words: UnsafeMutablePointer<UInt64>
    private let blockMask: Int

    /// An empty filter sized for `entries` fingerprints.
    init(entries: Int) {
        var blocks = 1
        // At least 12 bits per fingerprint, at most 2^18 blocks (the block bits end below bit 18).
        while blocks * Self.bitsPerBlock < entries * 12 && blocks < 1 << 18 { blocks <<= 1 }
        words = .allocate(capacity: blocks * 8)
        words.initialize(repeating: 0, count: blocks * 8)
        blockMask = blocks - 1
    }

    deinit { words.deallocate() }

    @inline(__always)
    private func block(_ fingerprint: UInt64) -> UnsafeMutablePointer<UInt64> {
        words + (Int(truncatingIfNeeded: fingerprint) & blockMask) &* 8
    }

    func insert(_ fingerprint: UInt64) {
        let block = block(fingerprint)
        for k in 0..<4 {
            let bit = Int(truncatingIfNeeded: fingerprint >> UInt64(18 + 9 * k)) & 511
            block[bit >> 6] |= 1 << UInt64(bit & 63)
        }
    }

    /// False only for a fingerprint never inserted.
    @inline(__always)
    func mayContain(_ fingerprint: UInt64) -> Bool {
        let block = block(fingerprint)
        var all = true
        for k in 0..<4 {
            let bit = Int(truncatingIfNeeded: fingerprint >> UInt64(18 + 9 * k)) & 511
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
