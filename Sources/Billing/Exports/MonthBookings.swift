import Foundation
import GRDB
import Store

/// The bookings of one month, read from the database. The accountant books
/// by document date, so a month holds the invoices and credit notes issued
/// in it (not those of its service month), the charges that arose in it and
/// the payment rows dated in it (a debit on its collection date).
///
/// Every movement on a customer's receivable is one line on the debtor
/// account, so the debtor accounts' balance on any day equals the sum of the
/// open-items list of that day (`OpenItemList`).
struct MonthBookings {
    let settings: DatevSettings

    /// The bookings in the order DATEV shows them: by date, then document.
    func bookings(month: YearMonth, in db: Database) throws -> [DatevBooking] {
        let from = month.firstDay.isoString, to = month.lastDay.isoString
        let invoices = try InvoiceRecord.filter(InvoiceRecord.Columns.issueDate >= from && InvoiceRecord.Columns.issueDate <= to)
            .order(InvoiceRecord.Columns.year, InvoiceRecord.Columns.sequence).fetchAll(db)
        let charges = try Charge.filter(Charge.Columns.createdOn >= from && Charge.Columns.createdOn <= to).order(Charge.Columns.id).fetchAll(db)
        let payments = try Payment.filter(Payment.Columns.bookedOn >= from && Payment.Columns.bookedOn <= to)
            .order(Payment.Columns.bookedOn, Payment.Columns.id).fetchAll(db)
        // A reversal repeats the row it reverses, which may be of an earlier month.
        let reversed = try Dictionary(Payment.filter(keys: Set(payments.filter { $0.kind == .reversal }.compactMap(\.relatesTo))).fetchAll(db)
            .map { ($0.id ?? 0, $0) }, uniquingKeysWith: { first, _ in first })
        // Charges billed on an invoice are already receivables of their own; the invoice must not book them as revenue again,
        // and its credit note takes them back from their own accounts.
        let billed = Set(invoices.map(\.number) + invoices.compactMap(\.cancels))
        let billedCharges = try Dictionary(grouping: Charge.filter(billed.contains(Charge.Columns.billedInvoice)).fetchAll(db),
                                           by: { $0.billedInvoice ?? "" })

        var customerIds = Set(invoices.map(\.customerId)).union(charges.map(\.customerId))
        customerIds.formUnion((payments + reversed.values).compactMap(\.customerId))
        let debtors = try DebtorAccounts(settings: settings).accounts(for: customerIds)
        let names = try Dictionary(Customer.filter(keys: customerIds).fetchAll(db).map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let lines = PaymentLines(settings: settings, debtors: debtors, names: names)

        var bookings: [DatevBooking] = []
        for invoice in invoices {
            guard let date = CalendarDate(iso: invoice.issueDate) else { continue }
            let isInvoice = invoice.kind == .invoice
            let charges = billedCharges[isInvoice ? invoice.number : invoice.cancels ?? ""] ?? []
            let revenue = Money(cents: invoice.grossCents - charges.map(\.amountCents).reduce(0, +))
            let label = isInvoice ? "Rechnung" : "Gutschrift"
            if revenue.cents > 0 {
                // Reverse charge and sales not taxable in Germany have revenue accounts of their own; the customer's
                // VAT id on a reverse-charge line puts it into the Zusammenfassende Meldung.
                let document = try InvoiceStorage.decode(invoice)
                var booking = DatevBooking(
                    amount: revenue, side: isInvoice ? .debit : .credit, account: debtors[invoice.customerId]!,
                    contraAccount: settings.accounts.revenue(document.treatment), date: date, document: invoice.number,
                    text: "\(label) \(invoice.number) \(lines.name(invoice.customerId))")
                if document.treatment == .reverseCharge { booking.euVatId = document.buyer.vatId }
                bookings.append(booking)
            }
            for charge in charges where !isInvoice {
                bookings.append(DatevBooking(
                    amount: Money(cents: charge.amountCents), side: .credit, account: debtors[invoice.customerId]!,
                    contraAccount: account(for: charge.kind), date: date, document: invoice.number,
                    text: "Gutschrift \(invoice.number) \(charge.description)", sachverhalt: Self.sachverhalt(charge.kind)))
            }
        }
        for charge in charges {
            guard let date = CalendarDate(iso: charge.createdOn) else { continue }
            bookings.append(DatevBooking(
                amount: Money(cents: charge.amountCents), side: .debit, account: debtors[charge.customerId]!,
                contraAccount: account(for: charge.kind), date: date, document: charge.relatesTo ?? "G\(charge.id ?? 0)",
                text: "\(charge.description) \(lines.name(charge.customerId))", sachverhalt: Self.sachverhalt(charge.kind)))
        }
        for payment in payments {
            guard let date = CalendarDate(iso: payment.bookedOn) else { continue }
            if payment.kind == .reversal {
                // The reversed booking once more, marked as its reversal (Generalumkehr), on the day of the reversal.
                guard let original = payment.relatesTo.flatMap({ reversed[$0] }), var line = lines.line(for: original, date: date) else { continue }
                line.reversal = true
                line.text = "Storno \(line.text)"
                bookings.append(line)
            } else if let line = lines.line(for: payment, date: date) {
                bookings.append(line)
            }
        }
        return bookings.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
    }

    /// Interest and dunning fees are marked; the lump sum and return fees are neither.
    static func sachverhalt(_ kind: Charge.Kind) -> DatevBooking.Sachverhalt? {
        switch kind {
        case .interest: .dunningInterest
        case .dunningFee: .dunningFee
        case .returnFee, .lumpSum, .returnDifference: nil
        }
    }

    private func account(for kind: Charge.Kind) -> Int {
        switch kind {
        case .returnFee: settings.accounts.returnFee
        case .dunningFee: settings.accounts.dunningFee
        case .interest: settings.accounts.interest
        case .lumpSum: settings.accounts.lumpSum
        // Money the bank took beyond the debit: it left the bank account, it is no income.
        case .returnDifference: settings.accounts.bank
        }
    }
}

/// The DATEV line of one payment row.
struct PaymentLines {
    let settings: DatevSettings
    let debtors: [String: Int]
    let names: [String: String]

