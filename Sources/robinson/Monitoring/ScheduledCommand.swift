import ArgumentParser

/// Runs the body of a command that cron or a timer calls (run, purge, index
/// build, bill, collect, dunning, check): however it ends, the command's run
/// and exit code are recorded and the metrics file is rewritten. A nil
/// `command` (a dry run) records nothing.
func scheduled(_ command: String?, _ global: GlobalOptions, _ body: (CommandContext) async throws -> Void) async throws {
    try await reporting {
        let context = try await CommandContext(global)
        guard let command else { return try await body(context) }
        do {
            try await body(context)
        } catch let exit as ExitCode {
            Metrics.commandFinished(command, status: exit.rawValue, context: context)
            throw exit
        } catch {
            Metrics.commandFinished(command, status: ExitStatus(for: error).rawValue, context: context)
            throw error
        }
        Metrics.commandFinished(command, status: 0, context: context)
    }
}
