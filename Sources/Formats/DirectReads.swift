import CFormats

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads of a file past the page cache (`O_DIRECT`), in aligned blocks through a
/// buffer of its own. Worth it for a large file that is mostly not cached: the
/// kernel then reads straight into memory already in use, instead of first
/// taking fresh pages for the cache and copying out of them (on this project's
/// VMs that cost 0.1 to 1.3 s per GB read). A file mostly cached is read
/// through the cache as before, which is faster than the disk.
final class DirectReads {
    /// Large blocks: a direct read has no read-ahead, so each is a disk request.
    static let blockSize = 2 << 20

    private let fd: Int32
    /// Aligned as `FileSink`'s direct writes (`directAlignment`), as are the
    /// offsets and lengths read.
    private let block: UnsafeMutableRawPointer
    /// File offset of the next block.
    private var offset: off_t = 0
    /// Bytes of the block not yet handed out.
    private var start = 0, end = 0

    /// Direct reads of `fd` (opened, nothing read from it yet) when it is a
    /// regular file of at least `minimumSize` bytes, less than half of it is
    /// cached, and its file system allows them; nil otherwise.
    init?(fd: Int32, from minimumSize: Int) {
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) >= minimumSize,
            robinson_direct_io_allowed(fd) != 0
        else { return nil }
        let pages = (Int(info.st_size) + 4095) / 4096
        let cached = robinson_cached_pages(fd)
        guard cached >= 0, cached * 2 < pages else { return nil }
        guard robinson_set_direct(fd, 1) == 0 else { return nil }
        self.fd = fd
        block = .allocate(byteCount: Self.blockSize, alignment: FileSink.directAlignment)
    }

    /// The owner closes `fd` (before this is freed: no flag is changed here).
    deinit { block.deallocate() }

    /// The next bytes into `buffer`, 0 at the end; nil when the file system
    /// refuses a direct read, with `fd` turned back to cached reads and placed
    /// where the direct ones stopped.
    func read(into buffer: UnsafeMutableRawBufferPointer, path: String) throws(InputError) -> Int? {
        if start == end {
            var got: Int
            repeat { got = pread(fd, block, Self.blockSize, offset) } while got < 0 && errno == EINTR
            if got < 0 {
                let code = errno
                guard code == EINVAL else { throw .io(path: path, detail: SystemError.message(code)) }
                _ = robinson_set_direct(fd, 0)
                _ = lseek(fd, offset, SEEK_SET)
                return nil
            }
            offset += off_t(got)
            start = 0
            end = got
            if got == 0 { return 0 }
        }
        let count = min(buffer.count, end - start)
        buffer.baseAddress!.copyMemory(from: block + start, byteCount: count)
        start += count
        return count
    }
}
