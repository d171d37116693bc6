import Foundation
import GRDB
import Store

/// What `invoice list` asks: invoices and credit notes in number order, by
/// service month (`period`), document month (`issued`), customer, and where
/// their money stands. States are brought up to today first.
public struct InvoiceQuery: Sendable {
    /// The service month (Leistungszeitraum).
    public var period: YearMonth?
    /// The month the document was issued (what DATEV books by).
    public var issued: YearMonth?
    public var customer: String?
    /// Only invoices with money still to come: open amount above zero (also a debit under way).
    public var open = false
    /// Only invoices past their due date with money owed and no debit under way.
    public var overdue = false

    public init(period: YearMonth? = nil, issued: YearMonth? = nil, customer: String? = nil, open: Bool = false, overdue: Bool = false) {
        self.period = period
        self.issued = issued
        self.customer = customer
        self.open = open
        self.overdue = overdue
    }

    public func run(_ context: BillingContext) throws -> [InvoiceRecord] {
        let today = context.today
        let records = try context.database.writeImmediate { db in
            try Ledger.advance(in: db, context: context)
            var request = InvoiceRecord.order(InvoiceRecord.Columns.year, InvoiceRecord.Columns.sequence)
            if let period { request = request.filter(InvoiceRecord.Columns.serviceMonth == period.isoString) }
            if let issued {
                request = request.filter(InvoiceRecord.Columns.issueDate >= issued.firstDay.isoString && InvoiceRecord.Columns.issueDate <= issued.lastDay.isoString)
            }
            if let customer { request = request.filter(InvoiceRecord.Columns.customerId == customer) }
            if open || overdue { request = request.filter(InvoiceRecord.Columns.kind == InvoiceRecord.Kind.invoice) }
            return try request.fetchAll(db).filter { invoice in
                if open && invoice.openCents <= 0 { return false }
                if overdue {
                    guard PaymentState.owing.contains(invoice.paymentState), invoice.openCents > 0,
                          let due = CalendarDate(iso: invoice.dueDate), due < today else { return false }
                }
                return true
            }
        }
        // States that moved with time alone change their registers too.
        try InvoiceRegister(context: context).writePending()
        return records
    }
}
