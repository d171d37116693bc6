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

    /// The version `CURRENT` names, or nil when no index was built yet.
    public func currentVersion() -> String? {
        guard let data = FileManager.default.contents(atPath: currentPointer),
              let text = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines),
              !text.isEmpty
        else { return nil }
        return text
    }

    /// Maps the current version and checks it was built with `keyId`.
    public func openCurrent(keyId: String) throws(IndexError) -> IndexFile {
        guard let version = currentVersion() else { throw .noIndex(directory: path) }
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
        let current = currentVersion()
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
