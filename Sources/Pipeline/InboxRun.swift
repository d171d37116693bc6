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
        /// What holds now and lasts across runs: held and stray files, a
        /// missing or stale index, jobs that keep failing, e-mails that cannot be sent.
        public var conditions: [Condition] = []
        /// Of those, the ones to print in this run: new ones, and the others once a day.
        public var conditionsToReport: [Condition] = []
        /// One-time lines ops should read.
        public var notices: [String] = []
        /// True when another run held the lock and this one did nothing.
        public var skippedBusy = false

        /// What `run` prints: rejected files (once, when they are rejected),
        /// then the conditions due for reporting, then the notices.
        public var problemLines: [String] {
            let rejected = outcomes.compactMap { outcome -> String? in
                if case .rejected(_, let file, let message) = outcome { return "rejected \(file): \(message)" }
                return nil
            }
            return rejected + conditionsToReport.map(\.message) + notices
        }

        /// True when a file was rejected or a job failed in this run.
        public var hasFailures: Bool {
            outcomes.contains { if case .done = $0 { false } else { true } }
        }

        /// True when something printed is about e-mail only (sendmail unavailable).
        public var onlyMailProblems: Bool {
            !problemLines.isEmpty && notices.isEmpty && !hasFailures
                && conditionsToReport.allSatisfy { $0.key.hasPrefix(ConditionKey.mailPrefix) }
        }
    }

    /// Keys of the run's conditions (table `condition`, scope `run`).
    enum ConditionKey {
        static let scope = "run"
        static let mailPrefix = MailDelivery.conditionPrefix
        static func held(_ entry: InboxEntry) -> String { "held:" + entry.path }
        static let index = "index"
        static func failed(_ jobId: String) -> String { "failed:" + jobId }
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
        let index = IndexHealth.assess(runtime)
        for job in try adoptOrphanClaims() + unfinishedJobs() {
            // A job that has not matched yet waits, like the inbox, for a usable index.
            if index.holdsFiles, Stage(rawValue: job.lastStage ?? "").map({ $0 < .match }) ?? true { continue }
            report.outcomes.append(JobRunner(runtime: runtime).resume(job))
        }

        let customers = Dictionary(uniqueKeysWithValues: try runtime.database.customers().map { ($0.id, $0) })
        var heldForIndex = 0
        for surveyed in InboxSurvey(runtime: runtime).survey(customers: customers, index: index) {
            let entry = surveyed.entry
            switch entry.state {
            case .settling:
                continue
            case .held where surveyed.waitsForIndex:
                heldForIndex += 1
            case .held, .stray:
                report.conditions.append(Condition(key: ConditionKey.held(entry), message: "held \(entry.path): \(entry.reason ?? "")"))
            case .ready, .unknownFolder:
                guard let file = surveyed.file, let job = try Claim(runtime: runtime).take(file) else { continue }
                runtime.logger.info("claimed \(file.display) as job \(job.id)")
                if let problem = Self.nameProblem(file.name) ?? Self.customerProblem(file.customerId, customers[file.customerId]) {
                    report.outcomes.append(try JobRejection(runtime: runtime).reject(job, message: problem))
                    continue
                }
                report.outcomes.append(JobRunner(runtime: runtime).resume(job))
            }
        }
        if let message = index.message(at: runtime.now) {
            let held = heldForIndex > 0 ? " (\(heldForIndex) file\(heldForIndex == 1 ? "" : "s") waiting)" : ""
            report.conditions.append(Condition(key: ConditionKey.index + ":" + index.state.rawValue, message: message + held))
        }
        for outcome in report.outcomes {
            switch outcome {
            case .done(let jobId):
                runtime.logger.info("job \(jobId) done")
            case .failed(let job, let file, let message):
                report.conditions.append(Condition(key: ConditionKey.failed(job),
                                                   message: "failed \(file) (job \(job), resumed by every run): \(message)"))
            case .rejected:
                break
            }
        }
        // New messages and those a failed sendmail left queued.
        report.conditions += MailDelivery(runtime: runtime).deliverPending()
        report.conditions += MailDelivery(runtime: runtime).unknownMessages()
        pruneIndexVersions()
        report.conditionsToReport = try runtime.database.conditionsToReport(scope: ConditionKey.scope, holding: report.conditions, now: runtime.now)
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
            try Job.filter([Job.State.running, Job.State.failed].contains(Job.Columns.state)).order(Job.Columns.claimedAt).fetchAll(db)
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
