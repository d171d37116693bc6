import Billing
import Foundation
import Store

/// What happened in one month, as the state database knows it: the files
/// processed per day, hits per list, rejected and held files, and the
/// invoices of the service month with where their money stands. Plain values,
/// gathered once (``MonthReport/gather(from:month:now:dunningLevels:)``) and
/// rendered as a self-contained HTML page (``MonthReport/html``).
public struct MonthReport: Sendable {
    /// One calendar day of the month in Berlin.
    public struct Day: Sendable, Equatable {
        public var date: CalendarDate
        /// Files claimed that day (jobs of every state).
        public var files = 0
        /// Rows checked by the day's finished jobs.
        public var rows = 0
        /// The day's files that were rejected.
        public var rejected = 0
    }

    /// Hits of one Robinson list in the month's usage records.
    public struct ListHits: Sendable, Equatable {
        public var list: String
        public var label: String
        public var hits: Int
    }

    /// A file rejected in the month, with the reason the job recorded.
    public struct RejectedFile: Sendable, Equatable {
        public var jobId: String
        public var customerId: String
        public var fileName: String
        public var claimedAt: Date
        public var reason: String
    }

    /// A condition `run` reports while it lasts (a held file, an e-mail that
    /// cannot be sent, a stale index), as it stands when the report is made.
    public struct Problem: Sendable, Equatable {
        public var since: Date
        public var message: String
    }

    /// An invoice or credit note of the service month.
    public struct Invoice: Sendable, Equatable {
        public var number: String
        public var kind: InvoiceRecord.Kind
        public var customerId: String
        public var customerName: String
        public var issueDate: String
        public var dueDate: String
        public var gross: Money
        /// Received: transfers, manual bookings and debits (before returns).
        public var received: Money
        /// Taken back by the bank: returned debits.
        public var returned: Money
        public var open: Money
        public var state: PaymentState
        public var dunningLevel: Int
    }

    /// Invoices at one dunning level (0: no reminder sent).
    public struct DunningCount: Sendable, Equatable {
        public var level: Int
        public var name: String
        public var invoices: Int
        public var open: Money
    }

    public var month: YearMonth
    public var generatedAt: Date
    public var days: [Day]
    public var hits: [ListHits]
    public var rejected: [RejectedFile]
    /// Jobs of the month still running or failed (not done, not rejected).
    public var unfinished: Int
    public var problems: [Problem]
    public var invoices: [Invoice]
    public var dunning: [DunningCount]

    public var files: Int { days.reduce(0) { $0 + $1.files } }
    public var rows: Int { days.reduce(0) { $0 + $1.rows } }
    public var totalHits: Int { hits.reduce(0) { $0 + $1.hits } }

    /// What the month's invoices ask for: cancelled invoices and credit notes owe nothing.
    public var invoiced: Money { invoices.filter { $0.kind == .invoice && $0.state != .cancelled }.map(\.gross).sum() }
    /// Received on the month's invoices, before returns.
    public var received: Money { invoices.map(\.received).sum() }
    /// Returned debits of the month's invoices (a positive amount).
    public var returned: Money { invoices.map(\.returned).sum() }
    /// Still open on the month's invoices (a customer's credit counts negative).
    public var open: Money { invoices.map(\.open).sum() }
}

extension MonthReport {
    /// `bericht-2026-10.html`: the name of a month's report under `reports/`.
    public static func fileName(_ month: YearMonth) -> String { "bericht-\(month.isoString).html" }
}
