import ArgumentParser
import Logging
import Pipeline

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Process the inbox once (the cron entry).",
        discussion: """
        Resumes jobs a crashed run left, retries undelivered e-mails, then claims every \
        settled file in inbox/<customer-id>/ and runs it through decode, key, match, emit, \
        notify and meter. Silent on success. A rejected file is reported once, when it \
        is rejected. What lasts (a held file, a job that keeps failing, an e-mail that \
        cannot be sent, a missing or stale index) is reported when it starts and then \
        once a day while it lasts (state/ remembers). Exit 1 when something was \
        reported, 69 when only e-mail delivery was; 0 when nothing was. If another \
        run is active, exits 0 at once (or waits with --wait).
        """
    )

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Wait for a running `robinson run` to finish instead of leaving.")
    var wait = false

    func run() async throws {
        try await scheduled("run", global) { context in
            let runtime = try context.runtime()
            let report = try InboxRun(runtime: runtime).run(wait: wait)
            if report.skippedBusy {
                runtime.logger.info("another robinson run is active; nothing done")
                return
            }
            runtime.logger.info("run finished: \(report.outcomes.count) jobs, \(report.conditions.count) lasting conditions")
            let lines = report.problemLines
            for line in lines { printError(line) }
            if report.onlyMailProblems { throw ExitStatus.unavailable.exitCode }
            if !lines.isEmpty { throw ExitStatus.failure.exitCode }
        }
    }
}

struct PurgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Delete outputs, work files and rejected files past the hold period.",
        discussion: "Each deleted file is written to the audit log (`robinson audit`). The hold period is retention.holdDays (default 5)."
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await scheduled("purge", global) { context in
            let runtime = try context.runtime()
            let report = try Purge(runtime: runtime).run()
            for problem in report.problems { printError(problem) }
            runtime.logger.info("purged \(report.jobs.count) jobs, \(report.files.count) files")
            if !report.problems.isEmpty { throw ExitCode.failure }
        }
    }
}
