import Foundation

/// Fresh folders for tests' files, all inside one folder per test process that
/// is removed when the process exits, so that a run of the suite leaves nothing
/// behind in the temporary directory.
public enum TemporaryFolders {
    private static let root: String = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("robinson-tests-\(getpid())-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: TemporaryFolders.root) }
        return root
    }()

    /// A new empty folder whose name starts with `prefix`.
    public static func make(_ prefix: String) throws -> String {
        let folder = root + "/" + prefix + "-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }
}
