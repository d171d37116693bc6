import CHMAC

/// Turns key strings into 64-bit fingerprints under the installation's key
/// (DESIGN §5): SipHash-2-4 (index formats 2 and 3) or, for comparison, HMAC-SHA256
/// truncated to its first 8 bytes (index format 1).
///
/// SipHash-2-4 is a keyed pseudorandom function made for short inputs: a key
/// string of 40 bytes costs about a tenth of an HMAC-SHA256 even with the
/// HMAC's inner and outer states precomputed (docs/performance.md, "Keys").
/// Its 128-bit key is derived from the installation's key by HMAC-SHA256, so
/// the key file and the key id stay as they were.
public final class Fingerprinter: @unchecked Sendable {
    /// The keyed function behind the fingerprints; its raw value is the id in the index header.
    public enum Function: UInt32, Sendable {
        case hmacSHA256 = 1
        case sipHash24 = 2
    }

    // Immutable after init; read concurrently by the matcher's workers.
    private let state: UnsafeMutablePointer<robinson_hmac_key>
    private let sip: UnsafeMutablePointer<robinson_sip_key>
    /// Per key kind (by raw value), the SipHash state after the first 8 bytes of
    /// its prefix, for the kinds whose prefix has that many (`household`, `phonetic`):
    /// their keys' first block is hashed once, not once per key.
    private let started: UnsafeMutablePointer<robinson_sip_state>
    private let hasStart: UnsafeMutablePointer<Bool>
    /// Entries of `started` and `hasStart`: one per key kind's raw value.
    private static let kindSlots = Int(KeyKind.allCases.map(\.rawValue).max()!) + 1
    public let function: Function
    /// Identifies the key without revealing it: HMAC(key, "robinson key id"), 16 hex digits.
    public let keyId: String

    public init(key: HashingKey, function: Function = .sipHash24) {
        let state = UnsafeMutablePointer<robinson_hmac_key>.allocate(capacity: 1)
        key.bytes.withUnsafeBytes { raw in
            _ = robinson_hmac_prepare(state, raw.baseAddress, raw.count)
        }
        self.state = state
        self.function = function
        var derived = [UInt8](repeating: 0, count: 32)
        let label = Array("robinson siphash-2-4 key".utf8)
        label.withUnsafeBytes { raw in
            derived.withUnsafeMutableBufferPointer { robinson_hmac_full(state, raw.baseAddress, raw.count, $0.baseAddress) }
        }
        sip = .allocate(capacity: 1)
        sip.pointee = robinson_sip_key(
            k0: derived[0..<8].reversed().reduce(0) { $0 << 8 | UInt64($1) },
            k1: derived[8..<16].reversed().reduce(0) { $0 << 8 | UInt64($1) })
        for i in derived.indices { derived[i] = 0 }
        let slots = Self.kindSlots
        let sipKey = sip, states = UnsafeMutablePointer<robinson_sip_state>.allocate(capacity: slots)
        states.initialize(repeating: robinson_sip_state(), count: slots)
        hasStart = .allocate(capacity: slots)
        hasStart.initialize(repeating: false, count: slots)
        for kind in KeyKind.allCases where kind.prefixBytes.count >= 8 {
            kind.prefixBytes.withUnsafeBufferPointer { robinson_siphash24_start(sipKey, $0.baseAddress, states + Int(kind.rawValue)) }
            hasStart[Int(kind.rawValue)] = true
        }
        started = states
        let id = Self.hmacFingerprint(state, Array("robinson key id".utf8))
        keyId = String(id, radix: 16).leftPadded(to: 16)
    }

    deinit {
        robinson_hmac_wipe(state)
        state.deallocate()
        sip.pointee = robinson_sip_key(k0: 0, k1: 0)
        sip.deallocate()
        // The states are derived from the key: wiped as it is.
        for i in 0..<Self.kindSlots { started[i] = robinson_sip_state() }
        started.deallocate()
        hasStart.deallocate()
    }

