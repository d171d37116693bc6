import Foundation
import Formats
import GRDB
import Logging
import Matching
import Store

/// `robinson run`: recover what a crashed run left, retry queued e-mails,
/// then claim and process every settled inbox file once.
public struct InboxRun: Sendable {
    let runtime: Runtime

    public init(runtime: Runtime) { self.runtime = runtime }

    public struct Report: Sendable {
        public var outcomes: [JobOutcome] = []
        /// Files left in the inbox on purpose (customer suspended), with why.
        public var held: [String] = []
        /// Other lines ops should read (undelivered e-mails, unclear states).
        public var notices: [String] = []
        /// True when another run held the lock and this one did nothing.
        public var skippedBusy = false

        public var problemLines: [String] {
            var lines: [String] = []
            for outcome in outcomes {
                switch outcome {
                case .done: break
                case .rejected(_, let file, let message): lines.append("rejected \(file): \(message)")
                case .failed(let job, let file, let message): lines.append("failed \(file) (job \(job), will be resumed): \(message)")
                }
            }
            return lines + held + notices
        }

        public var hasFailures: Bool {
            outcomes.contains { if case .done = $0 { false } else { true } }
        }
    }

    public func run(wait: Bool) throws -> Report {
        var report = Report()
        guard let lock = try FileLock.acquire(path: runtime.root.lockFile, wait: wait) else {
            report.skippedBusy = true
            return report
        }
        defer { withExtendedLifetime(lock) {} }

        report.notices += recoverInterruptedMail()
        for job in try adoptOrphanClaims() + unfinishedJobs() {
            report.outcomes.append(JobRunner(runtime: runtime).resume(job))
        }

        let customers = try runtime.database.read { db in
            Dictionary(uniqueKeysWithValues: try Customer.fetchAll(db).map { ($0.id, $0) })
        }
        let now = runtime.now
        for stray in InboxScanner(root: runtime.root).strayFiles() {
            report.held.append("held inbox/\(stray): not in a customer folder; move it into inbox/<customer-id>/")
        }
        for file in InboxScanner(root: runtime.root).files() where InboxScanner.isSettled(file, now: now, seconds: runtime.settings.settleSeconds) {
            let customer = customers[file.customerId]
            if customer?.status == .suspended {
                let why = customer?.suspendedForArrears == true
                    ? "is suspended for arrears (robinson dunning); the file is processed once they have paid in full"
                    : "is suspended in the master data"
                report.held.append("held inbox/\(file.customerId)/\(file.name): customer \(file.customerId) \(why)")
                continue
            }
            guard let job = try Claim(runtime: runtime).take(file) else { continue }
            runtime.logger.info("claimed inbox/\(file.customerId)/\(file.name) as job \(job.id)")
            if let problem = Self.customerProblem(file.customerId, customer) {
                report.outcomes.append(try JobRejection(runtime: runtime).reject(job, message: problem))
                continue
            }
            report.outcomes.append(JobRunner(runtime: runtime).resume(job))
        }
        for case .done(let jobId) in report.outcomes {
            runtime.logger.info("job \(jobId) done")
        }
        // New messages and those a failed sendmail left queued.
        report.notices += MailDelivery(runtime: runtime).deliverPending()
        pruneIndexVersions()
        return report
    }

    static func customerProblem(_ id: String, _ customer: Customer?) -> String? {
        guard let customer else {
            return "inbox folder '\(id)' is not a known customer id. Import the customer (`robinson customers import`) or move the file into the right customer's folder."
        }
        if customer.status == .terminated {
            return "customer \(id) is terminated; files are no longer processed for this customer."
        }
        if customer.bookedLists.isEmpty {
            return "customer \(id) has no booked lists; set the lists column in the customer master data."
        }
        return nil
    }

    /// Work folders whose claim happened but whose job row was never written.
    private func adoptOrphanClaims() throws -> [Job] {
        let fm = FileManager.default
        let known = Set(try runtime.database.read { try Job.select(Job.Columns.id, as: String.self).fetchAll($0) })
        var adopted: [Job] = []
        for name in ((try? fm.contentsOfDirectory(atPath: runtime.root.work)) ?? []).sorted()
        where !name.hasPrefix(".") && !known.contains(name) {
            let folder = JobFolder(work: runtime.root.work, jobId: name)
            guard folder.claimedInput != nil,
                  let data = fm.contents(atPath: folder.claimNote),
                  let note = try? JSONDecoder().decode(ClaimNote.self, from: data)
            else {
                // The rename never happened: the file is still in the inbox.
                try? fm.removeItem(atPath: folder.path)
                continue
            }
            adopted.append(try Claim(runtime: runtime).register(note: note, folder: folder))
        }
        return adopted
    }

    private func unfinishedJobs() throws -> [Job] {
        try runtime.database.read { db in
            try Job.filter(Job.Columns.state == Job.State.running).order(Job.Columns.claimedAt).fetchAll(db)
        }
    }

    /// A message marked `sending` when a run died: it may or may not have left.
    private func recoverInterruptedMail() -> [String] {
        let stuck = (try? runtime.database.write { db -> [String] in
            let sending = JobNotification.filter(JobNotification.Columns.state == JobNotification.State.sending)
            let ids = try sending.select(JobNotification.Columns.jobId, as: String.self).fetchAll(db)
            try sending.updateAll(db, JobNotification.Columns.state.set(to: JobNotification.State.unknown))
            return ids
        }) ?? []
        return stuck.map {
            "job \($0): a run stopped while handing its e-mail to sendmail; check the mail log. The message is in mail/outgoing/\($0).eml and is not sent again automatically."
        }
    }

    private func pruneIndexVersions() {
        let inUse = Set((try? runtime.database.read { db in
            try Job.filter(Job.Columns.state == Job.State.running && Job.Columns.indexVersion != nil)
                .select(Job.Columns.indexVersion, as: String.self).distinct().fetchAll(db)
        }) ?? [])
        let directory = runtime.indexDirectory
        let versions = directory.versions()
        // Keep the version before the current one for a quick roll-back.
        let current = directory.currentVersion()
        let previous = versions.filter { $0 != current }.last
        for removed in directory.prune(inUse: inUse.union(previous.map { [$0] } ?? [])) {
            try? runtime.database.write { db in
                try db.audit("delete", subject: directory.file(for: removed), detail: "old index version", actor: runtime.actor, at: runtime.now)
            }
        }
    }
}
