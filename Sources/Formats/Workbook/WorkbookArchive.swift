import Foundation
internal import ZIPFoundation

/// The ZIP container of an `.xlsx`, read defensively: at most
/// ``Limits/entries`` entries are looked at, only regular files are
/// extracted, and every part is unpacked into a scratch folder under a size
/// limit counted on the bytes actually inflated (the sizes the ZIP declares
/// are not trusted), within an overall budget for the whole workbook.
/// Deflated parts are inflated by ``DeflatedPart``, not by ZIPFoundation.
final class WorkbookArchive {
    /// Caps against damaged files and ZIP bombs.
    struct Limits {
        var entries = 10_000
        /// Content types, relationships, workbook, styles.
        var smallPart = 16 << 20
        /// The shared strings, held in memory while the sheet is converted.
        var sharedStrings = 128 << 20
        /// One worksheet's XML (streamed, never held in memory).
        var sheet = 1 << 30
        /// Everything unpacked together.
        var total = 2 << 30
        /// The converted CSV.
        var output = 2 << 30
    }

    let path: String
    let limits: Limits
    private let archive: Archive
    private let scratch: String
    /// Entries by lower-cased name: part names in OOXML are case-insensitive.
    private var entries: [String: Entry] = [:]
    private var unpacked = 0
    private var extracted = 0

    init(path: String, scratch: String, limits: Limits) throws(WorkbookError) {
        self.path = path
        self.scratch = scratch
        self.limits = limits
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw .damaged(path: path, part: "ZIP directory", detail: "\(error)")
        }
        var count = 0
        for entry in archive {
            count += 1
            guard count <= limits.entries else {
                throw .damaged(path: path, part: "ZIP directory", detail: "more than \(limits.entries) entries")
            }
            entries[entry.path.lowercased()] = entry
        }
    }

    /// Whether a part named `name` exists.
    func contains(_ name: String) -> Bool { entries[name.lowercased()] != nil }

    /// Every part name, lower-cased.
    var names: Dictionary<String, Entry>.Keys { entries.keys }

    /// Unpacks part `name` into the scratch folder, at most `limit` bytes; nil when absent.
    func extract(_ name: String, limit: Int) throws(WorkbookError) -> String? {
        guard let entry = entries[name.lowercased()] else { return nil }
        guard entry.type == .file else { throw .damaged(path: path, part: name, detail: "not a file entry") }
        if entry.uncompressedSize > UInt64(limit) { throw .tooLarge(path: path, part: name, limit: limit) }
        extracted += 1
        let target = scratch + "/part-\(extracted).xml"
        guard FileManager.default.createFile(atPath: target, contents: nil, attributes: [.posixPermissions: 0o600]),
              let handle = FileHandle(forWritingAtPath: target)
        else { throw .damaged(path: path, part: name, detail: "cannot unpack into \(scratch)") }
        defer { try? handle.close() }
        var written = 0
        let budget = limits.total - unpacked
        let consume = { (data: Data) throws in
            written += data.count
            guard written <= limit, written <= budget else { throw Overflow() }
            try handle.write(contentsOf: data)
        }
        do {
            if entry.isCompressed {
                guard let file = FileHandle(forReadingAtPath: path) else { throw DeflatedPart.Damaged("the workbook cannot be read again") }
                defer { try? file.close() }
                try DeflatedPart.inflate(entry, in: file, consumer: consume)
            } else {
                _ = try archive.extract(entry, bufferSize: 1 << 16, consumer: consume)
            }
        } catch is Overflow {
            throw .tooLarge(path: path, part: written > limit ? name : "the workbook altogether", limit: written > limit ? limit : limits.total)
        } catch {
            throw .damaged(path: path, part: name, detail: "\(error)")
        }
        unpacked += written
        return target
    }

    private struct Overflow: Error {}
}
