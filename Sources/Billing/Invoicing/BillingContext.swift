import Foundation
import Mail
import Store

/// What every billing command works with: the database, where documents go,
/// the settings, the clock and who acts (for the audit log).
public struct BillingContext: Sendable {
    public let database: StateDatabase
    /// `<root>/billing`: one folder per service month below it.
    public let folder: String
    /// `state/billing.lock`: one billing command at a time writes documents.
    public let lockFile: String
    public let settings: BillingSettings
    public let rendering: any InvoiceRendering
    public let clock: @Sendable () -> Date
    public let actor: String
    /// Threads that render documents.
    public let workers: Int
    /// Where documents are e-mailed through (the customers' mail queue); nil: documents are only files.
    public private(set) var mailQueue: MailQueue?

    public init(database: StateDatabase, folder: String, lockFile: String, settings: BillingSettings,
                rendering: any InvoiceRendering, clock: @escaping @Sendable () -> Date, actor: String, workers: Int,
                mailQueue: MailQueue? = nil) {
        self.database = database
        self.folder = folder
        self.lockFile = lockFile
        self.settings = settings
        self.rendering = rendering
        self.clock = clock
        self.actor = actor
        self.workers = max(1, workers)
        self.mailQueue = mailQueue
    }

    /// The same context with documents not e-mailed (`--no-mail`).
    public func withoutMail() -> BillingContext {
        var copy = self
        copy.mailQueue = nil
        return copy
    }

    public var now: Date { clock() }
    /// Today in Europe/Berlin.
    public var today: CalendarDate { CalendarDate(now) }

    /// `billing/2026-10`.
    public func monthFolder(_ month: String) -> String { folder + "/" + month }
}
