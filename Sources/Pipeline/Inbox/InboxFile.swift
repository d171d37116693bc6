import Foundation
import Formats

/// A file waiting in `inbox/<customer>/`.
struct InboxFile: Sendable {
    let customerId: String
    let name: InboxName
    /// The path as bytes (the name may not be UTF-8).
    let path: [UInt8]
    let size: Int64
    let modified: FileTime

    /// `inbox/<customer>/<name>`, safe to print.
    var display: String { "inbox/\(customerId)/\(name.display)" }
}

/// Lists inbox files and decides which are settled enough to claim. Only
/// real folders and regular files count: a symbolic link is never followed
/// (`inbox/K1001 → K1003` would process K1003's files as K1001's), and
/// every entry that is not taken is named in ``Scan/held``.
struct InboxScanner {
    let root: RuntimeRoot

    struct Scan: Sendable {
        /// Candidate files, customers and names sorted so runs are reproducible.
        var files: [InboxFile] = []
        /// Entries left alone on purpose, each with why and what to do.
        var held: [HeldEntry] = []
    }

    /// An inbox entry that is not a candidate: a link, a folder in a customer
    /// folder, a file outside any customer folder (`stray`).
    struct HeldEntry: Sendable {
        /// `inbox/…`, escaped for printing.
        let path: String
        let reason: String
        var stray = false
    }

    func scan() -> Scan {
        var scan = Scan()
        for entry in DirectoryEntry.list(FilePath.bytes(root.inbox)) ?? [] {
            let name = InboxName(bytes: entry.name)
            if entry.name.first == UInt8(ascii: ".") || InputName.isIgnored(name.text) { continue }
            let shown = "inbox/\(name.display)"
            switch entry.kind {
            case .folder:
                guard name.encoding == .utf8, !name.hasControlCharacters else {
                    scan.held.append(HeldEntry(path: "\(shown)/", reason: "the folder name is not a customer id; move its files into inbox/<customer-id>/"))
                    continue
                }
                scan.files += files(in: entry, customerId: name.text, held: &scan.held)
            case .symbolicLink:
                scan.held.append(HeldEntry(path: "\(shown)", reason: "a symbolic link (to \(Self.target(of: entry))); customer folders must be real folders, nothing behind the link is processed"))
            case .file, .other:
                scan.held.append(HeldEntry(path: "\(shown)", reason: "not in a customer folder; move it into inbox/<customer-id>/", stray: true))
            }
        }
        return scan
    }

    private func files(in folder: DirectoryEntry, customerId: String, held: inout [HeldEntry]) -> [InboxFile] {
        var files: [InboxFile] = []
        for entry in DirectoryEntry.list(folder.path) ?? [] {
            let name = InboxName(bytes: entry.name)
            if entry.name.first == UInt8(ascii: ".") || InputName.isIgnored(name.text) { continue }
            let shown = "inbox/\(customerId)/\(name.display)"
            switch entry.kind {
            case .file:
                files.append(InboxFile(customerId: customerId, name: name, path: entry.path, size: entry.size, modified: entry.modified))
            case .symbolicLink:
                held.append(HeldEntry(path: "\(shown)", reason: "a symbolic link (to \(Self.target(of: entry))); put the file itself into inbox/\(customerId)/"))
            case .folder:
                held.append(HeldEntry(path: "\(shown)/", reason: "a folder; put its files directly into inbox/\(customerId)/"))
            case .other:
                held.append(HeldEntry(path: "\(shown)", reason: "not a regular file"))
            }
        }
        return files
    }

    /// Where a symbolic link points, escaped for printing.
    static func target(of link: DirectoryEntry) -> String {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = FilePath.withCString(link.path) { path in
            buffer.withUnsafeMutableBufferPointer { readlink(path, UnsafeMutableRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), $0.count) }
        }
        return count < 0 ? "?" : TerminalText.escaped(bytes: buffer[0..<count])
    }

    /// A file is settled when it has not been written to for `seconds`
    /// (a copy still running keeps touching its mtime).
    static func isSettled(_ file: InboxFile, now: Date, seconds: Int) -> Bool {
        now.timeIntervalSince(file.modified.date) >= TimeInterval(seconds)
    }

    /// A modification time this far ahead of the clock is not a copy in
    /// progress: the clock went backwards, or the uploader's runs ahead.
    static let futureTolerance: TimeInterval = 300

    static func isFromTheFuture(_ file: InboxFile, now: Date) -> Bool {
        file.modified.date.timeIntervalSince(now) > futureTolerance
    }
}
