import Billing
import Formats
import Foundation
import Logging
import Pipeline
import Store

/// The metrics written after every scheduled command for node_exporter's
/// textfile collector (`monitoring.textfile`, docs/operations.md "Monitoring").
enum Metrics {
    /// Records that `command` finished with `status` and, when a metrics file is
    /// configured, rewrites it atomically. Monitoring never fails a command: a
    /// metrics file that cannot be written is one `robinson:` line when it
    /// starts, then at most once a day (like every lasting condition).
    static func commandFinished(_ command: String, status: Int32, context: CommandContext) {
        // A root that cannot be opened was already reported by the command itself.
        guard let runtime = try? context.runtime() else { return }
        var problems: [Condition] = []
        do {
            try runtime.database.recordCommandRun(command, exitCode: Int(status), at: runtime.now)
            if let file = context.settings.metricsFile {
                try AtomicFile.write(Array(try gather(runtime).text.utf8), to: file, mode: 0o644)
            }
        } catch {
            problems.append(Condition(key: "metrics", message: "monitoring.textfile: metrics not written: \(error)"))
        }
        for problem in (try? runtime.database.conditionsToReport(scope: "monitoring", holding: problems, now: runtime.now)) ?? problems {
            printError(problem.message)
        }
    }

    static func gather(_ runtime: Runtime) throws -> PrometheusText {
        var metrics = PrometheusText()
        let now = runtime.now
        let runs = try runtime.database.commandRuns()
        metrics.add("robinson_command_last_success_timestamp_seconds", .gauge, "Unix time the scheduled command last succeeded.",
                    runs.compactMap { run in run.lastSuccessAt.map { .init(labels: [("command", run.command)], value: $0.timeIntervalSince1970) } })
        metrics.add("robinson_command_last_run_timestamp_seconds", .gauge, "Unix time the scheduled command last finished.",
                    runs.map { .init(labels: [("command", $0.command)], value: $0.lastFinishedAt.timeIntervalSince1970) })
        metrics.add("robinson_command_last_exit_code", .gauge, "Exit code of the command's last run (0 ok, see robinson --help).",
                    runs.map { .init(labels: [("command", $0.command)], value: Double($0.lastExitCode)) })

        let jobs = try runtime.database.jobCounts()
        metrics.add("robinson_jobs", .gauge, "Jobs in the state database by state.",
                    Job.State.allCases.map { .init(labels: [("state", $0.rawValue)], value: Double(jobs[$0] ?? 0)) })
        let (index, inbox) = try JobListing(runtime: runtime).inbox()
        metrics.add("robinson_inbox_files", .gauge, "Files in the inbox by what happens to them next (held: waiting on purpose).",
                    InboxEntry.State.allCases.map { state in .init(labels: [("state", state.rawValue)], value: Double(inbox.filter { $0.state == state }.count)) })
        metrics.add("robinson_lasting_conditions", .gauge, "Problems that last across runs (held files, failing jobs, mail, index).",
                    value: Double(try runtime.database.lastingConditions().count))

        let usage = try runtime.database.usageTotals()
        metrics.add("robinson_rows_checked_total", .counter, "Address rows checked by finished jobs.", value: Double(usage.rows))
        metrics.add("robinson_hits_total", .counter, "Rows found on a Robinson list, per list.",
                    usage.hits.sorted { $0.key < $1.key }.map { .init(labels: [("list", $0.key)], value: Double($0.value)) })

        metrics.add("robinson_index_usable", .gauge, "1 when run matches against the index, 0 when it holds files (missing, unusable, stale).",
                    value: index.holdsFiles ? 0 : 1)
        if let builtAt = index.builtAt {
            metrics.add("robinson_index_age_seconds", .gauge, "Age of the current index.", value: now.timeIntervalSince(builtAt))
        }
        if let fingerprints = index.fingerprints {
            metrics.add("robinson_index_fingerprints", .gauge, "Entries in the current index.", value: Double(fingerprints))
        }

        let mail = try runtime.database.mailCounts()
        metrics.add("robinson_mail_messages", .gauge, "Outgoing e-mails by state (queued: waiting for sendmail).",
                    OutgoingMail.State.allCases.map { .init(labels: [("state", $0.rawValue)], value: Double(mail[$0] ?? 0)) })

        // Read only: the ledger is advanced by the billing commands, not by monitoring.
        let today = CalendarDate(now)
        let open = try runtime.database.read { db in try OpenItemList.compute(on: today, in: db) }
        let overdue = open.items.filter { item in
            guard case .invoice = item.kind, let due = item.dueDate else { return false }
            return due < today && item.open.cents > 0
        }
        metrics.add("robinson_open_items_euros", .gauge, "Sum of the open items (unpaid invoices and charges; credits count negative).",
                    value: Double(open.total.cents) / 100)
        metrics.add("robinson_open_items", .gauge, "Number of open items.", value: Double(open.items.count))
        metrics.add("robinson_overdue_invoices", .gauge, "Invoices past their due date with money open.", value: Double(overdue.count))
        metrics.add("robinson_overdue_euros", .gauge, "Money open on invoices past their due date.",
                    value: Double(overdue.map(\.open).sum().cents) / 100)
        return metrics
    }
}
