import Foundation
import Formats
import GRDB
import Mail
import Matching
import Store

/// Runs a claimed job's remaining stages, recording each one when its output
/// is safely on disk.
struct JobRunner {
    let runtime: Runtime

    func resume(_ job: Job) -> JobOutcome {
        var job = job
        // A failed job is tried again; the next recorded stage stores it as running.
        job.state = .running
        job.error = nil
        let display = "inbox/\(job.customerId)/\(job.inputName)"
        let folder = JobFolder(work: runtime.root.work, jobId: job.id)
        do {
            if let reason = try? String(contentsOfFile: folder.rejection, encoding: .utf8) {
                return try JobRejection(runtime: runtime).reject(job, message: reason)
            }
            var stage = Stage(rawValue: job.lastStage ?? "") ?? .claim
            while let next = stage.next {
                // Checked before every stage, so a file still growing while it was read is caught before emit publishes it.
                if let rejection = try changeSinceClaim(folder, display: display) ?? perform(next, &job) {
                    return try JobRejection(runtime: runtime).reject(job, message: rejection)
                }
                try record(next, &job)
                FaultInjection.after(next)
                stage = next
            }
            return .done(jobId: job.id)
        } catch {
            let message = describe(error, job: job)
            _ = try? runtime.database.write { db in
                try Job.filter(key: job.id).updateAll(db, Job.Columns.state.set(to: Job.State.failed), Job.Columns.error.set(to: message))
            }
            return .failed(jobId: job.id, file: display, message: message)
        }
    }

    /// A message when the claimed input changed since the claim, else nil.
    private func changeSinceClaim(_ folder: JobFolder, display: String) throws -> String? {
        guard let input = folder.claimedInput else { throw JobError.inputMissing(folder.path) }
        guard let note = folder.note else { return nil }
        return ClaimedInput.change(input, since: note, display: display)
    }

    /// Performs one stage; returns a message when the file must be rejected.
    private func perform(_ stage: Stage, _ job: inout Job) throws -> String? {
        let folder = JobFolder(work: runtime.root.work, jobId: job.id)
        guard let input = folder.claimedInput else { throw JobError.inputMissing(folder.path) }
        switch stage {
        case .claim:
            return nil
        case .decode:
            var description: InputDescription
            do {
                let workbook = try convertWorkbook(input, folder: folder)
                description = try InputInspector.inspect(path: folder.readable(input))
                description.workbook = workbook
            } catch is OutputError {
                throw OutputFailure.converting
            } catch {
                return describe(error, job: job)
            }
            try AtomicFile.write(try JSONEncoder().encode(description), to: folder.decoded)
        case .key:
            // Keyed, matched and written in the match stage's single pass: nothing is stored in between.
            break
        case .match:
            let description = try loadDescription(folder)
            let customer = try loadCustomer(job)
            let index: IndexFile
            do {
                index = try runtime.indexDirectory.openCurrent(keyId: try runtime.fingerprinter().keyId)
            } catch {
                return "The file could not be checked: \(error)"
            }
            let booked = (try? ListSet(names: customer.lists)) ?? []
            let policy = VerdictPolicy(hitKinds: runtime.settings.hitKinds, booked: booked)
            // The annotated file is written once, into the work folder; emit moves it into the outbox.
            let zstd = outputIsZstd(customer, description)
            for stale in [false, true] { unlink(folder.annotated(zstd: stale)) }
            let annotated = folder.annotated(zstd: zstd)
            let temporary = annotated + ".tmp"
            let result: StreamingMatch.Result
            do {
                let sink: any ByteSink = zstd ? try ZstdSink(path: temporary) : try FileSink(path: temporary, bypassingCache: true)
                result = try StreamingMatch.run(
                    input: folder.readable(input), dialect: description.dialect, fingerprinter: try runtime.fingerprinter(), index: index,
                    policy: policy, sink: sink, columns: runtime.settings.outputColumns, workers: runtime.settings.workers)
            } catch where error is InputRejection || error is InputError {
                // What the rows show (no data rows, mostly ragged, an open quote) is the file's fault, as in the decode stage.
                unlink(temporary)
                return describe(error, job: job)
            } catch {
                unlink(temporary)
                throw error
            }
            try AtomicFile.commit(temporary: temporary, to: annotated)
            var counted = description
            counted.rows = result.stats.rows
            counted.blankLines = result.blankLines
            counted.raggedRows = result.raggedRows
            counted.mixedEncodingRows = result.mixedEncodingRows
            try AtomicFile.write(try JSONEncoder().encode(counted), to: folder.decoded)
            let stats = result.stats
            try AtomicFile.write(try JSONEncoder().encode(stats), to: folder.stats)
            job.indexVersion = stats.indexVersion
            job.rows = stats.rows
            job.hits = stats.ja
            job.unchecked = stats.pruefen
        case .emit:
            try emit(&job, folder: folder, input: folder.readable(input))
        case .notify:
            let mail = try ReadyMail(runtime: runtime, job: job, customer: try loadCustomer(job), stats: try loadStats(folder),
                                     workbook: try loadDescription(folder).workbook)
            try runtime.mailQueue.write(mail.message, name: job.id)
        case .meter:
            break
        }
        FaultInjection.beforeRecord(stage)
        return nil
    }

