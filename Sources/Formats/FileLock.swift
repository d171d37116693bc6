import Foundation

/// An exclusive `flock` on a lock file (`state/run.lock`, `state/billing.lock`):
/// a second process started while one is working waits or leaves. The kernel
/// drops the lock when the process dies, so a crash never leaves a stale lock.
public final class FileLock {
    private let fd: Int32

    private init(fd: Int32) { self.fd = fd }

    /// Returns nil when another process holds the lock and `wait` is false.
    public static func acquire(path: String, wait: Bool) throws -> FileLock? {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        if flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0 {
            close(fd)
            if errno == EWOULDBLOCK { return nil }
            throw CocoaError(.fileLocking, userInfo: [NSFilePathErrorKey: path])
        }
        return FileLock(fd: fd)
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
