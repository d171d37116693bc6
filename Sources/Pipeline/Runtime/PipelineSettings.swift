import Foundation
import Mail
import Matching

/// Everything the pipeline can be configured with; the CLI fills it from the
/// YAML file and `ROBINSON_*` environment variables (docs/configuration.md, "Configuration").
public struct PipelineSettings: Sendable {
    /// A file is claimed once its size and mtime have not changed for this long.
    public var settleSeconds = 60
    /// Days an annotated file (and a rejected one) is kept before `purge` deletes it.
    public var holdDays = 5
    /// Worker threads for normalizing, keying and matching.
    public var workers = ProcessInfo.processInfo.activeProcessorCount
    /// Key kinds that make a row `ja`.
    public var hitKinds = VerdictPolicy.defaultHitKinds
    public var outputColumns = OutputColumns()
    /// A sendmail-compatible command; empty = only write `.eml` files to `mail/outgoing/`.
    public var sendmail = "/usr/sbin/sendmail -t -i"
    public var mailFrom = "Robinson-Abgleich <robinson@localhost>"
    /// Where customers download results; the job's folder is appended in the e-mail.
    public var downloadLocation = ""
    /// The hashing key file; nil = `<root>/state/hashing.key`.
    public var keyFile: String?
    /// An index older than this is not used: files are held until a new one is built.
    public var maxIndexAgeDays = 14
    /// From this age on, `run` and `check` warn that the index gets old.
    public var warnIndexAgeDays = 8
    /// Where the Prometheus metrics are written after every scheduled command; nil: nowhere.
    public var metricsFile: String?

    public init() {}

    /// `mailFrom` as an address; the configuration loader refuses a bad one, so this only fails for hand-made settings.
    public func sender() throws -> MailAddress {
        guard let address = MailAddress(parsing: mailFrom) else { throw SettingsError.badSender(mailFrom) }
        return address
    }
}

public enum SettingsError: Error, Sendable, CustomStringConvertible {
    case badSender(String)

    public var description: String {
        switch self {
        case .badSender(let text): "notify.from '\(text)' is not an e-mail address such as 'Robinson-Abgleich <robinson@example.org>'"
        }
    }
}
