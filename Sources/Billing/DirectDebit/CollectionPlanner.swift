import Foundation
import GRDB
import Store

/// Which invoices a collection run debits, when, and how.
struct CollectionPlanner {
    let context: BillingContext
    /// The day the file goes to the bank.
    let created: CalendarDate

    struct PlannedDebit {
        var invoice: InvoiceRecord
        var serviceMonth: String
        var mandate: Mandate
        /// The invoice number and this presentation's counter.
        var endToEndId: String
        var amendment: MandateAmendment?
        var date: CalendarDate
        var sequence: DirectDebitMessage.SequenceType
        var debtorName: String
        var remittance: String
    }

    struct Plan {
        var debitsByScheme: [DirectDebitMessage.Scheme: [PlannedDebit]] = [:]
        var skipped: [(invoice: String, reason: String)] = []
    }

    /// SEPA invoices still open and never collected, or handed back for presenting again.
    func plan(in db: Database) throws -> Plan {
        let collected = CollectionItem.select(CollectionItem.Columns.invoiceNumber)
        let invoices = try InvoiceRecord.filter(InvoiceRecord.Columns.kind == InvoiceRecord.Kind.invoice
                                                && InvoiceRecord.Columns.paymentMethod == InvoiceRecord.PaymentMethod.sepa
                                                && PaymentState.owing.contains(InvoiceRecord.Columns.paymentState)
                                                && InvoiceRecord.Columns.paidCents < InvoiceRecord.Columns.grossCents
                                                && (InvoiceRecord.Columns.presentAgain == true || !collected.contains(InvoiceRecord.Columns.number)))
            .order(InvoiceRecord.Columns.year, InvoiceRecord.Columns.sequence).fetchAll(db)
        var plan = Plan()
        var firstUse = Set<String>()
        for invoice in invoices {
            // A mandate replaced by one with a new reference is collected under the new one.
            guard let reference = invoice.mandateReference, let mandate = try MandateHistory.current(reference, in: db) else {
                plan.skipped.append((invoice.number, "its mandate \(invoice.mandateReference ?? "-") no longer exists; ask the customer for a new mandate"))
                continue
            }
            guard mandate.status == .active else {
                plan.skipped.append((invoice.number, "mandate \(mandate.reference) is \(mandate.status.rawValue); the invoice is left to dunning until the customer signs a new mandate or pays"))
                continue
            }
            if let expiry = Self.expiry(of: mandate), created >= expiry {
                plan.skipped.append((invoice.number, "mandate \(mandate.reference) was unused for 36 months and has expired; ask for a new mandate"))
                continue
            }
            let document = try InvoiceStorage.decode(invoice)
            guard let month = YearMonth(iso: invoice.serviceMonth), let issued = CalendarDate(iso: invoice.issueDate) else { continue }
            var date = context.settings.collection.date(serviceMonth: month, invoiceDate: issued, fileCreated: created)
            // Never before the date the invoice announced (the pre-notification).
            if let announced = invoice.collectionDate.flatMap({ CalendarDate(iso: $0) }), announced > date, !invoice.presentAgain {
                date = announced
            }
            let sequence: DirectDebitMessage.SequenceType
            if context.settings.firstDebitAsFirst && !mandate.used && firstUse.insert(mandate.reference).inserted {
                sequence = .first
            } else {
                sequence = .recurring
            }
            let scheme: DirectDebitMessage.Scheme = mandate.scheme == .b2b ? .b2b : .core
            let presentation = try CollectionItem.filter(CollectionItem.Columns.invoiceNumber == invoice.number).fetchCount(db) + 1
            let remittance = "Rechnung \(invoice.number) vom \(issued.germanString), Leistungszeitraum \(document.servicePeriod.germanText), Kunde \(invoice.customerId)"
            plan.debitsByScheme[scheme, default: []].append(PlannedDebit(
                invoice: invoice, serviceMonth: invoice.serviceMonth, mandate: mandate, endToEndId: Presentations.endToEndId(invoice: invoice.number, presentation: presentation),
                amendment: try MandateHistory.amendment(for: mandate, in: db), date: date, sequence: sequence,
                debtorName: document.buyer.name, remittance: remittance))
        }
        return plan
    }

    /// 36 months after the last debit (or the signature, if never used).
    static func expiry(of mandate: Mandate) -> CalendarDate? {
        guard let last = CalendarDate(iso: mandate.lastCollectedOn ?? mandate.signedOn) else { return nil }
        let month = YearMonth(year: last.year + 3, month: last.month)!
        return month.day(min(last.day, month.lastDay.day))
    }

    /// The message of one scheme: one payment group per (date, sequence type).
    static func message(scheme: DirectDebitMessage.Scheme, debits: [PlannedDebit], seller: Seller, created: Date, serial: Int,
                        batchBooking: BatchBooking) -> DirectDebitMessage {
        let messageId = "ROB-\(BerlinTime(created).compact)-\(scheme.rawValue)-\(BerlinTime.pad(serial, 4))"
        let keys = Set(debits.map { "\($0.date.isoString) \($0.sequence.rawValue)" }).sorted()
        let groups = keys.enumerated().map { index, key in
            let members = debits.filter { "\($0.date.isoString) \($0.sequence.rawValue)" == key }
            return DirectDebitMessage.PaymentGroup(
                id: "\(messageId)-\(index + 1)", collectionDate: members[0].date, sequenceType: members[0].sequence,
                debits: members.map { debit in
                    DirectDebitMessage.Debit(
                        endToEndId: debit.endToEndId, invoiceNumber: debit.invoice.number, amount: Money(cents: debit.invoice.openCents),
                        mandateReference: debit.mandate.reference, mandateSignedOn: CalendarDate(iso: debit.mandate.signedOn)!,
                        debtorName: .name(debit.debtorName), debtorIban: debit.mandate.iban, debtorBic: debit.mandate.bic,
                        remittance: .remittance(debit.remittance), amendment: debit.amendment)
                })
        }
        let creditor = DirectDebitMessage.Creditor(
            name: .name(seller.name), street: SepaText(seller.address.street).truncated(to: 70),
            postcode: SepaText(seller.address.postcode).truncated(to: 16), town: SepaText(seller.address.city).truncated(to: 35),
            country: seller.address.country, iban: seller.iban, bic: seller.bic, creditorIdentifier: seller.creditorIdentifier ?? "")
        return DirectDebitMessage(messageId: messageId, created: created, scheme: scheme, batchBooking: batchBooking, creditor: creditor, groups: groups)
    }
}
