import Foundation
import Logging
import Mail
import Matching
import Store

/// What every command works with: the root, settings, state database, the
/// clock (injectable through `ROBINSON_NOW`) and who is acting (for the audit log).
public struct Runtime: Sendable {
    public let root: RuntimeRoot
    public let settings: PipelineSettings
    public let database: StateDatabase
    public let clock: @Sendable () -> Date
    public let actor: String
    public let logger: Logger

    public init(root: RuntimeRoot, settings: PipelineSettings, database: StateDatabase,
                clock: @escaping @Sendable () -> Date, actor: String, logger: Logger) {
        self.root = root
        self.settings = settings
        self.database = database
        self.clock = clock
        self.actor = actor
        self.logger = logger
    }

    public var now: Date { clock() }
    public var keyFile: String { settings.keyFile ?? root.defaultKeyFile }
    public var indexDirectory: IndexDirectory { IndexDirectory(path: root.index) }

    /// The customers' e-mails: `mail/outgoing/`, `mail/sent/`, the configured sendmail.
    public var mailQueue: MailQueue {
        MailQueue(database: database, outgoing: root.outgoingMail, sent: root.sentMail, sendmail: Sendmail(settings.sendmail),
                  actor: actor, clock: clock)
    }

    public func fingerprinter() throws -> Fingerprinter {
        Fingerprinter(key: try HashingKey.load(path: keyFile))
    }

    /// Opens the runtime of an initialized root.
    public static func open(root: RuntimeRoot, settings: PipelineSettings, clock: @escaping @Sendable () -> Date,
                            actor: String, logger: Logger) throws -> Runtime {
        guard root.isInitialized else { throw RuntimeError.notInitialized(root: root.path) }
        return Runtime(root: root, settings: settings, database: try StateDatabase(path: root.database),
                       clock: clock, actor: actor, logger: logger)
    }
}

public enum RuntimeError: Error, Sendable, CustomStringConvertible {
    case notInitialized(root: String)
    case busy(lock: String)

    public var description: String {
        switch self {
        case .notInitialized(let root): "\(root) is not a robinson root: run `robinson --root \(root) init` first"
        case .busy(let lock): "another robinson run holds \(lock)"
        }
    }
}
