import Foundation
import Formats
import GRDB
import Store

/// Moves a job's input to `rejected/<customer>/` with a plain-language
/// `<name>.error.txt` beside it, and records why.
struct JobRejection {
    let runtime: Runtime

    func reject(_ job: Job, message: String) throws -> JobOutcome {
        let folder = JobFolder(work: runtime.root.work, jobId: job.id)
        let customerFolder = runtime.root.rejected + "/" + job.customerId
        try runtime.root.makeFolder(customerFolder)
        let target = uniqueName(in: customerFolder, name: job.inputName, jobId: job.id)
        if let input = folder.claimedInput {
            guard rename(input, target) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target, NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        }
        let note = """
        File:     \(job.inputName)
        Customer: \(job.customerId)
        Job:      \(job.id)
        Rejected: \(BerlinCalendar.shortDateTime(runtime.now)) (Europe/Berlin)

        \(message)

        The file was not processed and nothing was sent to the customer.
        After fixing the cause, put the file into inbox/\(job.customerId)/ again.
        This file and the note are deleted after \(runtime.settings.holdDays) days.

        """
        try AtomicFile.write(Array(note.utf8), to: target + ".error.txt")
        try AtomicFile.fsyncDirectory(customerFolder)
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

    private func uniqueName(in folder: String, name: String, jobId: String) -> String {
        let plain = folder + "/" + name
        if !FileManager.default.fileExists(atPath: plain) { return plain }
        return folder + "/" + jobId + "_" + name
    }
}
