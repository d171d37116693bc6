import Foundation
import GRDB
import Store

/// What the invoice run for one service month would issue: the drafts, the
/// customers it cannot bill (with the reason) and those already invoiced.
public struct MonthPlan: Sendable {
    public var month: YearMonth
    public var drafts: [InvoiceDraft] = []
    public var skipped: [SkippedCustomer] = []
    /// Customer id → number of the invoice already issued for this month.
    public var alreadyIssued: [String: String] = [:]

    /// Net, VAT and gross over all drafts.
    public var totals: (net: Money, vat: Money, gross: Money) {
        let vats = drafts.map(\.document.vat)
        return (vats.map(\.net).sum(), vats.map(\.vat).sum(), vats.map(\.gross).sum())
    }
}

/// Builds the ``MonthPlan`` from the master data and the usage records.
///
/// Who is billed: active and suspended customers (a suspension for arrears
/// does not end the contract, 001 §5.4) get fees and usage; terminated
/// customers only the usage recorded in the month.
struct MonthPlanner {
    let context: BillingContext

    func plan(_ month: YearMonth, in db: Database) throws -> MonthPlan {
        var plan = MonthPlan(month: month)
        let monthText = month.isoString
        let usage = try Dictionary(
            UsageRecord.filter(UsageRecord.Columns.month == monthText).fetchAll(db).map { ($0.customerId, Int64($0.rowsChecked)) },
            uniquingKeysWith: +)
        for invoice in try InvoiceRecord.filter(InvoiceRecord.Columns.kind == InvoiceRecord.Kind.invoice && InvoiceRecord.Columns.serviceMonth == monthText
                                                && InvoiceRecord.Columns.paymentState != PaymentState.cancelled).fetchAll(db) {
            plan.alreadyIssued[invoice.customerId] = invoice.number
        }
        let plans = try Dictionary(Plan.fetchAll(db).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let mandates = try Dictionary(grouping: Mandate.filter(Mandate.Columns.status == Mandate.Status.active).fetchAll(db), by: \.customerId)
        let issueDate = self.issueDate(for: month)
        // Read only when a consumer in another member state is billed.
        var euConsumerSales: EUConsumerSales?

        for customer in try Customer.order(Customer.Columns.id).fetchAll(db) {
            let records = usage[customer.id] ?? 0
            guard customer.status != .terminated || records > 0 else { continue }
            guard plan.alreadyIssued[customer.id] == nil else { continue }
            do {
                let billing = try CustomerBilling(customer)
                let treatment = try PlaceOfSupply.treatment(of: customer)
                if let seller = context.settings.seller, let gap = PlaceOfSupply.sellerGap(treatment, seller) { throw gap }
                guard let stored = plans[billing.planId] else {
                    throw BillingGap("plan '\(billing.planId)' does not exist; import plans.csv first")
                }
                let terms = PriceTerms(stored)
                let charges = MonthCharges(terms: terms, contractStart: billing.contractStart)
                var lines = charges.lines(month: month, recordsChecked: records, feesApply: customer.status != .terminated)
                // Fees and interest from returns and dunning ride on the next invoice (and its debit).
                let owed = try Charge.filter(Charge.Columns.customerId == customer.id && Charge.Columns.billedInvoice == nil
                                             && Charge.Columns.createdOn <= issueDate.isoString).order(Charge.Columns.id).fetchAll(db)
                for charge in owed {
                    lines.append(.charge(position: lines.count + 1, description: charge.description, amount: Money(cents: charge.amountCents)))
                }
                guard !lines.isEmpty else { continue }
                lines = lines.map(treatment.applied)
                if treatment == .euConsumer {
                    if euConsumerSales == nil { euConsumerSales = try EUConsumerSales(year: month.year, in: db) }
                    try euConsumerSales!.admit(EUConsumerSales.services(lines), year: month.year, limit: context.settings.euConsumerLimit,
                                               country: customer.country)
                }
                let mandate = mandates[customer.id]?.max { $0.signedOn < $1.signedOn }
                var draft = try draft(billing, month: month, lines: lines, terms: terms, issueDate: issueDate, mandate: mandate,
                                      treatment: treatment)
                draft.chargeIds = owed.compactMap(\.id)
                plan.drafts.append(draft)
            } catch {
                plan.skipped.append(SkippedCustomer(customerId: customer.id, reason: error.reason))
            }
        }
        return plan
    }

    /// The configured working day of the following month, or today if that has passed:
    /// an invoice is never dated before it was written.
    func issueDate(for month: YearMonth) -> CalendarDate {
        max(plannedIssueDate(for: month), context.today)
    }

    /// The `billing.issueWorkingDay`-th working day of the month after `month`.
    func plannedIssueDate(for month: YearMonth) -> CalendarDate {
        let calendar = GermanWorkingDays()
        return calendar.addingBusinessDays(context.settings.issueWorkingDay - 1, to: calendar.firstWorkingDay(of: month.next))
    }

    private func draft(_ billing: CustomerBilling, month: YearMonth, lines: [InvoiceLine], terms: PriceTerms,
                       issueDate: CalendarDate, mandate: Mandate?, treatment: VatTreatment) throws(BillingGap) -> InvoiceDraft {
        guard let seller = context.settings.seller else { throw BillingGap("no seller configured") }
        let payment: PaymentTerms
        var dueDate = issueDate.adding(days: terms.dueDays)
        switch billing.customer.paymentMethod {
        case .sepa:
            guard let mandate else {
                throw BillingGap("pays by SEPA direct debit but has no active mandate; import mandates.csv or set payment_method to transfer")
            }
            guard let creditorId = seller.creditorIdentifier else { throw BillingGap("seller.creditorId is not configured") }
            let collection = context.settings.collection.date(serviceMonth: month, invoiceDate: issueDate, fileCreated: issueDate)
            // A debited invoice is due when it is collected.
            dueDate = collection
            payment = .directDebit(.init(mandateReference: mandate.reference, creditorIdentifier: creditorId,
                                         debtorIban: mandate.iban, collectionDate: collection))
        case .transfer:
            payment = .transfer(.init(iban: seller.iban, bic: seller.bic, bankName: seller.bankName,
                                      accountHolder: seller.name, reference: ""))
        }
        var document = InvoiceDocument(
            kind: .invoice, number: "", issueDate: issueDate, dueDate: dueDate,
            servicePeriod: ServicePeriod(month: month).covering(lines.compactMap(\.period)),
            seller: seller, buyer: billing.party, customerId: billing.customer.id, buyerReference: billing.buyerReference,
            lines: lines, payment: payment)
        document.vatTreatment = treatment
        return InvoiceDraft(customerId: billing.customer.id, month: month, document: document,
                            mandateReference: mandate.flatMap { billing.customer.paymentMethod == .sepa ? $0.reference : nil })
    }
}

private extension Error {
    var reason: String { (self as? BillingGap)?.reason ?? "\(self)" }
}
