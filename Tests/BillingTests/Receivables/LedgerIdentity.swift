import Foundation
import GRDB
import Store
@testable import Billing

/// The three ways to say what customers owe on a day, computed independently:
/// the open-items list, the ledger identity (invoices − credit notes −
/// payments + returns + charges not yet on an invoice), and the DATEV balance
/// of the debtor accounts over every month's Buchungsstapel up to the day.
struct LedgerIdentity: Equatable, CustomStringConvertible {
    var openItems: Int64
    var identity: Int64
    var datev: Int64

    var holds: Bool { openItems == identity && identity == datev }
    var description: String { "open items \(Money(cents: openItems)), identity \(Money(cents: identity)), DATEV \(Money(cents: datev))" }

    static func on(_ day: CalendarDate, in database: StateDatabase, settings: DatevSettings = DatevSettings(),
                   from first: YearMonth = YearMonth(year: 2026, month: 10)!) throws -> LedgerIdentity {
        try database.read { db in
            let through = day.isoString
            let openItems = try OpenItemList.compute(on: day, in: db).total.cents
            let documents = try InvoiceRecord.filter(InvoiceRecord.Columns.issueDate <= through).fetchAll(db)
            let invoices = documents.filter { $0.kind == .invoice }.map(\.grossCents).reduce(0, +)
            let creditNotes = documents.filter { $0.kind == .creditNote }.map(\.grossCents).reduce(0, +)
            let rows = try Payment.filter(Payment.Columns.bookedOn <= through && Payment.Columns.customerId != nil).fetchAll(db)
            let returns = -rows.filter { $0.kind == .returned }.map(\.amountCents).reduce(0, +)
            let payments = rows.filter { $0.kind != .returned }.map(\.amountCents).reduce(0, +)
            let charges = try Charge.filter(Charge.Columns.createdOn <= through).fetchAll(db)
                .filter { $0.billedOn == nil || $0.billedOn! > through }.map(\.amountCents).reduce(0, +)
            let identity = invoices - creditNotes - payments + returns + charges

            var datev: Int64 = 0
            var month = first
            while month.firstDay <= day {
                for booking in try MonthBookings(settings: settings).bookings(month: month, in: db) where booking.date <= day {
                    let sign: Int64 = (booking.side == .debit ? 1 : -1) * (booking.reversal ? -1 : 1)
                    let digits = settings.accountLength + 1
                    if String(booking.account).count == digits { datev += sign * booking.amount.cents }
                    if String(booking.contraAccount).count == digits { datev -= sign * booking.amount.cents }
                }
                month = month.next
            }
            return LedgerIdentity(openItems: openItems, identity: identity, datev: datev)
        }
    }
}