    /// Whether the annotated file is zstd-compressed: as the customer wants it.
    private func outputIsZstd(_ customer: Customer, _ description: InputDescription) -> Bool {
        switch customer.outputCompression {
        case .asInput: description.compression == .zstd
        case .zstd: true
        case .none: false
        }
    }

    /// Moves the annotated file the match stage wrote into the outbox (one
    /// rename; a re-run after a crash finds it already there) and writes the summary.
    private func emit(_ job: inout Job, folder: JobFolder, input: String) throws {
        let description = try loadDescription(folder)
        let customer = try loadCustomer(job)
        let zstd = FileManager.default.fileExists(atPath: folder.annotated(zstd: true))
            || (!FileManager.default.fileExists(atPath: folder.annotated(zstd: false)) && outputIsZstd(customer, description))
        let outputFolder = "\(runtime.root.outbox)/\(job.customerId)/\(job.id)"
        try runtime.root.makeFolder(runtime.root.outbox + "/" + job.customerId)
        try runtime.root.makeFolder(outputFolder)
        let name = InputName.output(for: job.inputName, zstd: zstd, csv: description.workbook != nil)
        let final = outputFolder + "/" + name
        let annotated = folder.annotated(zstd: zstd)
        if FileManager.default.fileExists(atPath: annotated) {
            try AtomicFile.commit(temporary: annotated, to: final)
        } else if !FileManager.default.fileExists(atPath: final) {
            throw JobError.annotatedMissing(folder.path)
        }
        let expires = runtime.now.addingTimeInterval(TimeInterval(runtime.settings.holdDays * 86_400))
        job.outputPath = final
        job.expiresAt = expires
        let summary = JobSummary(job: job, customer: customer, description: description, stats: try loadStats(folder),
                                 outputName: name, at: runtime.now)
        try AtomicFile.write(Array(summary.text.utf8), to: outputFolder + "/zusammenfassung.txt")
    }

    /// Converts an uploaded workbook to `folder.converted`; nil when the input is no workbook.
    private func convertWorkbook(_ input: String, folder: JobFolder) throws -> Workbook.Conversion? {
        guard Workbook.signature(path: input) != nil else { return nil }
        let fm = FileManager.default
        try? fm.removeItem(atPath: folder.workbookParts)
        try fm.createDirectory(atPath: folder.workbookParts, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? fm.removeItem(atPath: folder.workbookParts) }
        let temporary = folder.converted + ".tmp"
        let conversion = try Workbook.convert(path: input, to: temporary, scratch: folder.workbookParts)
        try AtomicFile.commit(temporary: temporary, to: folder.converted)
        return conversion
    }

