import Foundation

/// One entry of a folder as the file system has it. Names are bytes: a
/// Latin-1 uploader's `Adressen_M\xE4rz.csv` is not UTF-8, and Foundation's
/// listing would drop it without a word.
struct DirectoryEntry: Sendable {
    enum Kind: Sendable { case file, folder, symbolicLink, other }

    let name: [UInt8]
    let path: [UInt8]
    let kind: Kind
    let size: Int64
    let modified: FileTime

    /// The entries of `folder` (not `.` and `..`), sorted by name bytes so
    /// runs are reproducible; nil when the folder cannot be read. `lstat`, so
    /// a symbolic link is reported as one, never followed.
    static func list(_ folder: [UInt8]) -> [DirectoryEntry]? {
        guard let directory = FilePath.withCString(folder, { opendir($0) }) else { return nil }
        defer { closedir(directory) }
        var entries: [DirectoryEntry] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            let path = folder + [0x2F] + name
            guard let found = status(of: path) else { continue }
            entries.append(DirectoryEntry(name: name, path: path, kind: found.kind, size: found.size, modified: found.modified))
        }
        return entries.sorted { $0.name.lexicographicallyPrecedes($1.name) }
    }

    /// `lstat(2)` of a path given as bytes.
    static func status(of path: [UInt8]) -> (kind: Kind, size: Int64, modified: FileTime)? {
        var info = stat()
        guard FilePath.withCString(path, { lstat($0, &info) }) == 0 else { return nil }
        let kind: Kind = switch info.st_mode & S_IFMT {
        case S_IFREG: .file
        case S_IFDIR: .folder
        case S_IFLNK: .symbolicLink
        default: .other
        }
        return (kind, Int64(info.st_size), FileTime(seconds: Int64(info.st_mtim.tv_sec), nanoseconds: Int64(info.st_mtim.tv_nsec)))
    }
}

/// A modification time to the nanosecond, as `stat` reports it: compared
/// exactly to tell whether a claimed file was written to afterwards.
struct FileTime: Codable, Sendable, Equatable {
    var seconds: Int64
    var nanoseconds: Int64

    var date: Date { Date(timeIntervalSince1970: TimeInterval(seconds) + TimeInterval(nanoseconds) / 1e9) }
}

/// Paths as bytes for the C calls that take them.
enum FilePath {
    static func withCString<R>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) -> R) -> R {
        (path + [0]).withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }

    static func bytes(_ path: String) -> [UInt8] { Array(path.utf8) }
}
