import Foundation

/// The installation's secret hashing key: 32 random bytes in a file of its own
/// (mode 0600). Never printed, logged or put into configuration; errors name the
/// file, never its content.
public struct HashingKey: Sendable {
    public static let length = 32
    let bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// Reads the key file, refusing a file others can read or of the wrong size.
    public static func load(path: String) throws(HashingKeyError) -> HashingKey {
        var info = stat()
        guard stat(path, &info) == 0 else { throw .missing(path: path) }
        guard info.st_mode & 0o077 == 0 else { throw .permissions(path: path, mode: info.st_mode & 0o777) }
        guard let data = FileManager.default.contents(atPath: path) else { throw .missing(path: path) }
        guard data.count == length else { throw .wrongLength(path: path, length: data.count) }
        return HashingKey(bytes: [UInt8](data))
    }

    /// Creates a new random key file; never overwrites an existing one.
    /// Returns false when a key was already there.
    @discardableResult
    public static func createIfAbsent(path: String) throws(HashingKeyError) -> Bool {
        var generator = SystemRandomNumberGenerator()
        var bytes = [UInt8](repeating: 0, count: length)
        for i in bytes.indices { bytes[i] = UInt8.random(in: .min ... .max, using: &generator) }
        // O_EXCL: if two `init`s race, exactly one key wins and neither is overwritten.
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        if fd < 0 {
            if errno == EEXIST { return false }
            throw .cannotCreate(path: path, detail: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == length, fsync(fd) == 0 else {
            unlink(path)
            throw .cannotCreate(path: path, detail: "short write")
        }
        return true
    }
}

public enum HashingKeyError: Error, Sendable, Equatable, CustomStringConvertible {
    case missing(path: String)
    case permissions(path: String, mode: mode_t)
    case wrongLength(path: String, length: Int)
    case cannotCreate(path: String, detail: String)

    public var description: String {
        switch self {
        case .missing(let path):
            "hashing key \(path) not found: run `robinson init` (or restore the key file from backup; a new key needs a new index)"
        case .permissions(let path, let mode):
            "hashing key \(path) has mode \(String(mode, radix: 8)); it must be readable by its owner only: chmod 600 \(path)"
        case .wrongLength(let path, let length):
            "hashing key \(path) has \(length) bytes instead of \(HashingKey.length): restore it from backup"
        case .cannotCreate(let path, let detail):
            "cannot create hashing key \(path): \(detail)"
        }
    }
}
