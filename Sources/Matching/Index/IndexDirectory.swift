import Foundation
import Formats

/// The `index/` folder: immutable version files `<version>.rbx` and a
/// `CURRENT` file naming the one in use. Switching is one atomic rename of
/// `CURRENT`; a job that already mapped the old version keeps reading it.
public struct IndexDirectory: Sendable {
    public let path: String
    static let fileExtension = "rbx"

    public init(path: String) { self.path = path }

    var currentPointer: String { path + "/CURRENT" }

    public func file(for version: String) -> String { "\(path)/\(version).\(Self.fileExtension)" }

    /// The version `CURRENT` names, or nil when no index was built yet or
    /// `CURRENT` does not name a version file inside this folder.
    public func currentVersion() -> String? {
        try? pointedVersion()
    }

    /// What `CURRENT` says: nil when there is none, the version when it names
    /// a version file of this folder, an error when it names anything else
    /// (`../../elsewhere`, a link): an index is only ever read from `index/`.
    public func pointedVersion() throws(IndexError) -> String? {
        guard let data = FileManager.default.contents(atPath: currentPointer) else { return nil }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        guard Self.isVersionName(text) else { throw .badPointer(path: currentPointer, content: text) }
        var info = stat()
        guard lstat(file(for: text), &info) == 0 else { throw .badPointer(path: currentPointer, content: text) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .badPointer(path: currentPointer, content: text) }
        return text
    }

    /// Version names as `index build` makes them: letters, digits, `-`, `_`, `.`, no leading dot.
    static func isVersionName(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 128 && !text.hasPrefix(".")
            && text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) }
    }

    /// Maps the current version and checks it was built with `keyId`.
    public func openCurrent(keyId: String) throws(IndexError) -> IndexFile {
        guard let version = try pointedVersion() else { throw .noIndex(directory: path) }
        let index = try IndexFile(path: file(for: version))
        try index.requireKey(keyId)
        return index
    }

    /// Moves a verified temporary file into place and points `CURRENT` at it.
    public func install(temporary: String, version: String) throws {
        try AtomicFile.commit(temporary: temporary, to: file(for: version))
        try AtomicFile.write(Array((version + "\n").utf8), to: currentPointer)
    }

    /// All version names present, oldest first.
    public func versions() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { $0.hasSuffix("." + Self.fileExtension) }
            .map { String($0.dropLast(Self.fileExtension.count + 1)) }
            .sorted()
    }

    /// Removes versions that are neither current nor in `inUse`; returns their names.
    @discardableResult
    public func prune(inUse: Set<String>) -> [String] {
        // Without a valid CURRENT nothing tells which version is in use: keep them all.
        guard let current = currentVersion() else { return [] }
        var removed: [String] = []
        for version in versions() where version != current && !inUse.contains(version) {
            if unlink(file(for: version)) == 0 { removed.append(version) }
        }
        // Leftover temporary files of a build that crashed.
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where name.hasPrefix(".build-") {
            unlink("\(path)/\(name)")
        }
        return removed
    }
}