    func name(_ id: String) -> String { names[id] ?? id }

    func line(for payment: Payment, date: CalendarDate) -> DatevBooking? {
        let amount = Money(cents: abs(payment.amountCents))
        let debtor = payment.customerId.flatMap { debtors[$0] }
        let customer = payment.customerId.map(name) ?? ""
        let document = payment.invoiceNumber ?? "Z\(payment.id ?? 0)"
        switch payment.kind {
        case .transfer, .manual, .debit:
            // Money in: the bank against the debtor, or against unassigned payments until it is assigned.
            guard let debtor else {
                return DatevBooking(amount: amount, side: payment.amountCents < 0 ? .credit : .debit, account: settings.accounts.bank,
                                    contraAccount: settings.accounts.unassignedPayments, date: date, document: document,
                                    text: "Zahlung ohne Rechnung \(payment.remittance ?? "")")
            }
            return DatevBooking(amount: amount, side: payment.amountCents < 0 ? .credit : .debit, account: settings.accounts.bank,
                                contraAccount: debtor, date: date, document: document,
                                text: "Zahlung \(payment.invoiceNumber ?? "") \(customer)")
        case .returned:
            // A returned debit takes the money back off the bank: the receivable is open again.
            guard let debtor else { return nil }
            return DatevBooking(amount: amount, side: .credit, account: settings.accounts.bank, contraAccount: debtor, date: date,
                                document: document, text: "Rücklastschrift \(payment.invoiceNumber ?? "") \(payment.note ?? "") \(customer)")
        case .assignment:
            // An unmatched credit given to an invoice: from unassigned payments to the debtor.
            guard let debtor else { return nil }
            return DatevBooking(amount: amount, side: .debit, account: settings.accounts.unassignedPayments, contraAccount: debtor,
                                date: date, document: document, text: "Zuordnung Zahlung \(payment.relatesTo ?? 0) \(customer)")
        case .refund:
            guard let debtor else { return nil }
            return DatevBooking(amount: amount, side: .credit, account: settings.accounts.bank, contraAccount: debtor, date: date,
                                document: document, text: "Erstattung Guthaben \(customer)")
        case .offset, .reversal:
            // Credit moved between two invoices of one customer stays on the same debtor account.
            return nil
        }
    }
}
