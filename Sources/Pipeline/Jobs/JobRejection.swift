import Foundation
import Formats
import GRDB
import Store

/// Moves a job's input to `rejected/<customer>/<job>/` with a plain-language
/// `<name>.error.txt` beside it, and records why. One folder per job: a name
/// rejected again later never takes the place of an earlier job's file, so
/// purging one job deletes only its own.
struct JobRejection {
    let runtime: Runtime

    func reject(_ job: Job, message: String) throws -> JobOutcome {
        let folder = JobFolder(work: runtime.root.work, jobId: job.id)
        let rejectedFolder = Self.folder(root: runtime.root, job: job)
        try runtime.root.makeFolder(runtime.root.rejected + "/" + job.customerId)
        try runtime.root.makeFolder(rejectedFolder)
        let target = rejectedFolder + "/" + InputName.fitted(job.inputName)
        // The reason is kept in the work folder until the job is recorded as
        // rejected: a run that dies after the move finishes the rejection.
        if FileManager.default.fileExists(atPath: folder.path) {
            try AtomicFile.write(Array(message.utf8), to: folder.rejection)
        }
        if let input = folder.claimedInput {
            guard rename(input, target) == 0 else { throw OutputError.fromErrno(target, "rename") }
            try AtomicFile.fsyncDirectory(rejectedFolder)
            FaultInjection.trip("after:reject-move")
        }
        try ClaimedInput.restrictMode(target)
        let note = """
        File:     \(job.inputName)
        Customer: \(job.customerId)
        Job:      \(job.id)
        Rejected: \(BerlinCalendar.shortDateTime(runtime.now)) (Europe/Berlin)

        \(TerminalText.escaped(message))

        The file was not processed and nothing was sent to the customer.
        After fixing the cause, put the file into inbox/\(job.customerId)/ again.
        This file and the note are deleted after \(runtime.settings.holdDays) days.

        """
        try AtomicFile.write(Array(note.utf8), to: target + ".error.txt")
        try AtomicFile.fsyncDirectory(rejectedFolder)
        let expires = runtime.now.addingTimeInterval(TimeInterval(runtime.settings.holdDays * 86_400))
        try runtime.database.write { db in
            var job = job
            job.state = .rejected
            job.error = message
            job.outputPath = target
            job.expiresAt = expires
            job.finishedAt = runtime.now
            try job.update(db)
            try db.audit("reject", subject: target, detail: "job \(job.id): \(message)", actor: runtime.actor, at: runtime.now)
        }
        try? FileManager.default.removeItem(atPath: folder.path)
        return .rejected(jobId: job.id, file: "inbox/\(job.customerId)/\(job.inputName)", message: message)
    }

    /// `rejected/<customer>/<job>`: the job's rejected file and its note.
    static func folder(root: RuntimeRoot, job: Job) -> String {
        "\(root.rejected)/\(job.customerId)/\(job.id)"
    }
}
