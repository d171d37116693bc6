import Foundation
import Formats
import GRDB
import Store

/// `robinson purge`: deletes what has passed its hold period — the annotated
/// file and summary, the job's work files and claimed input, a rejected file
/// and its note — and writes every deletion to the audit log.
public struct Purge: Sendable {
    let runtime: Runtime

    public init(runtime: Runtime) { self.runtime = runtime }

    public struct Report: Sendable {
        public var jobs: [String] = []
        public var files: [String] = []
        public var problems: [String] = []
    }

    public func run() throws -> Report {
        guard let lock = try FileLock.acquire(path: runtime.root.lockFile, wait: true) else { return Report() }
        defer { withExtendedLifetime(lock) {} }
        let now = runtime.now
        let expired = try runtime.database.read { db in
            try Job.filter(Job.Columns.expiresAt <= now && Job.Columns.purgedAt == nil
                           && [Job.State.done, Job.State.rejected].contains(Job.Columns.state))
                .order(Job.Columns.expiresAt).fetchAll(db)
        }
        var report = Report()
        for job in expired {
            var deleted: [String] = []
            var targets: [String] = []
            if job.state == .done {
                targets.append("\(runtime.root.outbox)/\(job.customerId)/\(job.id)")
            } else if let rejected = job.outputPath {
                let folder = JobRejection.folder(root: runtime.root, job: job)
                // Rejected files live in a folder of their job; older ones lay directly in rejected/<customer>/.
                targets += AtomicFile.directory(of: rejected) == folder ? [folder] : [rejected, rejected + ".error.txt"]
            }
            targets.append(JobFolder(work: runtime.root.work, jobId: job.id).path)
            var failed = false
            for target in targets {
                do {
                    deleted += try Self.remove(target)
                } catch {
                    failed = true
                    report.problems.append("job \(job.id): cannot delete \(target): \(error.localizedDescription)")
                }
            }
            try runtime.database.write { db in
                for file in deleted {
                    try db.audit("delete", subject: file, detail: "job \(job.id): hold period ended \(BerlinCalendar.timestamp(job.expiresAt ?? now))",
                                 actor: runtime.actor, at: now)
                }
                if !failed {
                    var purged = job
                    purged.purgedAt = now
                    if purged.state == .done { purged.state = .purged }
                    try purged.update(db)
                }
            }
            report.files += deleted
            if !failed { report.jobs.append(job.id) }
        }
        return report
    }

    /// Deletes a file or a folder tree; returns every file it deleted.
    static func remove(_ path: String) throws -> [String] {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { return [] }
        var files: [String] = []
        if isDirectory.boolValue {
            if let walker = fm.enumerator(atPath: path) {
                for case let relative as String in walker {
                    var sub: ObjCBool = false
                    if fm.fileExists(atPath: path + "/" + relative, isDirectory: &sub), !sub.boolValue {
                        files.append(path + "/" + relative)
                    }
                }
            }
        } else {
            files.append(path)
        }
        try fm.removeItem(atPath: path)
        return files.sorted()
    }
}
