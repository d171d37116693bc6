import ArgumentParser
import Foundation
import Pipeline

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Say whether this root can work: configuration, key, index, database, mail, billing data, schemas, disk, folders.",
        discussion: """
        Checks that the configuration is valid (every problem, with file and line); the \
        hashing key is present, 0600 and matches the index; the index is present, verified \
        and younger than matching.maxIndexAgeDays; the state database passes quick_check \
        and knows every job folder, invoice and pain.008 file on disk (a database older \
        than the files was restored from an old backup or replaced); sendmail is \
        executable; seller and bank data are complete when customers are billed; the \
        configured schemas are readable; there is free disk space; the folders are 0700 \
        and ours. One line per check; exit 1 when any check found a problem. Run daily \
        by Jobs/ with --quiet.
        """
    )

    @OptionGroup var global: GlobalOptions
    @Flag(help: "For cron: print only problems and warnings (on stderr), nothing when all is well.")
    var quiet = false

    func run() async throws {
        try await reporting {
            let environment = ProcessInfo.processInfo.environment
            let root = RuntimeRoot(path: global.root ?? environment["ROBINSON_ROOT"] ?? "./var")
            let now = try CommandContext.clock(environment["ROBINSON_NOW"])()
            let findings = await RootCheck(root: root, configFile: CommandContext.configFile(global, environment),
                                           environment: environment, now: now).run()
            for finding in findings {
                switch (finding.severity, quiet) {
                case (.ok, true): continue
                case (.ok, false): print("ok       \(finding.check): \(finding.text)")
                case (.warning, true): printError("warning: \(finding.check): \(finding.text)")
                case (.warning, false): print("warning  \(finding.check): \(finding.text)")
                case (.problem, true): printError("\(finding.check): \(finding.text)")
                case (.problem, false): print("PROBLEM  \(finding.check): \(finding.text)")
                }
            }
            let failed = findings.contains { $0.severity == .problem }
            // With a configuration that loads, check's outcome goes into the metrics like every scheduled command's.
            if let context = try? await CommandContext(global) {
                Metrics.commandFinished("check", status: (failed ? ExitStatus.failure : .ok).rawValue, context: context)
            }
            if failed { throw ExitStatus.failure.exitCode }
        }
    }
}
