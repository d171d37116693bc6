import Formats
import Foundation
import GRDB
import Store
import Testing
@testable import Billing

@Suite("Returns, payments, dunning, suspension")
struct ReceivablesTests {
    static let october = YearMonth(year: 2026, month: 10)!

    /// A return of the debit `endToEndId` (invoice number and presentation counter).
    func returned(_ endToEndId: String, _ code: String, reference: String = "R1") -> ReturnNotice {
        ReturnNotice(endToEndId: endToEndId, amount: Money(cents: 5_831), reason: code, date: day("2026-11-13"),
                     entryReference: reference, source: "test")
    }

    @Test("the debit is under way until its date; a return AM04 reopens it, charges 8 €, and presents it once more; re-import changes nothing")
    func returnPresentedAgain() throws {
        let fixture = try BillingFixture.collectedOctober()
        #expect(try fixture.invoice("2026-000002").paymentState == .collectionSubmitted)
        let report = try ReturnBooking(context: fixture.context).book([returned("2026-000002-1", "AM04")])
        #expect(report.booked.map(\.invoice) == ["2026-000002"])
        #expect(report.booked[0].fee == Money(cents: 800))
        #expect(report.booked[0].presentedAgain)
        let reopened = try fixture.invoice("2026-000002")
        #expect(reopened.paymentState == .issued && reopened.paidCents == 0 && reopened.returnReason == "AM04" && reopened.presentAgain)
        let again = try ReturnBooking(context: fixture.context).book([returned("2026-000002-1", "AM04")])
        #expect(again.alreadyBooked == 1 && again.booked.isEmpty)
        #expect(try fixture.database.read { db in try Charge.fetchCount(db) } == 1)

        // Presented again on the next collection date, as RCUR, then paid by it.
        fixture.setNow("2026-11-16T09:00:00+01:00")
        let second = try CollectionRun(context: fixture.context).run()
        #expect(second.files.map(\.count) == [1])
        #expect(try fixture.invoice("2026-000002").paymentState == .collectionSubmitted)
        // A second return of the same invoice goes to dunning, not to the bank again.
        let secondReturn = try ReturnBooking(context: fixture.context).book([returned("2026-000002-2", "AM04", reference: "R2")])
        #expect(secondReturn.booked.first?.presentedAgain == false)
        #expect(try CollectionRun(context: fixture.context).run().files.isEmpty)
    }

    @Test("each reason code's effect on fee, mandate and re-presentation", arguments: [
        ("AC01", false, false, false), ("AC04", true, true, false), ("AC06", true, false, false), ("AG01", true, false, false),
        ("AM04", true, false, true), ("AM05", false, false, false), ("BE05", false, false, false), ("MD01", false, true, false),
        ("MD02", false, false, false), ("MD06", true, false, false), ("MD07", false, true, false), ("MS02", true, false, false),
        ("MS03", true, false, true), ("SL01", true, false, false),
    ] as [(String, Bool, Bool, Bool)])
    func reasonCodes(code: String, fee: Bool, unusable: Bool, presentAgain: Bool) throws {
        let fixture = try BillingFixture.collectedOctober()
        let booked = try #require(try ReturnBooking(context: fixture.context).book([returned("2026-000002-1", code)]).booked.first)
        #expect((booked.fee != nil) == fee)
        #expect(booked.presentedAgain == presentAgain)
        let mandate = try fixture.database.read { db in try Mandate.fetchOne(db, key: "K2-M01")! }
        #expect((mandate.status == .unusable) == unusable)
    }

    @Test("an unknown EndToEndId is reported, not guessed")
    func unknownReturn() throws {
        let fixture = try BillingFixture.collectedOctober()
        let report = try ReturnBooking(context: fixture.context).book([returned("2026-000099-1", "AM04"), returned("2026-000001-1", "AM04", reference: "R9")])
        #expect(report.booked.isEmpty)
        #expect(report.unknown.count == 2)  // 000001 is a transfer invoice: never debited
        #expect(try fixture.database.read { db in try BankReturn.fetchCount(db) } == 0)
    }

    @Test("transfers are matched by the number in the remittance; partial payments leave the rest open; unmatched ones are listed")
    func payments() throws {
        let fixture = try BillingFixture.collectedOctober()
        let notices = [
            PaymentNotice(amount: Money(cents: 3_000), date: day("2026-11-05"), remittance: "RE 2026-000001 Teilzahlung", payer: "Kunde K1",
                          entryReference: "P1", source: "test"),
            PaymentNotice(amount: Money(cents: 999), date: day("2026-11-05"), remittance: "Danke", payer: "Unbekannt", entryReference: "P2", source: "test"),
        ]
        fixture.setNow("2026-11-06T09:00:00+01:00")
        let report = try PaymentBooking(context: fixture.context).book(notices)
        #expect(report.matched.map(\.invoice) == ["2026-000001"])
        #expect(report.matched[0].state == .partiallyPaid)
        #expect(report.unmatched.map(\.entryReference) == ["P2"])
        #expect(try fixture.invoice("2026-000001").openCents == 2_831)
        let again = try PaymentBooking(context: fixture.context).book(notices)
        #expect(again.alreadyBooked == 2)
        #expect(again.stillUnmatched.map(\.entryReference) == ["P2"], "a re-import still names the credit nobody assigned")
        fixture.setNow("2026-11-20T09:00:00+01:00")
        let rest = try PaymentBooking(context: fixture.context).bookManually(invoice: "2026-000001", amount: Money(cents: 2_831), on: day("2026-11-20"))
        #expect(rest.matched.first?.state == .paid)
        let paid = try fixture.invoice("2026-000001")
        #expect(paid.paymentState == .paid && paid.settledOn == "2026-11-20")
    }

