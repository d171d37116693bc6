import Foundation
import Formats

/// Checks on a claimed input: it is ours alone (0600) and nobody writes to it
/// any more. A writer that kept its file open past the claim would leave a
/// job `done` with half the rows.
enum ClaimedInput {
    /// Makes `path` 0600. When the uploader owns it (chmod refused), it is
    /// replaced by a 0600 copy with the same modification time.
    static func restrictMode(_ path: String) throws {
        if chmod(path, 0o600) == 0 { return }
        let copy = AtomicFile.temporaryPath(for: path)
        do {
            try FileManager.default.copyItem(atPath: path, toPath: copy)
            guard chmod(copy, 0o600) == 0 else { throw OutputError.fromErrno(copy, "chmod") }
            var info = stat()
            guard stat(path, &info) == 0 else { throw OutputError.fromErrno(path, "stat") }
            var times = [info.st_atim, info.st_mtim]
            guard utimensat(AT_FDCWD, copy, &times, 0) == 0 else { throw OutputError.fromErrno(copy, "utimensat") }
            try AtomicFile.commit(temporary: copy, to: path)
        } catch {
            unlink(copy)
            throw error
        }
    }

    /// Why the claimed input is no longer what was claimed, or nil when its
    /// size and modification time are those the claim recorded.
    static func change(_ path: String, since note: ClaimNote, display: String) -> String? {
        guard let size = note.size, let modified = note.modified else { return nil } // claimed by an older version
        guard let now = DirectoryEntry.status(of: FilePath.bytes(path)) else { return nil }
        guard now.size != size || now.modified != modified else { return nil }
        return "\(display) changed after it was claimed (\(size) bytes then, \(now.size) now): it was still being written. "
            + "Upload it again once it is complete; if this happens often, raise inbox.settleSeconds."
    }
}
