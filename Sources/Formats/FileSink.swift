import CFormats
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written through a buffer with POSIX `write(2)`; created (or
/// truncated) with mode 0600, because output holds personal data.
///
/// `bypassingCache`: for a large file written once and not read back soon (a
/// matched address file): on a local file system that allows it, whole
/// buffers go to the disk with `O_DIRECT` while the file is written, instead
/// of piling up in the page cache for `finish()`'s `fsync` to write all at
/// once (0.3 s for 0.9 GB here, with nothing else to do meanwhile). The
/// last partial buffer is written through the cache; `finish()` still fsyncs.
public final class FileSink: ByteSink {
    /// The file being written.
    public let path: String
    private var fd: Int32
    private let buffer: UnsafeMutableRawBufferPointer
    private var buffered = 0
    /// The first write error; later writes are skipped and `finish()` throws it.
    public private(set) var failure: OutputError?
    /// Whether whole buffers are written with `O_DIRECT`.
    public private(set) var bypassesCache = false

    /// Offsets, lengths and memory of `O_DIRECT` writes are multiples of this
    /// (the largest logical block size of the disks in use).
    static let directAlignment = 4096
    static let directBufferSize = 4 << 20

    /// Creates or truncates `path` with exactly `mode`.
    public init(path: String, mode: mode_t = 0o600, bufferSize: Int = 1 << 20, bypassingCache: Bool = false) throws(OutputError) {
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
        let alignment = Self.directAlignment
        // Direct writes wait for the disk: fewer, larger ones.
        let size = bypassingCache ? max(bufferSize, Self.directBufferSize) : bufferSize
        buffer = .allocate(byteCount: (max(size, alignment) + alignment - 1) / alignment * alignment, alignment: alignment)
        // Only local disk file systems: network and overlay ones keep the page cache.
        if bypassingCache && regular && robinson_direct_io_allowed(fd) != 0 {
            bypassesCache = setDirect(true)
        }
    }

    /// Turns `O_DIRECT` on or off for the open file; false when that fails.
    private func setDirect(_ on: Bool) -> Bool {
        robinson_set_direct(fd, on ? 1 : 0) == 0
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
        if bypassesCache {
            // Every write must come from the aligned buffer and fill it: copy through it.
            var rest = bytes
            while !rest.isEmpty {
                let n = min(rest.count, buffer.count - buffered)
                (buffer.baseAddress! + buffered).copyMemory(from: rest.baseAddress!, byteCount: n)
                buffered += n
                rest = UnsafeRawBufferPointer(rebasing: rest[n...])
                if buffered == buffer.count { flush() }
            }
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
        // The last partial buffer is no whole number of blocks: through the cache.
        if bypassesCache && buffered > 0 && buffered < buffer.count {
            if setDirect(false) { bypassesCache = false } else if failure == nil { failure = .fromErrno(path, "fcntl") }
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
                // A short direct write leaves the offset unaligned: the rest through the cache.
                if bypassesCache && done < bytes.count && setDirect(false) { bypassesCache = false }
            } else if errno == EINVAL && bypassesCache && setDirect(false) {
                // The file system refused the direct write after all: write through the cache.
                bypassesCache = false
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
