import CHMAC

/// SHA-256 over a stream of bytes (delivery digests, index checksums).
public struct SHA256Digest: ~Copyable {
    private var context = robinson_sha256_ctx()

    public init() { robinson_sha256_init(&context) }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        robinson_sha256_update(&context, bytes.baseAddress, bytes.count)
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    public consuming func finish() -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        out.withUnsafeMutableBufferPointer { robinson_sha256_final(&context, $0.baseAddress) }
        return out
    }

    public static func hex(_ digest: [UInt8]) -> String {
        digest.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }
}
