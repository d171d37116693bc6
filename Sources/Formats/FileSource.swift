import CFormats

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of a file on disk, read with POSIX `read(2)`.
///
/// A large file that is mostly not in the page cache is read past it (see
/// ``DirectReads``): bringing a file into the cache costs more than reading it,
/// and the matcher reads each input once.
public final class FileSource: ByteSource {
    private let fd: Int32
    /// The file's path, for error messages.
    public let path: String
    private let directFrom: Int
    private var direct: DirectReads?
    private var firstRead = true

    /// Whether the reads so far went past the page cache.
    public var readsPastCache: Bool { direct != nil }

    /// Opens `path` read-only. A regular file of at least `directFrom` bytes
    /// with less than half of it in the page cache when the first read comes is
    /// read past the cache, where the file system allows it.
    public init(path: String, directFrom: Int = 64 << 20) throws(InputError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .io(path: path, detail: SystemError.message(errno)) }
        self.fd = fd
        self.path = path
        self.directFrom = directFrom
    }

    deinit { close(fd) }

    /// How many 4 KB pages of the file at `path` are in the page cache; nil when
    /// the file cannot be opened or the kernel cannot tell (before Linux 6.5).
    public static func cachedPages(path: String) -> Int? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let pages = robinson_cached_pages(fd)
        return pages >= 0 ? pages : nil
    }

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
        if firstRead {
            firstRead = false
            direct = DirectReads(fd: fd, from: directFrom)
        }
        if let direct {
            if let count = try direct.read(into: buffer, path: path) { return count }
            self.direct = nil  // refused: on through the cache from where it stopped
        }
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
