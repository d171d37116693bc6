import Foundation
import GRDB
import Store
import Testing
@testable import Billing

/// November and December 2026 simulated day by day with everything that
/// moves money. After every day the open items, the ledger identity and the
/// DATEV debtor balance agree to the cent, and every stored payment state is
/// the one its rows give for that day.
@Suite("Receivables: a month day by day")
struct MonthSimulationTests {
    @Test("open items = invoices − credit notes − payments + returns + charges = DATEV debtor balance, every day")
    func dayByDay() throws {
        let fixture = try BillingFixture(now: "2026-11-01T09:00:00+01:00")
        try fixture.plan("M", monthly: 4_900)
        try fixture.customer("K1", plan: "M")                   // transfer: partial payment, unmatched credit assigned, dunning
        try fixture.customer("K2", plan: "M", payment: .sepa)   // debit returned AM04, presented again
        try fixture.customer("K3", plan: "M")                   // overpays, duplicate refused, cancelled, refunded
        try fixture.customer("K4", plan: "M", payment: .sepa)   // debit partly returned
        try fixture.mandate("K2-M01", customer: "K2")
        try fixture.mandate("K4-M01", customer: "K4", iban: "DE02120300000000202051")
        try fixture.usage("K1", month: "2026-10", rows: 12_000)

        func notice(_ cents: Int64, _ date: String, _ remittance: String, _ reference: String) -> PaymentNotice {
            PaymentNotice(amount: Money(cents: cents), date: day(date), remittance: remittance, payer: nil, entryReference: reference, source: "camt.053 test")
        }
        func returned(_ number: String, _ cents: Int64, _ code: String, _ date: String, _ reference: String) -> ReturnNotice {
            ReturnNotice(endToEndId: number, amount: Money(cents: cents), reason: code, date: day(date), entryReference: reference, source: "camt.054 test")
        }
        var wrongBooking: Int64?
        var unmatched: Int64?
        var seen: Set<String> = []

        var date = day("2026-11-01")
        while date <= day("2026-12-31") {
            fixture.setNow("\(date.isoString)T09:00:00+01:00")
            let context = fixture.context
            let payments = PaymentBooking(context: context)
            switch date.isoString {
            case "2026-11-02":
                _ = try InvoiceRun(context: context).issue(month: YearMonth(year: 2026, month: 10)!)
                _ = try CollectionRun(context: context).run()
            case "2026-11-05":
                _ = try payments.book([notice(2_000, "2026-11-05", "RE 2026-000001 Teil", "T1")])
            case "2026-11-06":
                _ = try payments.bookManually(invoice: "2026-000003", amount: Money(cents: 10_000), on: day("2026-11-06"), reference: "Kasse 1")
                #expect(throws: PaymentError.self) {
                    try payments.bookManually(invoice: "2026-000003", amount: Money(cents: 10_000), on: day("2026-11-06"), reference: "Kasse 1")
                }
            case "2026-11-09":
                wrongBooking = try payments.bookManually(invoice: "2026-000001", amount: Money(cents: 5_000), on: date).matched.first?.paymentId
            case "2026-11-12":
                _ = try PaymentCorrection(context: context).reverse(paymentId: try #require(wrongBooking), reason: "falscher Kunde")
                let report = try ReturnBooking(context: context).book([
                    returned("2026-000002-1", 5_831, "AM04", "2026-11-12", "R1"), returned("2026-000004-1", 1_000, "MS03", "2026-11-12", "R2"),
                ])
                #expect(report.booked.count == 2 && report.unknown.isEmpty)
            case "2026-11-13":
                let report = try payments.book([notice(5_000, "2026-11-13", "Vorauszahlung", "T2")])
                #expect(report.unmatched.count == 1)
                unmatched = try fixture.database.read { db in try Unmatched.open(in: db) }.first?.payment.id
            case "2026-11-16":
                _ = try CollectionRun(context: context).run()
            case "2026-11-20":
                _ = try PaymentCorrection(context: context).assign(paymentId: try #require(unmatched), to: "2026-000001")
            case "2026-11-25":
                _ = try InvoiceCancellation(context: context).cancel(number: "2026-000003", reason: "Vertrag nie begonnen")
            case "2026-11-27":
                _ = try PaymentCorrection(context: context).refund(customer: "K3", amount: Money(cents: 4_000), reason: "Teil erstattet")
            case "2026-12-01":
                _ = try InvoiceRun(context: context).issue(month: YearMonth(year: 2026, month: 11)!)
                _ = try CollectionRun(context: context).run()
            case "2026-12-14":
                _ = try payments.book([notice(3_000, "2026-12-14", "2026-000006", "T3")])
            default:
                break
            }
            let letters = try DunningRun(context: context).run()
            seen.formUnion(letters.letters.map { "dunning \($0.invoice) \($0.level)" })

            let identity = try LedgerIdentity.on(date, in: fixture.database)
            #expect(identity.holds, "\(date.isoString): \(identity)")
            for invoice in try fixture.invoices() {
                let rows = try fixture.database.read { db in try Payment.filter(Payment.Columns.invoiceNumber == invoice.number).fetchAll(db) }
                #expect(invoice.paymentState == InvoicePosition.of(invoice, rows: rows, on: date).state, "\(date.isoString) \(invoice.number)")
                seen.insert(invoice.paymentState.rawValue)
            }
            date = date.adding(days: 1)
        }
        // The simulation went through every state and the dunning ladder.
        for state in PaymentState.allCases { #expect(seen.contains(state.rawValue), "never \(state)") }
        #expect(seen.contains("dunning 2026-000001 1"))
        let charges = try fixture.database.read { db in try Charge.fetchAll(db) }
        #expect(Set(charges.map(\.kind)).isSuperset(of: [.returnFee, .dunningFee]))
    }
}
