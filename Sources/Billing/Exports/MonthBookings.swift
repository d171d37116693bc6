import Foundation
import GRDB
import Store

/// The bookings of one month, read from the database. The accountant books
/// by document date, so a month holds the invoices and credit notes issued
/// in it (not those of its service month), the charges that arose in it and
/// the payments booked in it.
struct MonthBookings {
    let settings: DatevSettings

    /// The bookings in the order DATEV shows them: by date, then document.
    func bookings(month: YearMonth, in db: Database) throws -> [DatevBooking] {
        let from = month.firstDay.isoString, to = month.lastDay.isoString
        let invoices = try InvoiceRecord.filter(InvoiceRecord.Columns.issueDate >= from && InvoiceRecord.Columns.issueDate <= to)
            .order(InvoiceRecord.Columns.year, InvoiceRecord.Columns.sequence).fetchAll(db)
        let charges = try Charge.filter(Charge.Columns.createdOn >= from && Charge.Columns.createdOn <= to).order(Charge.Columns.id).fetchAll(db)
        let payments = try Payment.filter(Payment.Columns.bookedOn >= from && Payment.Columns.bookedOn <= to).order(Payment.Columns.id).fetchAll(db)
        let returns = try BankReturn.filter(BankReturn.Columns.returnedOn >= from && BankReturn.Columns.returnedOn <= to)
            .order(BankReturn.Columns.id).fetchAll(db)
        let paidInvoices = try InvoiceRecord.filter(keys: Set(payments.compactMap(\.invoiceNumber) + returns.compactMap(\.invoiceNumber))).fetchAll(db)
        let payer = Dictionary(paidInvoices.map { ($0.number, $0.customerId) }, uniquingKeysWith: { first, _ in first })
        // Charges billed on an invoice are already receivables of their own; the invoice must not book them as revenue again.
        let billedCharges = try Dictionary(grouping: Charge.filter(invoices.map(\.number).contains(Charge.Columns.billedInvoice)).fetchAll(db),
                                           by: { $0.billedInvoice ?? "" }).mapValues { $0.map(\.amountCents).reduce(0, +) }

        var customerIds = Set(invoices.map(\.customerId)).union(charges.map(\.customerId))
        customerIds.formUnion(payments.compactMap { $0.invoiceNumber.flatMap { payer[$0] } })
        customerIds.formUnion(returns.compactMap { $0.invoiceNumber.flatMap { payer[$0] } })
        let debtors = try DebtorAccounts(settings: settings).accounts(for: customerIds)
        let names = try Dictionary(Customer.filter(keys: customerIds).fetchAll(db).map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let name = { (id: String) in names[id] ?? id }

        var bookings: [DatevBooking] = []
        for invoice in invoices {
            guard let date = CalendarDate(iso: invoice.issueDate) else { continue }
            let revenue = Money(cents: invoice.grossCents - (billedCharges[invoice.number] ?? 0))
            guard revenue.cents > 0 else { continue }
            let isInvoice = invoice.kind == .invoice
            let label = isInvoice ? "Rechnung" : "Gutschrift"
            bookings.append(DatevBooking(
                amount: revenue, side: isInvoice ? .debit : .credit, account: debtors[invoice.customerId]!,
                contraAccount: settings.accounts.revenue, date: date, document: invoice.number,
                text: "\(label) \(invoice.number) \(name(invoice.customerId))"))
        }
        for charge in charges {
            guard let date = CalendarDate(iso: charge.createdOn) else { continue }
            bookings.append(DatevBooking(
                amount: Money(cents: charge.amountCents), side: .debit, account: debtors[charge.customerId]!,
                contraAccount: account(for: charge.kind), date: date, document: charge.relatesTo ?? "G\(charge.id ?? 0)",
                text: "\(charge.description) \(name(charge.customerId))", sachverhalt: Self.sachverhalt(charge.kind)))
        }
        for payment in payments {
            guard let date = CalendarDate(iso: payment.bookedOn) else { continue }
            let customer = payment.invoiceNumber.flatMap { payer[$0] }
            let contra = customer.flatMap { debtors[$0] } ?? settings.accounts.unassignedPayments
            let text = customer.map { "Zahlung \(payment.invoiceNumber!) \(name($0))" } ?? "Zahlung ohne Rechnung \(payment.remittance ?? "")"
            // A negative amount is money paid back: the bank is credited.
            bookings.append(DatevBooking(
                amount: Money(cents: abs(payment.amountCents)), side: payment.amountCents < 0 ? .credit : .debit,
                account: settings.accounts.bank, contraAccount: contra,
                date: date, document: payment.invoiceNumber ?? "", text: text))
        }
        for returned in returns {
            // A returned debit takes the money back off the bank: the receivable is open again.
            guard let date = CalendarDate(iso: returned.returnedOn), let number = returned.invoiceNumber,
                  let customer = payer[number], let debtor = debtors[customer] else { continue }
            bookings.append(DatevBooking(
                amount: Money(cents: returned.amountCents), side: .credit, account: settings.accounts.bank, contraAccount: debtor,
                date: date, document: number, text: "Rücklastschrift \(number) \(returned.reason) \(name(customer))"))
        }
        return bookings.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
    }

    /// Interest and dunning fees are marked; the lump sum and return fees are neither.
    static func sachverhalt(_ kind: Charge.Kind) -> DatevBooking.Sachverhalt? {
        switch kind {
        case .interest: .dunningInterest
        case .dunningFee: .dunningFee
        case .returnFee, .lumpSum: nil
        }
    }

    private func account(for kind: Charge.Kind) -> Int {
        switch kind {
        case .returnFee: settings.accounts.returnFee
        case .dunningFee: settings.accounts.dunningFee
        case .interest: settings.accounts.interest
        case .lumpSum: settings.accounts.lumpSum
        }
    }
}
