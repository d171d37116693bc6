import Foundation
import Formats
import GRDB
import Matching
import Store

/// Takes a file out of the inbox into `work/<job>/input/` with one atomic
/// `rename(2)`: of two runners, exactly one gets it.
struct Claim {
    let runtime: Runtime

    /// Returns the new job, or nil when another runner took the file first.
    func take(_ file: InboxFile) throws -> Job? {
        let now = runtime.now
        let jobId = JobId.make(at: now)
        let folder = JobFolder(work: runtime.root.work, jobId: jobId)
        try runtime.root.makeFolder(folder.inputFolder)
        // The note goes first, so a crash right after the rename can be adopted.
        let note = ClaimNote(jobId: jobId, customerId: file.customerId, inputName: file.name.display, claimedAt: now,
                             size: file.size, modified: file.modified, nameNote: file.name.encodingNote)
        try AtomicFile.write(try JSONEncoder().encode(note), to: folder.claimNote)
        let target = folder.input(named: InputName.fitted(file.name.display))
        guard FilePath.withCString(file.path, { rename($0, target) }) == 0 else {
            let reason = errno
            try? FileManager.default.removeItem(atPath: folder.path)
            if reason == ENOENT { return nil }
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.display, NSLocalizedDescriptionKey: String(cString: strerror(reason))])
        }
        try AtomicFile.fsyncDirectory(folder.inputFolder)
        try AtomicFile.fsyncDirectory(runtime.root.inbox + "/" + file.customerId)
        try ClaimedInput.restrictMode(target)
        let job = try register(note: note, folder: folder)
        FaultInjection.after(.claim)
        return job
    }

    /// Creates the job row for a claimed input (also used to adopt a claim
    /// whose process died before it got this far).
    func register(note: ClaimNote, folder: JobFolder) throws -> Job {
        guard let input = folder.claimedInput else { throw JobError.inputMissing(folder.path) }
        let (digest, size) = try Self.digest(path: input)
        return try runtime.database.write { db in
            if let existing = try Job.fetchOne(db, key: note.jobId) { return existing }
            var job = Job(id: note.jobId, customerId: note.customerId, inputName: note.inputName, inputSize: size,
                          inputDigest: digest, claimedAt: note.claimedAt)
            job.lastStage = Stage.claim.rawValue
            job.repeatOf = try Job.filter(Job.Columns.customerId == note.customerId && Job.Columns.inputDigest == digest
                                          && Job.Columns.state != Job.State.rejected)
                .order(Job.Columns.claimedAt).select(Job.Columns.id, as: String.self).fetchOne(db)
            // The same file (by name or by content) rejected before: this job is its second attempt.
            job.retryOf = try Job.filter(Job.Columns.customerId == note.customerId && Job.Columns.state == Job.State.rejected
                                         && (Job.Columns.inputName == note.inputName || Job.Columns.inputDigest == digest))
                .order(Job.Columns.claimedAt.desc).select(Job.Columns.id, as: String.self).fetchOne(db)
            try job.insert(db)
            try JobStage(jobId: job.id, stage: Stage.claim.rawValue, finishedAt: note.claimedAt).insert(db, onConflict: .ignore)
            var detail = "job \(job.id), \(size) bytes, sha256 \(digest)\(job.repeatOf.map { ", repeat of \($0)" } ?? "")"
                + (job.retryOf.map { ", retry of rejected job \($0)" } ?? "")
            if let nameNote = note.nameNote { detail += "; \(nameNote)" }
            try db.audit("claim", subject: "inbox/\(note.customerId)/\(note.inputName)", detail: detail,
                         actor: runtime.actor, at: runtime.now)
            return job
        }
    }

    static func digest(path: String) throws -> (String, Int64) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(fd) }
        var sha = SHA256Digest()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var total: Int64 = 0
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            total += Int64(n)
            buffer.withUnsafeBytes { sha.update(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
        }
        return (SHA256Digest.hex(sha.finish()), total)
    }
}
