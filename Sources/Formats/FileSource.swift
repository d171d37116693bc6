#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of a file on disk, read with POSIX `read(2)`.
public final class FileSource: ByteSource {
    private let fd: Int32
    /// The file's path, for error messages.
    public let path: String

    /// Opens `path` read-only.
    public init(path: String) throws(InputError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .io(path: path, detail: SystemError.message(errno)) }
        self.fd = fd
        self.path = path
    }

    deinit { close(fd) }

    /// Up to `count` bytes from the start of the file, without moving the read
    /// position (so compression can be detected before reading).
    public func peek(_ count: Int) throws(InputError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var got = 0
        while got < count {
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + got, count - got, off_t(got)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, detail: SystemError.message(errno))
            }
            if n == 0 { break }
            got += n
        }
        return Array(bytes[0..<got])
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let n = posixRead(fd, base, buffer.count)
            if n >= 0 { return n }
            if errno != EINTR { throw .io(path: path, detail: SystemError.message(errno)) }
        }
    }
}

/// `read(2)` under a name that the `read(into:)` methods do not shadow.
func posixRead(_ fd: Int32, _ base: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, base, count)
}
