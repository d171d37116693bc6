import CHMAC

/// Turns key strings into 64-bit fingerprints: HMAC-SHA256 with the
/// installation's key, truncated to the first 8 bytes (DESIGN §5).
///
/// The key's inner and outer SHA-256 states are computed once, so a
/// fingerprint costs two compressions (issue 4: swift-crypto's HMAC costs
/// about 0.8 µs per call here, this about a quarter of that).
public final class Fingerprinter: @unchecked Sendable {
    // Immutable after init; read concurrently by the matcher's workers.
    private let state: UnsafeMutablePointer<robinson_hmac_key>
    /// Identifies the key without revealing it: HMAC(key, "robinson key id"), 16 hex digits.
    public let keyId: String

    public init(key: HashingKey) {
        let state = UnsafeMutablePointer<robinson_hmac_key>.allocate(capacity: 1)
        key.bytes.withUnsafeBytes { raw in
            _ = robinson_hmac_prepare(state, raw.baseAddress, raw.count)
        }
        self.state = state
        let id = Self.fingerprint(state, Array("robinson key id".utf8))
        keyId = String(id, radix: 16).leftPadded(to: 16)
    }

    deinit {
        robinson_hmac_wipe(state)
        state.deallocate()
    }

    /// Fingerprint of a key of `kind` built from normalized parts.
    public func fingerprint(_ kind: KeyKind, _ parts: String...) -> UInt64 {
        fingerprint(kind, parts: parts)
    }

    public func fingerprint(_ kind: KeyKind, parts: [String]) -> UInt64 {
        // Unit separator between parts: no normalized value contains it, so
        // ("ab","c") and ("a","bc") give different strings.
        var message = [UInt8]()
        message.reserveCapacity(64)
        message.append(contentsOf: kind.prefix.utf8)
        for part in parts {
            message.append(0x1F)
            message.append(contentsOf: part.utf8)
        }
        return Self.fingerprint(state, message)
    }

    /// Full HMAC-SHA256 of raw bytes (for tests against RFC 4231 vectors).
    public func hmac(_ message: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        message.withUnsafeBytes { raw in
            out.withUnsafeMutableBufferPointer { o in
                robinson_hmac_full(state, raw.baseAddress, raw.count, o.baseAddress)
            }
        }
        return out
    }

    private static func fingerprint(_ state: UnsafePointer<robinson_hmac_key>, _ message: [UInt8]) -> UInt64 {
        message.withUnsafeBytes { raw in robinson_hmac_fingerprint(state, raw.baseAddress, raw.count) }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
