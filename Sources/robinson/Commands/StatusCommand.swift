import ArgumentParser
import Foundation
import Pipeline
import Store

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "The whole picture: the index, what waits in the inbox and why, lasting problems, and the jobs.",
        discussion: """
        index: the current version, its age and whether `run` uses it (a stale or missing \
        index holds every file). inbox: each file with its state (settling, ready, held, \
        unknownFolder, stray) and why. conditions: what `run` reports once a day while it \
        lasts (held files, failing jobs, e-mails that cannot be sent). jobs: newest first, \
        with state, stage, counts, the index version used, output, expiry, e-mail state, \
        repeats and retries of rejected files, and the reason of a rejected or failed job.
        """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this customer's inbox files and jobs.")
    var customer: String?
    @Option(help: ArgumentHelp("Only jobs claimed at or after this time.", valueName: "ISO 8601 time or YYYY-MM-DD"))
    var since: Moment?
    @Option(help: "How many of the newest jobs to show.")
    var limit = 50
    @OptionGroup var output: FormatOption

    func run() async throws {
        try await reporting {
            let runtime = try await CommandContext(global).runtime()
            let listing = JobListing(runtime: runtime)
            let (index, inbox) = try listing.inbox()
            let jobs = try listing.newest(limit: limit, customer: customer, since: since?.date)
            let mail = try listing.mailStates(of: jobs.map(\.id))
            let now = runtime.now
            let indexRecord = Listing.Record("index", [
                ("state", .text(index.state.rawValue)), ("version", Cell(index.version)), ("builtAt", Cell(index.builtAt)),
                ("ageDays", Cell(index.ageDays(at: now))), ("maxAgeDays", .integer(runtime.settings.maxIndexAgeDays)),
                ("fingerprints", index.fingerprints.map { .integer(Int($0)) } ?? .none), ("message", Cell(index.message(at: now))),
            ])
            var files = Listing.Table("inbox", columns: ["file", "customer", "state", "size", "modifiedAt", "reason"])
            for entry in inbox where customer == nil || entry.folder == customer {
                files.append([.text(entry.path), Cell(entry.folder), .text(entry.state.rawValue), Cell(entry.size.map(Int.init)),
                              Cell(entry.modified), Cell(entry.reason)])
            }
            var conditions = Listing.Table("conditions", columns: ["scope", "key", "since", "reportedAt", "message"],
                                           tableColumns: ["since", "message"])
            for condition in try runtime.database.lastingConditions()
            where customer == nil || condition.key.contains("/\(customer!)/") || condition.message.contains(customer!) {
                conditions.append([.text(condition.scope), .text(condition.key), .time(condition.since), .time(condition.reportedAt),
                                   .text(condition.message)])
            }
            var table = Listing.Table("jobs", columns: [
                "id", "customer", "state", "stage", "claimedAt", "finishedAt", "input", "rows", "hits", "unchecked", "indexVersion",
                "output", "expiresAt", "mail", "repeatOf", "retryOf", "error",
            ], tableColumns: ["id", "customer", "state", "stage", "rows", "hits", "unchecked", "indexVersion", "expiresAt", "mail",
                              "input", "output", "retryOf", "error"])
            for job in jobs {
                table.append([
                    .text(job.id), .text(job.customerId), .text(job.state.rawValue), Cell(job.lastStage), .time(job.claimedAt),
                    Cell(job.finishedAt), .text(job.inputName), Cell(job.rows), Cell(job.hits), Cell(job.unchecked), Cell(job.indexVersion),
                    Cell(job.outputPath.map(runtime.root.relative)), Cell(job.expiresAt), Cell(mail[job.id]?.rawValue),
                    Cell(job.repeatOf), Cell(job.retryOf), Cell(job.error),
                ])
            }
            Listing("status", .record(indexRecord), .table(files), .table(conditions), .table(table)).print(output.format)
        }
    }
}

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Show the audit log: who claimed, wrote, sent or deleted what, and when.",
        discussion: """
        Times are ISO 8601 in Europe/Berlin with their offset, to the second. --customer \
        selects everything about one customer: master data and mandates, jobs and their \
        files, invoices (issue, state changes, payments, returns, dunning letters, \
        cancellation), payments and refunds, the debit files carrying its invoices and the \
        e-mails about any of these. Filters combine; --limit keeps the newest entries.
        """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only entries about this customer (also billing entries that name only an invoice or payment).")
    var customer: String?
    @Option(help: ArgumentHelp("Only entries at or after this time.", valueName: "ISO 8601 time or YYYY-MM-DD"))
    var since: Moment?
    @Option(help: ArgumentHelp("Only entries before this time (a day alone: before that day begins).", valueName: "ISO 8601 time or YYYY-MM-DD"))
    var until: Moment?
    @Option(help: "Only entries whose action, subject or detail contains this text (a job id, a file name).")
    var filter: String?
    @Option(help: "How many of the newest entries to show.")
    var limit = 100
    @OptionGroup var output: FormatOption

    func validate() throws {
        if let since, let until, until.date <= since.date { throw ValidationError("--until must be later than --since") }
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() async throws {
        try await reporting {
            let runtime = try await CommandContext(global).runtime()
            var table = Listing.Table("entries", columns: ["id", "at", "actor", "action", "subject", "detail"],
                                      tableColumns: ["at", "actor", "action", "subject", "detail"])
            let query = AuditQuery(customer: customer, containing: filter, since: since?.date, until: until?.date, limit: limit)
            for entry in try JobListing(runtime: runtime).audit(query) {
                table.append([Cell(entry.id.map(Int.init)), .time(entry.at), .text(entry.actor), .text(entry.action),
                              .text(entry.subject), .text(entry.detail)])
            }
            Listing("audit", .table(table)).print(output.format)
        }
    }
}