    /// Records a finished stage together with what it changed on the job, in one transaction.
    private func record(_ stage: Stage, _ job: inout Job) throws {
        job.lastStage = stage.rawValue
        let now = runtime.now
        if stage == .meter {
            job.state = .done
            job.finishedAt = now
        }
        let snapshot = job
        let folder = JobFolder(work: runtime.root.work, jobId: job.id)
        let statsForMeter = stage == .meter ? try loadStats(folder) : nil
        // The message the notify stage wrote, queued with the stage in one transaction.
        let readyMail = stage == .notify
            ? try ReadyMail(runtime: runtime, job: snapshot, customer: try loadCustomer(snapshot), stats: try loadStats(folder)).message
            : nil
        let queue = runtime.mailQueue
        try runtime.database.write { db in
            try snapshot.update(db)
            try JobStage(jobId: snapshot.id, stage: stage.rawValue, finishedAt: now).insert(db, onConflict: .ignore)
            switch stage {
            case .emit:
                try db.audit("write", subject: snapshot.outputPath ?? "", detail: "job \(snapshot.id): annotated file, \(snapshot.rows ?? 0) rows", actor: runtime.actor, at: now)
            case .notify:
                if let readyMail {
                    try queue.enqueue(db, key: OutgoingMail.jobKey(snapshot.id), kind: .jobReady, reference: snapshot.id,
                                      message: readyMail, path: queue.path(name: snapshot.id))
                }
            case .meter:
                if let stats = statsForMeter {
                    try UsageRecord(
                        jobId: snapshot.id, customerId: snapshot.customerId, month: BerlinCalendar.month(of: snapshot.claimedAt),
                        rowsChecked: stats.rows, hitsPost: stats.hits(.post), hitsTelefon: stats.hits(.telefon),
                        hitsMobil: stats.hits(.mobil), hitsFax: stats.hits(.fax), hitsEmail: stats.hits(.email), recordedAt: now
                    ).insert(db, onConflict: .ignore)
                }
            default:
                break
            }
        }
    }

    private func loadDescription(_ folder: JobFolder) throws -> InputDescription {
        try JSONDecoder().decode(InputDescription.self, from: Data(contentsOf: URL(fileURLWithPath: folder.decoded)))
    }

    private func loadStats(_ folder: JobFolder) throws -> MatchStats {
        try JSONDecoder().decode(MatchStats.self, from: Data(contentsOf: URL(fileURLWithPath: folder.stats)))
    }

    private func loadCustomer(_ job: Job) throws -> Customer {
        guard let customer = try runtime.database.read({ try Customer.fetchOne($0, key: job.customerId) }) else {
            throw JobError.unknownCustomer(job.customerId)
        }
        return customer
    }

    /// Error text with the work folder's path replaced by the file's inbox name.
    private func describe(_ error: any Error, job: Job) -> String {
        let folder = JobFolder(work: runtime.root.work, jobId: job.id)
        var text = ReadableError.text(error)
        if let input = folder.claimedInput {
            for path in [input, folder.converted] {
                text = text.replacingOccurrences(of: path, with: "inbox/\(job.customerId)/\(job.inputName)")
            }
        }
        return text
    }
}

/// A workbook's CSV could not be written: the machine's fault (disk, permissions), never the customer's.
enum OutputFailure: Error, CustomStringConvertible {
    case converting

    var description: String { "the converted workbook could not be written to the job's work folder; check free disk space" }
}

enum JobError: Error, CustomStringConvertible {
    case inputMissing(String)
    case annotatedMissing(String)
    case unknownCustomer(String)

    var description: String {
        switch self {
        case .inputMissing(let folder): "the claimed input in \(folder) is missing; the job cannot continue"
        case .annotatedMissing(let folder): "the annotated file in \(folder) is missing; the job cannot continue"
        case .unknownCustomer(let id): "customer \(id) is not in the customer master data: import it with `robinson customers import`"
        }
    }
}