    @Test("the remittance parser finds an invoice number only as a whole token")
    func remittanceNumbers() {
        func number(_ text: String) -> String? {
            PaymentNotice(amount: .zero, date: day("2026-11-01"), remittance: text, payer: nil, entryReference: "", source: "").invoiceNumber
        }
        #expect(number("RE 2026-000002") == "2026-000002")
        #expect(number("2026-000004 Danke") == "2026-000004")
        #expect(number("Rechnung Nr.2026-000123,") == "2026-000123")
        #expect(number("12026-0000011") == nil)
        #expect(number("Kd K1001 Oktober") == nil)
    }

    @Test("the dunning ladder over simulated days: reminder +7, 1st letter +14 with fee, final +28 with interest and lump sum; once each")
    func ladder() throws {
        let fixture = try BillingFixture.collectedOctober()
        // K1 (transfer) was due on 9 November 2026.
        var letters: [String: [Int]] = [:]
        for offset in 0...40 {
            let date = day("2026-11-09").adding(days: offset)
            fixture.setNow("\(date.isoString)T09:00:00+01:00")
            for letter in try DunningRun(context: fixture.context).run().letters {
                letters[letter.invoice, default: []].append(letter.level)
                #expect(FileManager.default.fileExists(atPath: letter.path))
            }
            // Running twice on a day sends nothing twice.
            #expect(try DunningRun(context: fixture.context).run().letters.isEmpty)
        }
        #expect(letters == ["2026-000001": [1, 2, 3]])
        let notices = try fixture.database.read { db in try DunningNotice.order(DunningNotice.Columns.level).fetchAll(db) }
        #expect(notices.map(\.sentOn) == ["2026-11-16", "2026-11-23", "2026-12-07"])
        let charges = try fixture.database.read { db in try Charge.order(Charge.Columns.id).fetchAll(db) }
        #expect(charges.map(\.kind) == [.dunningFee, .dunningFee, .interest, .lumpSum])
        // 58.31 € open, 10–7 Dec 2026 = 28 days at 1.27 % + 9 = 10.27 %: 5831 × 1027 × 28 / 3,650,000 = 45.9… → 0.46 €.
        #expect(charges[2].amountCents == 46)
        #expect(charges[3].amountCents == 4_000)
    }

    @Test("suspension when the final letter is unpaid; payment in full lifts it")
    func suspension() throws {
        let fixture = try BillingFixture.collectedOctober()
        for date in ["2026-11-16", "2026-11-23", "2026-12-07", "2026-12-08"] {
            fixture.setNow("\(date)T09:00:00+01:00")
            _ = try DunningRun(context: fixture.context).run()
        }
        let customer = try fixture.database.read { db in try Customer.fetchOne(db, key: "K1")! }
        #expect(customer.status == .suspended && customer.suspendedForArrears)
        let report = try PaymentBooking(context: fixture.context).bookManually(invoice: "2026-000001", amount: Money(cents: 5_831), on: day("2026-12-08"))
        #expect(report.released == ["K1"])
        #expect(try fixture.database.read { db in try Customer.fetchOne(db, key: "K1")!.status } == .active)
    }

    @Test("fees ride on the next invoice without VAT (category E) and are billed once; the XRechnung stays valid")
    func chargesOnNextInvoice() throws {
        let fixture = try BillingFixture.collectedOctober()
        _ = try ReturnBooking(context: fixture.context).book([returned("2026-000002-1", "MD06")])
        fixture.setNow("2026-12-01T09:00:00+01:00")
        let report = try InvoiceRun(context: fixture.context).issue(month: YearMonth(year: 2026, month: 11)!)
        let k2 = try #require(report.issued.first { $0.customerId == "K2" })
        let document = try InvoiceStorage.decode(k2)
        #expect(document.lines.map(\.vatCategory) == [.standard, .exempt])
        #expect(document.lines[1].net == Money(cents: 800))
        // 49.00 at 19 % + 8.00 without VAT: VAT 9.31, gross 66.31.
        #expect(k2.vatCents == 931 && k2.grossCents == 6_631)
        let xml = CrossIndustryInvoice.xml(document)
        #expect(EInvoiceRules.check(xml) == [])
        #expect(try XMLSchema(path: try ConformanceSchemas.requireFacturX()).violations(of: xml) == [])
        let charge = try fixture.database.read { db in try Charge.fetchOne(db)! }
        #expect(charge.billedInvoice == k2.number)
        fixture.setNow("2027-01-04T09:00:00+01:00")
        let next = try InvoiceRun(context: fixture.context).issue(month: YearMonth(year: 2026, month: 12)!)
        #expect(try InvoiceStorage.decode(next.issued.first { $0.customerId == "K2" }!).lines.count == 1)
    }

    @Test("two monthly fees overdue suspend at once")
    func twoMonthlyFees() throws {
        let fixture = try BillingFixture.collectedOctober()
        fixture.setNow("2026-12-01T09:00:00+01:00")
        _ = try InvoiceRun(context: fixture.context).issue(month: YearMonth(year: 2026, month: 11)!)
        fixture.setNow("2026-12-09T09:00:00+01:00")
        let report = try DunningRun(context: fixture.context).run()
        #expect(report.suspended.map(\.customer) == ["K1"])
        #expect(report.suspended[0].reason.contains("2 monthly fees"))
    }
}
