import Formats
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

    /// The invoice and credit note numbers of the documents under a `billing/` folder.
    public static func invoiceNumbers(onDiskUnder billing: String) -> Set<String> { InvoiceFiles.numbersOnDisk(in: billing) }

    /// Takes `state/billing.lock` (one billing command writes documents at a
    /// time) and removes the temporary files a killed billing command left
    /// under `billing/`.
    /// It also refuses to go on when `billing/` holds invoices the database has
    /// not issued: the database is older than the files, and numbering would
    /// hand out their numbers a second time.
    public func lock() throws -> FileLock {
        guard let lock = try FileLock.acquire(path: lockFile, wait: true) else { throw BillingRunError.locked }
        AtomicFile.removeOrphanTemporaries(under: folder)
        let unknown = Self.invoiceNumbers(onDiskUnder: folder).subtracting(try database.invoiceNumbers())
        guard unknown.isEmpty else { throw OutdatedDatabaseError(numbers: unknown.sorted()) }
        return lock
    }
}

/// `billing/` holds invoices the state database never issued.
public struct OutdatedDatabaseError: Error, Sendable, CustomStringConvertible {
    public let numbers: [String]

    public var description: String {
        "billing/ holds \(numbers.count) invoice\(numbers.count == 1 ? "" : "s") the state database has not issued "
            + "(\(numbers.prefix(3).joined(separator: ", "))\(numbers.count > 3 ? ", …" : "")): the database is older than the files "
            + "(restored from an old backup?). Restore the latest backup (docs/operations.md \"Restoring the state database\"); "
            + "nothing was issued or changed"
    }
}
