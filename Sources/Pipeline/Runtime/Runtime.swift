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
        guard FileManager.default.fileExists(atPath: root.state) else { throw RuntimeError.notInitialized(root: root.path) }
        guard try root.requireDatabaseUnlessUnused() || FileManager.default.fileExists(atPath: root.database) else {
            throw RuntimeError.notInitialized(root: root.path)
        }
        return Runtime(root: root, settings: settings, database: try StateDatabase(path: root.database),
                       clock: clock, actor: actor, logger: logger)
    }
}

public enum RuntimeError: Error, Sendable, CustomStringConvertible {
    case notInitialized(root: String)
    case busy(lock: String)
    /// The state database is missing or empty, but the root holds data: it was lost.
    case lostDatabase(database: String, empty: Bool, holds: String)

    public var description: String {
        switch self {
        case .notInitialized(let root): "\(root) is not a robinson root: run `robinson --root \(root) init` first"
        case .lostDatabase(let database, let empty, let holds):
            "the state database \(database) is \(empty ? "empty" : "missing"), but this root holds \(holds): it was in use, "
                + "and a new database would issue invoice numbers again and send e-mails twice. Restore the database "
                + "(with its -wal file) from the backup, see docs/operations.md \"Restoring the state database\"; nothing was changed"
        case .busy(let lock): "another robinson run holds \(lock)"
        }
    }
}
