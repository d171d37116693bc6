import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a root holds on disk besides its database: job folders, annotated and
/// rejected files, e-mails, billing documents and bank files. A root that holds
/// any of these has been in use, so a missing or empty state database there was
/// lost, not never created: starting a new one would hand out invoice numbers
/// again, adopt work folders as new jobs and send their e-mails twice.
public struct RootInventory: Sendable, Equatable {
    public var jobFolders = 0
    public var outputs = 0
    public var rejected = 0
    public var mails = 0
    public var billingFiles = 0

    public var isEmpty: Bool { jobFolders + outputs + rejected + mails + billingFiles == 0 }

    /// "2 job folders, 14 files under billing/".
    public var summary: String {
        [(jobFolders, "job folder", "job folders", "work/"), (outputs, "annotated file", "annotated files", "outbox/"),
         (rejected, "rejected file", "rejected files", "rejected/"), (mails, "e-mail", "e-mails", "mail/"),
         (billingFiles, "file", "files", "billing/")]
            .filter { $0.0 > 0 }
            .map { "\($0.0) \($0.0 == 1 ? $0.1 : $0.2) under \($0.3)" }
            .joined(separator: ", ")
    }

    public static func scan(_ root: RuntimeRoot) -> RootInventory {
        RootInventory(jobFolders: entries(root.work), outputs: files(root.outbox), rejected: files(root.rejected),
                      mails: files(root.mail), billingFiles: files(root.billing))
    }

    private static func entries(_ folder: String) -> Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.count
    }

    private static func files(_ folder: String) -> Int {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return 0 }
        var count = 0
        while let next = walker.nextObject() as? String {
            if walker.fileAttributes?[.type] as? FileAttributeType == .typeRegular { count += 1 }
            _ = next
        }
        return count
    }
}

extension RuntimeRoot {
    /// Refuses a state database that is missing or empty in a root that holds
    /// data (``RootInventory``); returns whether the database exists with content.
    @discardableResult
    public func requireDatabaseUnlessUnused() throws -> Bool {
        // FileManager, not stat(2): which module's `struct stat` members are visible
        // depends on the order clang reads the headers in (MemberImportVisibility).
        let attributes = try? FileManager.default.attributesOfItem(atPath: database)
        let present = attributes != nil
        if let size = attributes?[.size] as? NSNumber, size.int64Value > 0 { return true }
        let inventory = RootInventory.scan(self)
        guard inventory.isEmpty else {
            throw RuntimeError.lostDatabase(database: database, empty: present, holds: inventory.summary)
        }
        return false
    }
}
