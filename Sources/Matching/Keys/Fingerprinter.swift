import CHMAC

/// Turns key strings into 64-bit fingerprints: HMAC-SHA256 with the
/// installation's key, truncated to the first 8 bytes (DESIGN §5).
///
/// The key's inner and outer SHA-256 states are computed once, so a
/// fingerprint costs two compressions (measured: swift-crypto's HMAC costs
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

    /// Fingerprint of a key of `kind` built from one normalized value.
    public func fingerprint(_ kind: KeyKind, _ a: String) -> UInt64 {
        hash(kind, a, nil, nil, nil, nil)
    }

    /// Fingerprint of a key of `kind` built from four or five normalized parts.
    public func fingerprint(_ kind: KeyKind, _ a: String, _ b: String, _ c: String, _ d: String, _ e: String? = nil) -> UInt64 {
        hash(kind, a, b, c, d, e)
    }

    public func fingerprint(_ kind: KeyKind, parts: [String]) -> UInt64 {
        var message = Array(kind.prefix.utf8)
        for part in parts {
            message.append(0x1F)
            message.append(contentsOf: part.utf8)
        }
        return Self.fingerprint(state, message)
    }

    /// The key string is `kind ␟ part ␟ part …`: the unit separator occurs in no
    /// normalized value, so ("ab","c") and ("a","bc") differ. Built on the stack:
    /// this runs five times per row.
    private func hash(_ kind: KeyKind, _ a: String, _ b: String?, _ c: String?, _ d: String?, _ e: String?) -> UInt64 {
        let prefix = kind.prefix
        func size(_ part: String?) -> Int { part.map { 1 + $0.utf8.count } ?? 0 }
        let length = prefix.utf8.count + size(a) + size(b) + size(c) + size(d) + size(e)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { buffer in
            var offset = 0
            func put(_ text: String) {
                var text = text
                text.withUTF8 { utf8 in
                    (buffer.baseAddress! + offset).update(from: utf8.baseAddress!, count: utf8.count)
                    offset += utf8.count
                }
            }
            func part(_ text: String?) {
                guard let text else { return }
                buffer[offset] = 0x1F
                offset += 1
                put(text)
            }
            put(prefix)
            part(a)
            part(b)
            part(c)
            part(d)
            part(e)
            return robinson_hmac_fingerprint(state, buffer.baseAddress, offset)
        }
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
