import Foundation
import GRDB

/// What `robinson check` asks the database.
extension StateDatabase {
    /// `PRAGMA quick_check`: empty when the database is sound, else SQLite's findings.
    public func quickCheck() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }.filter { $0 != "ok" }
    }

    /// Every job id the database knows.
    public func jobIds() throws -> Set<String> {
        try read { db in try Job.select(Job.Columns.id, as: String.self).fetchSet(db) }
    }

    /// Every invoice and credit note number.
    public func invoiceNumbers() throws -> Set<String> {
        try read { db in try InvoiceRecord.select(InvoiceRecord.Columns.number, as: String.self).fetchSet(db) }
    }

    /// The paths of every pain.008 file recorded.
    public func collectionPaths() throws -> Set<String> {
        try read { db in try CollectionRecord.select(CollectionRecord.Columns.path, as: String.self).fetchSet(db) }
    }

    /// Whether any customer is billed by plan, and whether any pays by SEPA direct debit.
    public func billingInUse() throws -> (plans: Bool, sepa: Bool) {
        try read { db in
            let customers = try Customer.filter(Customer.Columns.status != Customer.Status.terminated).fetchAll(db)
            return (customers.contains { $0.planId != nil }, customers.contains { $0.paymentMethod == .sepa })
        }
    }
}
