import Foundation
import Formats
import GRDB
import Logging
import Mail
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

        // A message left `sending` by a run that died becomes `unknown`; it is reported below until settled.
        _ = try? runtime.mailQueue.recoverInterrupted()
        for job in try adoptOrphanClaims() + unfinishedJobs() {
            report.outcomes.append(JobRunner(runtime: runtime).resume(job))
        }

        let customers = try runtime.database.read { db in
            Dictionary(uniqueKeysWithValues: try Customer.fetchAll(db).map { ($0.id, $0) })
        }
        let now = runtime.now
        let scan = InboxScanner(root: runtime.root).scan()
        report.held += scan.held
        for file in scan.files {
            guard InboxScanner.isSettled(file, now: now, seconds: runtime.settings.settleSeconds) else {
                if InboxScanner.isFromTheFuture(file, now: now) {
                    report.held.append("held \(file.display): modified \(BerlinCalendar.shortDateTime(file.modified.date)), later than now (\(BerlinCalendar.shortDateTime(now))); the clock went backwards or the uploader's runs ahead. It is processed once that time has passed, or at once after `touch`.")
                }
                continue
            }
            let customer = customers[file.customerId]
            if customer?.status == .suspended {
                let why = customer?.suspendedForArrears == true
                    ? "is suspended for arrears (robinson dunning); the file is processed once they have paid in full"
                    : "is suspended in the master data"
                report.held.append("held \(file.display): customer \(file.customerId) \(why)")
                continue
            }
            guard let job = try Claim(runtime: runtime).take(file) else { continue }
            runtime.logger.info("claimed \(file.display) as job \(job.id)")
            if let problem = Self.nameProblem(file.name) ?? Self.customerProblem(file.customerId, customer) {
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
        report.notices += MailDelivery(runtime: runtime).unknownMessages()
        pruneIndexVersions()
        return report
    }

    /// A name with control characters (line feeds, escape sequences, bidi
    /// overrides) can forge lines wherever it is shown: refused at claim.
    static func nameProblem(_ name: InboxName) -> String? {
        guard name.hasControlCharacters else { return nil }
        return "the file name \"\(name.display)\" contains control characters (shown as \\n, \\x.. or \\u{..}); such names are not processed. Rename the file without them."
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
            guard let input = folder.claimedInput, let note = folder.note else {
                // The rename never happened: the file is still in the inbox.
                try? fm.removeItem(atPath: folder.path)
                continue
            }
            try ClaimedInput.restrictMode(input)
            adopted.append(try Claim(runtime: runtime).register(note: note, folder: folder))
        }
        return adopted
    }

    private func unfinishedJobs() throws -> [Job] {
        try runtime.database.read { db in
            try Job.filter(Job.Columns.state == Job.State.running).order(Job.Columns.claimedAt).fetchAll(db)
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
