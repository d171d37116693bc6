import Formats
import Foundation
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

    public init(database: StateDatabase, folder: String, lockFile: String, settings: BillingSettings,
                rendering: any InvoiceRendering, clock: @escaping @Sendable () -> Date, actor: String, workers: Int) {
        self.database = database
        self.folder = folder
        self.lockFile = lockFile
        self.settings = settings
        self.rendering = rendering
        self.clock = clock
        self.actor = actor
        self.workers = max(1, workers)
    }

    public var now: Date { clock() }
    /// Today in Europe/Berlin.
    public var today: CalendarDate { CalendarDate(now) }

    /// `billing/2026-10`.
    public func monthFolder(_ month: String) -> String { folder + "/" + month }

    /// Takes `state/billing.lock` (one billing command writes documents at a
    /// time) and removes the temporary files a killed billing command left
    /// under `billing/`.
    public func lock() throws -> FileLock {
        guard let lock = try FileLock.acquire(path: lockFile, wait: true) else { throw BillingRunError.locked }
        AtomicFile.removeOrphanTemporaries(under: folder)
        return lock
    }
}
