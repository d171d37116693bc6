import Foundation
import GRDB
import Store
import TestSupport
import Testing
@testable import Billing

/// What an accountant saw that was not true, each reproduced before it was fixed.
@Suite("Receivables: what is shown is true")
struct ReceivablesDefectTests {
    static let october = YearMonth(year: 2026, month: 10)!

    func register(_ fixture: BillingFixture) throws -> [[String]] {
        let text = try String(contentsOfFile: fixture.root + "/billing/2026-10/rechnungsausgangsbuch-2026-10.csv", encoding: .utf8)
        return text.split(separator: "\r\n").map { $0.split(separator: ";", omittingEmptySubsequences: false).map { $0.replacingOccurrences(of: "\"", with: "") } }
    }

    @Test("a debit written to pain.008 is not paid before its debit date")
    func notPaidBeforeDebitDate() throws {
        let fixture = try BillingFixture.collectedOctober()
        #expect(try fixture.invoice("2026-000002").paymentState == .collectionSubmitted)
    }

    @Test("a partial return reopens only the returned amount, and the next debit asks for that")
    func partialReturn() throws {
        let fixture = try BillingFixture.collectedOctober()
        fixture.setNow("2026-11-12T09:00:00+01:00")
        _ = try ReturnBooking(context: fixture.context).book([
            ReturnNotice(endToEndId: "2026-000002-1", amount: Money(cents: 1_000), reason: "MS03", date: day("2026-11-12"),
                         entryReference: "R1", source: "test"),
        ])
        #expect(try fixture.invoice("2026-000002").openCents == 1_000)
        fixture.setNow("2026-11-16T09:00:00+01:00")
        let next = try CollectionRun(context: fixture.context).run()
        #expect(next.files.map(\.sum) == [Money(cents: 1_000)])
    }

    @Test("a manual payment is booked once, never in the future")
    func manualGuards() throws {
        let fixture = try BillingFixture.collectedOctober()
        let booking = PaymentBooking(context: fixture.context)
        _ = try booking.bookManually(invoice: "2026-000001", amount: Money(cents: 1_000), on: day("2026-11-02"))
        #expect(throws: (any Error).self) { try booking.bookManually(invoice: "2026-000001", amount: Money(cents: 1_000), on: day("2026-11-02")) }
        #expect(throws: (any Error).self) { try booking.bookManually(invoice: "2026-000001", amount: Money(cents: 1_000), on: day("2026-11-03")) }
    }

    @Test("the register follows every payment, not only the next bill")
    func registerAfterPayment() throws {
        let fixture = try BillingFixture.collectedOctober()
        _ = try PaymentBooking(context: fixture.context).bookManually(invoice: "2026-000001", amount: Money(cents: 5_831), on: day("2026-11-02"))
        let row = try #require(try register(fixture).first { $0.first == "2026-000001" })
        #expect(row[11] == "bezahlt")
    }

    @Test("an overpayment is not lost: the surplus is the customer's credit in the open items")
    func overpayment() throws {
        let fixture = try BillingFixture.collectedOctober()
        _ = try PaymentBooking(context: fixture.context).bookManually(invoice: "2026-000001", amount: Money(cents: 100_000), on: day("2026-11-02"))
        fixture.settings.datev.consultantNumber = 1001
        fixture.settings.datev.clientNumber = 1
        let report = try OpenItems(context: fixture.context).write()
        let text = try String(contentsOfFile: report.path, encoding: .utf8)
        #expect(text.contains("-941,69"))
    }
}

extension ReceivablesDefectTests {
    func returned(_ cents: Int64, on date: String = "2026-11-12", reference: String = "R1") -> ReturnNotice {
        ReturnNotice(endToEndId: "2026-000002-1", amount: Money(cents: cents), reason: "MS03", date: day(date), entryReference: reference, source: "test")
    }

    @Test("a return for more than the debit: the invoice reopens for the debit, the rest is a charge; open items and DATEV agree",
          arguments: [1_000, 5_831, 7_000] as [Int64])
    func returnAmounts(cents: Int64) throws {
        let fixture = try BillingFixture.collectedOctober()
        fixture.setNow("2026-11-12T09:00:00+01:00")
        let report = try ReturnBooking(context: fixture.context).book([returned(cents)])
        #expect((report.booked.first?.differingAmount != nil) == (cents != 5_831))
        #expect(try fixture.invoice("2026-000002").openCents == min(cents, 5_831))
        let difference = try fixture.database.read { db in try Charge.filter(Charge.Columns.kind == Charge.Kind.returnDifference).fetchAll(db) }
        #expect(difference.map(\.amountCents) == (cents > 5_831 ? [cents - 5_831] : []))
        let identity = try LedgerIdentity.on(day("2026-11-12"), in: fixture.database)
        #expect(identity.holds, "\(identity)")
        // The next debit asks for what the invoice still owes; the difference rides on the next invoice.
        fixture.setNow("2026-11-16T09:00:00+01:00")
        let next = try CollectionRun(context: fixture.context).run()
        #expect(next.files.map(\.sum) == [Money(cents: min(cents, 5_831))])
        #expect(try LedgerIdentity.on(day("2026-11-16"), in: fixture.database).holds)
    }
}

extension ReceivablesDefectTests {
    func creditNoteText(_ fixture: BillingFixture, cancelling number: String) throws -> String {
        let note = try InvoiceCancellation(context: fixture.context).cancel(number: number, reason: "Falscher Tarif")
        let text = try Poppler.text(try InvoiceLetter.pdf(try InvoiceStorage.decode(note)))
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test("a credit note for an unpaid invoice says it is no longer owed, and promises no refund")
    func creditNoteUnpaid() throws {
        let fixture = try BillingFixture.collectedOctober()
        fixture.setNow("2026-11-20T09:00:00+01:00")
        let text = try creditNoteText(fixture, cancelling: "2026-000001")
        #expect(text.contains("Den Betrag der Rechnung 2026-000001 von 58,31 € müssen Sie nicht mehr zahlen."))
        #expect(!text.contains("erstatten"))
    }

    @Test("a credit note for a paid invoice refunds by a real date, and the rest is no longer owed")
    func creditNotePartlyPaid() throws {
        let fixture = try BillingFixture.collectedOctober()
        fixture.setNow("2026-11-20T09:00:00+01:00")
        _ = try PaymentBooking(context: fixture.context).bookManually(invoice: "2026-000001", amount: Money(cents: 2_000), on: day("2026-11-19"))
        let text = try creditNoteText(fixture, cancelling: "2026-000001")
        #expect(text.contains("Den bereits gezahlten oder eingezogenen Betrag von 20,00 € erstatten wir Ihnen bis zum 04.12.2026 auf Ihr Konto."))
        #expect(text.contains("Den Rest der Rechnung 2026-000001 von 38,31 € müssen Sie nicht mehr zahlen."))
        // The refund is owed: the customer's credit is an open item until `payments refund` books it.
        #expect(try PaymentCorrection(context: fixture.context).credit(of: "K1") == Money(cents: 2_000))
    }
}
