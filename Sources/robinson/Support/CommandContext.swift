import ArgumentParser
import Billing
import Foundation
import Logging
import Pipeline

/// Builds what a subcommand needs from the global options: the root, the
/// settings, the clock and the logger.
struct CommandContext {
    let root: RuntimeRoot
    /// Where each configured value came from (file and line, or environment variable).
    let sources: ConfigurationSources
    let settings: PipelineSettings
    let billingSettings: BillingSettings
    let clock: @Sendable () -> Date
    let logger: Logger

    init(_ options: GlobalOptions) async throws {
        // Everything this process creates holds or may hold personal data.
        umask(0o077)
        let environment = ProcessInfo.processInfo.environment
        root = RuntimeRoot(path: options.root ?? environment["ROBINSON_ROOT"] ?? "./var")
        let loaded = try await SettingsLoader.load(file: Self.configFile(options, environment), environment: environment)
        (sources, settings, billingSettings) = (loaded.sources, loaded.pipeline, loaded.billing)
        clock = try Self.clock(environment["ROBINSON_NOW"])
        var logger = Logger(label: "robinson")
        logger.logLevel = options.verbose ? .info : .warning
        self.logger = logger
    }

    func runtime() throws -> Runtime {
        try Runtime.open(root: root, settings: settings, clock: clock, actor: Self.actor, logger: logger)
    }

    /// `--config`, else `ROBINSON_CONFIG`; empty means none.
    static func configFile(_ options: GlobalOptions, _ environment: [String: String]) -> String? {
        (options.config ?? environment["ROBINSON_CONFIG"]).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// `ROBINSON_NOW` (ISO 8601) fixes the clock for tests and replays.
    static func clock(_ value: String?) throws -> @Sendable () -> Date {
        guard let value, !value.isEmpty else { return { Date() } }
        guard let fixed = ISO8601.parse(value) else {
            throw ConfigurationError("environment variable ROBINSON_NOW='\(value)' is not an ISO 8601 time such as 2026-11-23T07:00:00+01:00")
        }
        return { fixed }
    }

    /// Who acts, for the audit log: the login name and the host.
    static var actor: String {
        let environment = ProcessInfo.processInfo.environment
        let user = environment["SUDO_USER"] ?? environment["USER"] ?? environment["LOGNAME"] ?? "uid\(getuid())"
        return "\(user)@\(ProcessInfo.processInfo.hostName)"
    }
}

enum ISO8601 {
    static func parse(_ text: String) -> Date? {
        let full = ISO8601DateFormatter()
        full.formatOptions = [.withInternetDateTime]
        if let date = full.date(from: text) { return date }
        full.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = full.date(from: text) { return date }
        // A date alone means midnight in Berlin.
        let day = DateFormatter()
        day.locale = Locale(identifier: "en_US_POSIX")
        day.timeZone = BerlinCalendar.timeZone
        day.dateFormat = "yyyy-MM-dd"
        return day.date(from: text)
    }
}
