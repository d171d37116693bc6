import Foundation
import GRDB

/// Typed reads for callers that only look (listings, `show`), so they need no SQL and no GRDB.
extension StateDatabase {
    public func customer(_ id: String) throws -> Customer? {
        try read { db in try Customer.fetchOne(db, key: id) }
    }

    /// All customers, by id.
    public func customers() throws -> [Customer] {
        try read { db in try Customer.order(Customer.Columns.id).fetchAll(db) }
    }

    /// Mandates by customer and reference, optionally of one customer.
    public func mandates(customer: String? = nil) throws -> [Mandate] {
        try read { db in
            var request = Mandate.order(Mandate.Columns.customerId, Mandate.Columns.reference)
            if let customer { request = request.filter(Mandate.Columns.customerId == customer) }
            return try request.fetchAll(db)
        }
    }

    /// All plans, by id.
    public func plans() throws -> [Plan] {
        try read { db in try Plan.order(Plan.Columns.id).fetchAll(db) }
    }

    public func invoice(_ number: String) throws -> InvoiceRecord? {
        try read { db in try InvoiceRecord.fetchOne(db, key: number) }
    }

    /// Invoices and credit notes in number order, optionally of one service month and customer.
    public func invoices(serviceMonth: String? = nil, customer: String? = nil) throws -> [InvoiceRecord] {
        try read { db in
            var request = InvoiceRecord.order(InvoiceRecord.Columns.year, InvoiceRecord.Columns.sequence)
            if let serviceMonth { request = request.filter(InvoiceRecord.Columns.serviceMonth == serviceMonth) }
            if let customer { request = request.filter(InvoiceRecord.Columns.customerId == customer) }
            return try request.fetchAll(db)
        }
    }

    /// Payment rows in booking order, optionally of one customer or invoice.
    public func payments(customer: String? = nil, invoice: String? = nil) throws -> [Payment] {
        try read { db in
            var request = Payment.order(Payment.Columns.bookedOn, Payment.Columns.id)
            if let customer { request = request.filter(Payment.Columns.customerId == customer) }
            if let invoice { request = request.filter(Payment.Columns.invoiceNumber == invoice) }
            return try request.fetchAll(db)
        }
    }

    /// Appends one line to the audit log in a transaction of its own.
    public func audit(_ action: String, subject: String, detail: String = "", actor: String, at: Date) throws {
        try write { db in try db.audit(action, subject: subject, detail: detail, actor: actor, at: at) }
    }
}

/// Typed reads for the monthly report (`robinson report`).
extension StateDatabase {
    /// Jobs claimed in `[from, before)`, oldest first.
    public func jobs(claimedFrom from: Date, before: Date) throws -> [Job] {
        try read { db in
            try Job.filter(Job.Columns.claimedAt >= from && Job.Columns.claimedAt < before)
                .order(Job.Columns.claimedAt, Job.Columns.id).fetchAll(db)
        }
    }

    /// The usage records of a service month `YYYY-MM`, by job.
    public func usageRecords(month: String) throws -> [UsageRecord] {
        try read { db in try UsageRecord.filter(UsageRecord.Columns.month == month).order(UsageRecord.Columns.jobId).fetchAll(db) }
    }

    /// Payment rows booked on the given invoices, in booking order.
    public func payments(invoices numbers: [String]) throws -> [Payment] {
        try read { db in
            try Payment.filter(numbers.contains(Payment.Columns.invoiceNumber))
                .order(Payment.Columns.bookedOn, Payment.Columns.id).fetchAll(db)
        }
    }

    /// Reminders and dunning letters sent for the given invoices, by day and level.
    public func dunningNotices(invoices numbers: [String]) throws -> [DunningNotice] {
        try read { db in
            try DunningNotice.filter(numbers.contains(DunningNotice.Columns.invoiceNumber))
                .order(DunningNotice.Columns.sentOn, DunningNotice.Columns.invoiceNumber, DunningNotice.Columns.level).fetchAll(db)
        }
    }
}