    /// SipHash-2-4 with a raw 128-bit key (for the reference vectors).
    public static func sipHash24(key: (UInt64, UInt64), _ message: [UInt8]) -> UInt64 {
        var sipKey = robinson_sip_key(k0: key.0, k1: key.1)
        return message.withUnsafeBytes { robinson_siphash24(&sipKey, $0.baseAddress, $0.count) }
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
        return message.withUnsafeBufferPointer { fingerprint(message: $0) }
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
            return fingerprint(message: UnsafeBufferPointer(rebasing: buffer[0..<offset]))
        }
    }

    /// Fingerprint of a whole key string (`kind ␟ part ␟ part …`, see `KeyMessage`).
    @inline(__always)
    public func fingerprint(message: UnsafeBufferPointer<UInt8>) -> UInt64 {
        switch function {
        case .sipHash24: robinson_siphash24(sip, message.baseAddress, message.count)
        case .hmacSHA256: robinson_hmac_fingerprint(state, message.baseAddress, message.count)
        }
    }

    /// Fingerprint of the key string `prefix ␟ part ␟ part …` (`prefix`: the
    /// bytes of `kind.prefix`) whose parts lie in
    /// `base` between `bounds[2i]` and `bounds[2i+1]`, without building the
    /// string; nil when the function needs the whole string (HMAC-SHA256).
    /// Reads up to 32 bytes past the prefix and past the last part: both must
    /// have that many readable bytes after them (as `ScratchBuffer`s have).
    @inline(__always)
    public func fingerprint(
        _ kind: KeyKind, prefix: UnsafeBufferPointer<UInt8>, parts base: UnsafePointer<UInt8>, bounds: UnsafePointer<Int>, count: Int
    ) -> UInt64? {
        guard function == .sipHash24 else { return nil }
        let slot = Int(kind.rawValue)
        return robinson_siphash24_parts(sip, hasStart[slot] ? started + slot : nil, prefix.baseAddress, prefix.count, base, bounds, count)
    }

    /// Room in `bounds` for one key of `fingerprints(_:prefixes:parts:bounds:counts:)`:
    /// the start and end of each of up to five parts.
    public static let boundsPerKey = 10

    /// The fingerprints of three keys, each as `fingerprint(_:prefix:parts:bounds:count:)`
    /// gives it, in less time than one after another (a row's postal keys):
    /// key i's bounds start at `bounds + boundsPerKey * i`. Nil when the function
    /// needs the whole strings (HMAC-SHA256).
    @inline(__always)
    public func fingerprints(
        _ kinds: (KeyKind, KeyKind, KeyKind),
        prefixes: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>),
        parts base: UnsafePointer<UInt8>, bounds: UnsafePointer<Int>, counts: (Int, Int, Int)
    ) -> (UInt64, UInt64, UInt64)? {
        guard function == .sipHash24 else { return nil }
        func spec(_ kind: KeyKind, _ prefix: UnsafeBufferPointer<UInt8>, _ bounds: UnsafePointer<Int>, _ count: Int) -> robinson_sip_key_spec {
            let slot = Int(kind.rawValue)
            return robinson_sip_key_spec(
                started: hasStart[slot] ? UnsafePointer(started + slot) : nil, prefix: prefix.baseAddress, prefix_len: prefix.count,
                base: base, bounds: bounds, part_count: count)
        }
        var specs = (
            spec(kinds.0, prefixes.0, bounds, counts.0), spec(kinds.1, prefixes.1, bounds + Self.boundsPerKey, counts.1),
            spec(kinds.2, prefixes.2, bounds + 2 * Self.boundsPerKey, counts.2))
        var out: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutablePointer(to: &out) { out in
            out.withMemoryRebound(to: UInt64.self, capacity: 3) { out in
                withUnsafePointer(to: &specs) { specs in
                    specs.withMemoryRebound(to: robinson_sip_key_spec.self, capacity: 3) { robinson_siphash24_parts3(sip, $0, out) }
                }
            }
        }
        return out
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

    private static func hmacFingerprint(_ state: UnsafePointer<robinson_hmac_key>, _ message: [UInt8]) -> UInt64 {
        message.withUnsafeBytes { raw in robinson_hmac_fingerprint(state, raw.baseAddress, raw.count) }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
