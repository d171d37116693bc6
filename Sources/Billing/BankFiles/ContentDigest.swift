import Foundation

/// A 128-bit FNV-1a digest of a file's bytes: the stand-in for a bank
/// reference when the file has none. Stable across runs and platforms (unlike
/// `Hasher`); not a protection against deliberate collisions, which a bank
/// file does not need. Billing cannot import Matching's SHA-256.
struct ContentDigest {
    private static let offsetBasis: UInt128 = 0x6c62272e07bb014262b821756295c58d
    private static let prime: UInt128 = 0x0000000001000000000000000000013B

    /// The digest as 32 lower-case hex digits.
    let hex: String

    private init(hash: UInt128) {
        let text = String(hash, radix: 16)
        hex = String(repeating: "0", count: 32 - text.count) + text
    }

    /// The digest of a file read in blocks.
    struct Builder {
        private var hash = ContentDigest.offsetBasis

        mutating func add(_ block: Data) {
            block.withUnsafeBytes { bytes in
                for byte in bytes {
                    hash ^= UInt128(byte)
                    hash = hash &* ContentDigest.prime
                }
            }
        }

        func finish() -> ContentDigest { ContentDigest(hash: hash) }
    }

    /// A reference for the thing at `position` in the file ("3.1", "line 7").
    func reference(_ position: String) -> String { "fnv:\(hex):\(position)" }
}
