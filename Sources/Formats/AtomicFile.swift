#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing files so that a crash or power loss leaves either the old file or
/// the complete new one, never a mix: write a temporary file in the same
/// folder, fsync it, rename it over the target, fsync the folder.
public enum AtomicFile {
    /// A fresh temporary name beside `path`: `path.tmp-<pid>-<random>`.
    /// Same folder, so the final rename never crosses file systems.
    public static func temporaryPath(for path: String) -> String {
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        return "\(path).tmp-\(getpid())-\(random)"
    }

    /// Replaces `path` atomically with `data`; the file gets exactly `mode`.
    /// With `syncingFolder: false` the caller fsyncs the folder once after a
    /// batch of files (``fsyncDirectory(_:)``) instead of once per file.
    public static func write(_ data: some Collection<UInt8>, to path: String, mode: mode_t = 0o600,
                             syncingFolder: Bool = true) throws(OutputError) {
        let temporary = temporaryPath(for: path)
        do {
            let sink = try FileSink(path: temporary, mode: mode)
            sink.write(data)
            try sink.finish()
            try rename(temporary, to: path)
        } catch {
            unlink(temporary)
            throw error
        }
        if syncingFolder { try fsyncDirectory(containing: path) }
    }

    /// Moves a finished temporary file (for example from a ``FileSink`` whose
    /// `finish()` succeeded) over `final`: fsyncs it, renames, fsyncs the folder.
    public static func commit(temporary: String, to final: String) throws(OutputError) {
        let fd = open(temporary, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .fromErrno(temporary, "open") }
        let synced = fsync(fd) == 0
        let error = OutputError.fromErrno(temporary, "fsync")
        close(fd)
        guard synced else { throw error }
        try rename(temporary, to: final)
        try fsyncDirectory(containing: final)
    }

    /// Makes the entries of folder `path` (new or renamed files) durable.
    public static func fsyncDirectory(_ path: String) throws(OutputError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw .fromErrno(path, "open folder") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw .fromErrno(path, "fsync folder") }
    }

    /// The folder part of `path` ("." for a bare name).
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func fsyncDirectory(containing path: String) throws(OutputError) {
        try fsyncDirectory(directory(of: path))
    }

    private static func rename(_ from: String, to: String) throws(OutputError) {
        guard posixRename(from, to) == 0 else { throw .fromErrno(to, "rename") }
    }
}

/// `rename(2)` under a name that `AtomicFile.rename` does not shadow.
private func posixRename(_ from: String, _ to: String) -> Int32 {
    rename(from, to)
}
