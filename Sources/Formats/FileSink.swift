#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written through a buffer with POSIX `write(2)`; created (or
/// truncated) with mode 0600, because output holds personal data.
public final class FileSink: ByteSink {
    /// The file being written.
    public let path: String
    private var fd: Int32
    private let buffer: UnsafeMutableRawBufferPointer
    private var buffered = 0
    /// The first write error; later writes are skipped and `finish()` throws it.
    public private(set) var failure: OutputError?

    /// Creates or truncates `path` with exactly `mode`.
    public init(path: String, mode: mode_t = 0o600, bufferSize: Int = 1 << 20) throws(OutputError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw .fromErrno(path, "open") }
        // An existing file keeps its old mode on O_TRUNC, and umask may differ:
        // set it (on regular files only; devices like /dev/null are not ours).
        var status = stat()
        let regular = fstat(fd, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
        guard !regular || status.st_mode & 0o7777 == mode || fchmod(fd, mode) == 0 else {
            let error = OutputError.fromErrno(path, "chmod")
            close(fd)
            throw error
        }
        self.fd = fd
        self.path = path
        buffer = .allocate(byteCount: max(bufferSize, 4096), alignment: 16)
    }

    deinit {
        if fd >= 0 { close(fd) }
        buffer.deallocate()
    }

    public func write(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil, fd >= 0, bytes.count > 0 else { return }
        if buffered + bytes.count <= buffer.count {
            (buffer.baseAddress! + buffered).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
            buffered += bytes.count
            return
        }
        flush()
        if bytes.count >= buffer.count {
            writeFully(bytes)
        } else {
            buffer.baseAddress!.copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
            buffered = bytes.count
        }
    }

    public func finish() throws(OutputError) {
        guard fd >= 0 else {
            if let failure { throw failure }
            return
        }
        flush()
        if failure == nil, fsync(fd) != 0 { failure = .fromErrno(path, "fsync") }
        if close(fd) != 0, failure == nil { failure = .fromErrno(path, "close") }
        fd = -1
        if let failure { throw failure }
    }

    private func flush() {
        guard buffered > 0 else { return }
        writeFully(UnsafeRawBufferPointer(start: buffer.baseAddress, count: buffered))
        buffered = 0
    }

    private func writeFully(_ bytes: UnsafeRawBufferPointer) {
        var done = 0
        while done < bytes.count, failure == nil {
            let n = posixWrite(fd, bytes.baseAddress! + done, bytes.count - done)
            if n >= 0 {
                done += n
            } else if errno != EINTR {
                failure = .fromErrno(path, "write")
            }
        }
    }
}

/// `write(2)` under a name that the `write(_:)` methods do not shadow.
func posixWrite(_ fd: Int32, _ base: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, base, count)
}
