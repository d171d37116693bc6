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

    /// Writes a file that must never be replaced (an issued invoice, a
    /// pain.008, a dunning letter): `path` gets `data` only if it does not
    /// exist yet. When it exists with exactly these bytes (a run that died
    /// after writing, before recording) nothing happens; with other bytes it
    /// throws ``OutputError/exists(path:)`` and leaves the file alone. The new
    /// file appears complete or not at all (`link(2)` of a synced temporary
    /// file, which fails if the name is taken).
    public static func create(_ data: some Collection<UInt8>, at path: String, mode: mode_t = 0o600,
                              syncingFolder: Bool = true) throws(OutputError) {
        let bytes = Array(data)
        if let existing = try contents(of: path) {
            guard existing == bytes else { throw .exists(path: path) }
            return
        }
        let temporary = temporaryPath(for: path)
        defer { unlink(temporary) }
        let sink = try FileSink(path: temporary, mode: mode)
        sink.write(bytes)
        try sink.finish()
        guard link(temporary, path) == 0 else {
            let reason = errno
            if reason == EEXIST, try contents(of: path) == bytes { return }
            throw reason == EEXIST ? .exists(path: path) : .fromErrno(path, "link")
        }
        if syncingFolder { try fsyncDirectory(containing: path) }
    }

    /// Removes temporary files (`*.tmp-<pid>-<random>`) under `folder` that a
    /// killed process left: those whose process is gone. Returns their paths.
    @discardableResult
    public static func removeOrphanTemporaries(under folder: String) -> [String] {
        var removed: [String] = []
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            let path = folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFDIR {
                removed += removeOrphanTemporaries(under: path)
            } else if info.st_mode & S_IFMT == S_IFREG, let pid = writerProcess(ofTemporary: name), !isAlive(pid), unlink(path) == 0 {
                removed.append(path)
            }
        }
        return removed
    }

    /// The pid in `name.tmp-<pid>-<random>`, nil for other names.
    static func writerProcess(ofTemporary name: String) -> pid_t? {
        let pieces = name.split(separator: ".tmp-", omittingEmptySubsequences: false)
        guard pieces.count >= 2, let tail = pieces.last else { return nil }
        let parts = tail.split(separator: "-")
        guard parts.count == 2, let pid = pid_t(parts[0]), pid > 0, parts[1].allSatisfy(\.isHexDigit) else { return nil }
        return pid
    }

    private static func isAlive(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    /// The bytes of `path`, nil when it does not exist.
    private static func contents(of path: String) throws(OutputError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw .fromErrno(path, "open")
        }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw .fromErrno(path, "read") }
            if count == 0 { return bytes }
            bytes += buffer[0..<count]
        }
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
