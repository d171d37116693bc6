import Foundation
import GRDB
import Store
import Testing
@testable import Billing

@Suite("Invoice run")
struct InvoiceRunTests {
    static let october = YearMonth(year: 2026, month: 10)!

    /// K1 transfer, monthly + per 1,000; K2 SEPA with mandate, packages; K3 usage-only without usage; K4 annual due in October.
    func fixture() throws -> BillingFixture {
        let fixture = try BillingFixture()
        try fixture.plan("M", monthly: 4_900, perThousand: 450, included: 1_000)
        try fixture.plan("P", package: 1_990)
        try fixture.plan("U", perThousand: 300)
        try fixture.plan("A", annual: 59_000)
        try fixture.customer("K1", plan: "M")
        try fixture.customer("K2", plan: "P", payment: .sepa)
        try fixture.mandate("K2-M01", customer: "K2")
        try fixture.customer("K3", plan: "U")
        try fixture.customer("K4", plan: "A", start: "2025-10-15")
        try fixture.usage("K1", month: "2026-10", rows: 12_345)
        try fixture.usage("K1", month: "2026-09", rows: 99_999)
        try fixture.usage("K2", month: "2026-10", rows: 1_501)
        return fixture
    }

    @Test("one invoice per customer with something to bill, numbered without gaps, with documents and the register")
    func issuesMonth() throws {
        let fixture = try fixture()
        let report = try InvoiceRun(context: fixture.context).issue(month: Self.october)
        #expect(report.issued.map(\.number) == ["2026-000001", "2026-000002", "2026-000003"])
        #expect(report.issued.map(\.customerId) == ["K1", "K2", "K4"])
        // K1: 49.00 + 11,345 × 4.50 / 1,000 = 51.0525 → 51.05; net 100.05, VAT 19.01, gross 119.06.
        #expect(report.issued[0].netCents == 10_005)
        #expect(report.issued[0].vatCents == 1_901)
        #expect(report.issued[0].grossCents == 11_906)
        // K2: 1,501 records = 2 packages of 19.90.
        #expect(report.issued[1].netCents == 3_980)
        #expect(report.issued[2].netCents == 59_000)
        #expect(report.skipped.isEmpty)
        #expect(fixture.files("2026-10") == [
            "2026-000001-K1-rechnung.pdf", "2026-000001-K1-rechnung.xml",
            "2026-000002-K2-rechnung.pdf", "2026-000002-K2-rechnung.xml",
            "2026-000003-K4-rechnung.pdf", "2026-000003-K4-rechnung.xml",
            "rechnungsausgangsbuch-2026-10.csv",
        ])
        #expect(try fixture.invoices().allSatisfy { $0.documentsWrittenAt != nil })
    }

    @Test("dates: issued on the first working day of the next month, transfer due 7 days later, SEPA due on the collection date")
    func dates() throws {
        let fixture = try fixture()
        let report = try InvoiceRun(context: fixture.context).issue(month: Self.october)
        let k1 = try InvoiceStorage.decode(report.issued[0])
        let k2 = try InvoiceStorage.decode(report.issued[1])
        #expect(k1.issueDate == day("2026-11-02"))
        #expect(k1.dueDate == day("2026-11-09"))
        guard case .transfer(let transfer) = k1.payment else { Issue.record("K1 pays by transfer"); return }
        #expect(transfer.reference == "2026-000001")
        guard case .directDebit(let debit) = k2.payment else { Issue.record("K2 pays by direct debit"); return }
        #expect(debit.collectionDate == day("2026-11-10"))
        #expect(debit.mandateReference == "K2-M01")
        #expect(k2.dueDate == day("2026-11-10"))
        #expect(report.issued[1].collectionDate == "2026-11-10")
    }

    @Test("running the month again issues nothing and leaves the files alone")
    func idempotent() throws {
        let fixture = try fixture()
        _ = try InvoiceRun(context: fixture.context).issue(month: Self.october)
        let pdf = fixture.root + "/billing/2026-10/2026-000001-K1-rechnung.pdf"
        let before = try FileManager.default.attributesOfItem(atPath: pdf)[.modificationDate] as? Date
        let again = try InvoiceRun(context: fixture.context).issue(month: Self.october)
        #expect(again.issued.isEmpty)
        #expect(again.alreadyIssued.count == 3)
        #expect(try fixture.invoices().count == 3)
        #expect(try FileManager.default.attributesOfItem(atPath: pdf)[.modificationDate] as? Date == before)
    }

    @Test("a dry run shows the invoices and totals but assigns no numbers and writes no files")
    func dryRun() throws {
        let fixture = try fixture()
        let plan = try InvoiceRun(context: fixture.context).preview(month: Self.october)
        #expect(plan.drafts.map(\.customerId) == ["K1", "K2", "K4"])
        #expect(plan.totals.net == eur(10_005 + 3_980 + 59_000))
        #expect(plan.drafts.allSatisfy { $0.document.number.isEmpty })
        #expect(try fixture.invoices().isEmpty)
        #expect(try fixture.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM invoiceSequence") } == 0)
        #expect(!FileManager.default.fileExists(atPath: fixture.root + "/billing"))
    }

    @Test("nothing is issued before the planned issue date (the month is not complete, no invoice dated ahead)",
          arguments: ["2026-10-31T23:00:00+01:00", "2026-11-01T12:00:00+01:00"])
    func tooEarly(now: String) throws {
        let fixture = try fixture()
        fixture.setNow(now)
        #expect(throws: BillingRunError.self) { try InvoiceRun(context: fixture.context).issue(month: Self.october) }
        #expect(try fixture.invoices().isEmpty)
    }

    @Test("a SEPA customer without a mandate and a customer without an address are reported, the others billed")
    func skipped() throws {
        let fixture = try fixture()
        try fixture.customer("K5", plan: "M", payment: .sepa)
        try fixture.customer("K6", plan: "M", street: nil)
        let report = try InvoiceRun(context: fixture.context).issue(month: Self.october)
        #expect(report.skipped.map(\.customerId) == ["K5", "K6"])
        #expect(report.skipped[0].reason.contains("no active mandate"))
        #expect(report.skipped[1].reason.contains("street"))
        #expect(report.issued.count == 3)
    }

    @Test("a seller without tax number and VAT id bills nothing")
    func sellerIncomplete() throws {
        let fixture = try fixture()
        fixture.settings.seller?.vatId = nil
        fixture.settings.seller?.taxNumber = nil
        #expect(throws: BillingSetupError.self) { try InvoiceRun(context: fixture.context).issue(month: Self.october) }
        #expect(try fixture.invoices().isEmpty)
    }

    @Test("December is billed in January under the new year's numbers, starting at 1")
    func yearEnd() throws {
        let fixture = try fixture()
        try fixture.usage("K2", month: "2026-11", rows: 10)
        try fixture.usage("K2", month: "2026-12", rows: 10)
        fixture.setNow("2026-12-01T09:00:00+01:00")
        let november = try InvoiceRun(context: fixture.context).issue(month: YearMonth(year: 2026, month: 11)!)
        #expect(november.issued.map(\.number) == ["2026-000001", "2026-000002"])
        fixture.setNow("2027-01-04T09:00:00+01:00")
        let december = try InvoiceRun(context: fixture.context).issue(month: YearMonth(year: 2026, month: 12)!)
        #expect(december.issued.map(\.number) == ["2027-000001", "2027-000002"])
        #expect(try InvoiceStorage.decode(december.issued[0]).issueDate == day("2027-01-04"))
    }

    @Test("a run after the planned issue date is dated the day it runs, never earlier")
    func lateRun() throws {
        let fixture = try fixture()
        fixture.setNow("2026-11-23T09:00:00+01:00")
        let report = try InvoiceRun(context: fixture.context).issue(month: Self.october)
        #expect(report.issued.allSatisfy { $0.issueDate == "2026-11-23" })
    }

    @Test("documents a crash left unwritten are written by the next run, with no new numbers")
    func completesAfterCrash() throws {
        let fixture = try fixture()
        fixture.rendering = FailingRendering()
        #expect(throws: InvoiceFileError.self) { try InvoiceRun(context: fixture.context).issue(month: Self.october) }
        #expect(try fixture.invoices().map(\.number) == ["2026-000001", "2026-000002", "2026-000003"])
        #expect(try fixture.invoices().allSatisfy { $0.documentsWrittenAt == nil })
        fixture.rendering = StandardInvoiceRendering.forTests
        let next = try InvoiceRun(context: fixture.context).issue(month: Self.october)
        #expect(next.issued.isEmpty)
        #expect(next.documentsWritten == ["2026-000001", "2026-000002", "2026-000003"])
        #expect(fixture.files("2026-10").filter { $0.hasSuffix(".pdf") }.count == 3)
        #expect(fixture.files("2026-10").allSatisfy { !$0.contains(".tmp-") })
    }

    @Test("cancelling issues a credit note with the next number; the month can then be billed again")
    func cancellation() throws {
        let fixture = try fixture()
        _ = try InvoiceRun(context: fixture.context).issue(month: Self.october)
        fixture.setNow("2026-11-20T10:00:00+01:00")
        let note = try InvoiceCancellation(context: fixture.context).cancel(number: "2026-000001", reason: "Falscher Tarif")
        #expect(note.number == "2026-000004")
        #expect(note.kind == .creditNote)
        #expect(note.cancels == "2026-000001")
        #expect(note.grossCents == 11_906)
        let document = try InvoiceStorage.decode(note)
        #expect(document.precedingInvoice?.number == "2026-000001")
        #expect(document.issueDate == day("2026-11-20"))
        #expect(document.payment == .settlement)
        let original = try fixture.invoices().first { $0.number == "2026-000001" }
        #expect(original?.paymentState == .cancelled)
        #expect(original?.cancelledBy == "2026-000004")
        #expect(fixture.files("2026-10").contains("2026-000004-K1-rechnungskorrektur.pdf"))
        #expect(throws: BillingRunError.self) { try InvoiceCancellation(context: fixture.context).cancel(number: "2026-000001", reason: "again") }
        #expect(throws: BillingRunError.self) { try InvoiceCancellation(context: fixture.context).cancel(number: "2026-000004", reason: "x") }
        #expect(throws: BillingRunError.self) { try InvoiceCancellation(context: fixture.context).cancel(number: "2026-000099", reason: "x") }

        let rebill = try InvoiceRun(context: fixture.context).issue(month: Self.october)
        #expect(rebill.issued.map(\.number) == ["2026-000005"])
        #expect(rebill.issued.first?.customerId == "K1")
        let numbers = try fixture.invoices().map(\.sequence)
        #expect(numbers == Array(1...5))
    }

    @Test("the register lists every document of the month with German amounts, credit notes negative")
    func register() throws {
        let fixture = try fixture()
        _ = try InvoiceRun(context: fixture.context).issue(month: Self.october)
        _ = try InvoiceCancellation(context: fixture.context).cancel(number: "2026-000002", reason: "Doppelt")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: fixture.root + "/billing/2026-10/rechnungsausgangsbuch-2026-10.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])  // BOM: German Excel then reads UTF-8
        let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix("\"Nummer\";\"Datum\";\"Art\";\"Kunde\""))
        #expect(lines[1] == "\"2026-000001\";\"02.11.2026\";\"Rechnung\";\"K1\";\"Kunde K1 GmbH\";\"Oktober 2026\";100,05;19,01;119,06;\"Überweisung\";\"09.11.2026\";\"offen\";\"\";0,00;119,06")
        #expect(lines[2].hasSuffix(";\"Lastschrift\";\"10.11.2026\";\"storniert durch 2026-000004\";\"\";0,00;0,00"))
        #expect(lines[4] == "\"2026-000004\";\"02.11.2026\";\"Rechnungskorrektur\";\"K2\";\"Kunde K2 GmbH\";\"Oktober 2026\";-39,80;-7,56;-47,36;\"Verrechnung\";\"02.11.2026\";\"Korrektur\";\"2026-000002\";\"\";\"\"")
    }

    @Test("terminated customers pay only the usage of their last month; suspended ones still pay the fee")
    func statuses() throws {
        let fixture = try BillingFixture()
        try fixture.plan("M", monthly: 4_900, perThousand: 450)
        try fixture.customer("T", plan: "M", status: .terminated)
        try fixture.customer("T2", plan: "M", status: .terminated)
        try fixture.customer("S", plan: "M", status: .suspended)
        try fixture.usage("T", month: "2026-10", rows: 2_000)
        let report = try InvoiceRun(context: fixture.context).issue(month: Self.october)
        #expect(report.issued.map(\.customerId) == ["S", "T"])
        #expect(report.issued.map(\.netCents) == [4_900, 900])
    }
}

/// Rendering that fails like a full disk would.
struct FailingRendering: InvoiceRendering {
    struct DiskFull: Error {}
    func pdf(_ document: InvoiceDocument) throws -> [UInt8] { throw DiskFull() }
    func xml(_ document: InvoiceDocument) throws -> [UInt8] { throw DiskFull() }
}
