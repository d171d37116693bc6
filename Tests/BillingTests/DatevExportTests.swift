import Foundation
import GRDB
import Store
import Testing
@testable import Billing

@Suite("DATEV export and open items")
struct DatevExportTests {
    /// October billed on 2 Nov (K1 119.06, K2 47.36), K2's invoice cancelled on 20 Nov,
    /// a dunning fee and two payments in November, a return fee in October.
    func november() throws -> BillingFixture {
        let fixture = try BillingFixture()
        try fixture.plan("M", monthly: 4_900, perThousand: 450, included: 1_000)
        try fixture.plan("P", package: 1_990)
        try fixture.customer("K1", plan: "M")
        try fixture.customer("K2", plan: "P")
        try fixture.usage("K1", month: "2026-10", rows: 12_345)
        try fixture.usage("K2", month: "2026-10", rows: 1_501)
        try fixture.database.write { db in try db.execute(sql: "UPDATE customer SET name = 'Müller & Söhne GmbH' WHERE id = 'K1'") }
        _ = try InvoiceRun(context: fixture.context).issue(month: YearMonth(year: 2026, month: 10)!)
        fixture.setNow("2026-11-20T10:00:00+01:00")
        _ = try InvoiceCancellation(context: fixture.context).cancel(number: "2026-000002", reason: "Falscher Tarif")
        try fixture.database.write { db in
            var fee = Charge(customerId: "K1", kind: .dunningFee, amountCents: 300, description: "Mahngebühr 2026-000001",
                             relatesTo: "2026-000001", createdOn: "2026-11-15")
            try fee.insert(db)
            var returnFee = Charge(customerId: "K2", kind: .returnFee, amountCents: 800, description: "Rücklastschriftgebühr",
                                   relatesTo: nil, createdOn: "2026-10-30")
            try returnFee.insert(db)
            var paid = Payment(entryReference: "E1", kind: .transfer, customerId: "K1", invoiceNumber: "2026-000001", amountCents: 5_000,
                               bookedOn: "2026-11-10", source: "camt.053", remittance: "2026-000001", createdAt: fixture.now)
            try paid.insert(db)
            var unknown = Payment(entryReference: "E2", kind: .transfer, customerId: nil, invoiceNumber: nil, amountCents: 1_234,
                                  bookedOn: "2026-11-11", source: "camt.053", remittance: "Spende", createdAt: fixture.now)
            try unknown.insert(db)
            var debit = Payment(entryReference: "E3", kind: .debit, customerId: "K1", invoiceNumber: "2026-000001", amountCents: 5_000,
                                bookedOn: "2026-11-12", source: "pain.008", remittance: nil, createdAt: fixture.now)
            try debit.insert(db)
            var returned = Payment(entryReference: "R1", kind: .returned, customerId: "K1", invoiceNumber: "2026-000001", amountCents: -5_000,
                                   bookedOn: "2026-11-12", source: "camt.054", remittance: nil, relatesTo: debit.id, note: "AM04", createdAt: fixture.now)
            try returned.insert(db)
            try db.execute(sql: "UPDATE invoice SET paidCents = 5000 WHERE number = '2026-000001'")
        }
        fixture.settings.datev.consultantNumber = 29098
        fixture.settings.datev.clientNumber = 55003
        fixture.setNow("2026-12-03T10:00:00+01:00")
        return fixture
    }

    /// The file's lines (Windows-1252 read as Latin-1, identical for these characters) split into fields.
    func lines(_ path: String) throws -> [[String]] {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let text = String(decoding: bytes.map { UInt16($0) }, as: UTF16.self)
        #expect(text.hasSuffix("\r\n"))
        // "\r\n" is one Character in Swift; split first, then drop the empty rest after the last line end.
        return text.components(separatedBy: "\r\n").dropLast().map { $0.components(separatedBy: ";") }
    }

    @Test("header: EXTF 700, category 21 Buchungsstapel version 13, timestamp, numbers, fiscal year, period, EUR")
    func header() throws {
        let fixture = try november()
        let report = try DatevExport(context: fixture.context).write(month: YearMonth(year: 2026, month: 11)!)
        #expect(report.path == fixture.root + "/billing/2026-11/EXTF_Buchungsstapel_2026-11.csv")
        let header = try lines(report.path)[0]
        #expect(header.count == 31)
        #expect(Array(header[0...4]) == ["\"EXTF\"", "700", "21", "\"Buchungsstapel\"", "13"])
        #expect(header[5] == "20261203100000000")
        #expect(Array(header[10...15]) == ["29098", "55003", "20260101", "4", "20261101", "20261130"])
        #expect(header[16] == "\"Robinson 2026-11\"")
        #expect(header[21] == "\"EUR\"")
        #expect(header[26] == "\"03\"")
    }

    @Test("column names: the 125 of version 13, every booking line has as many fields")
    func columns() throws {
        let fixture = try november()
        let report = try DatevExport(context: fixture.context).write(month: YearMonth(year: 2026, month: 11)!)
        let all = try lines(report.path)
        #expect(all[1].count == 125)
        #expect(Array(all[1].prefix(14)) == ["Umsatz (ohne Soll/Haben-Kz)", "Soll/Haben-Kennzeichen", "WKZ Umsatz", "Kurs",
                                            "Basis-Umsatz", "WKZ Basis-Umsatz", "Konto", "Gegenkonto (ohne BU-Schlüssel)",
                                            "BU-Schlüssel", "Belegdatum", "Belegfeld 1", "Belegfeld 2", "Skonto", "Buchungstext"]
            .map { "\"\($0)\"" })
        #expect(all[1].last == "\"Abw. Skontokonto\"")
        #expect(all.count == 2 + report.bookings)
        #expect(all.dropFirst(2).map(\.count) == Array(repeating: 125, count: report.bookings))
    }

    @Test("bookings: invoice S on the debtor against 8400, credit note H, fee against 2700, payments on 1200, a returned debit H on 1200; November only")
    func bookings() throws {
        let fixture = try november()
        let report = try DatevExport(context: fixture.context).write(month: YearMonth(year: 2026, month: 11)!)
        #expect(report.bookings == 8)
        let rows = try lines(report.path).dropFirst(2).map { [$0[0], $0[1], $0[6], $0[7], $0[8], $0[9], $0[10], $0[13]] }
        #expect(rows == [
            ["119,06", "\"S\"", "10001", "8400", "", "0211", "\"2026-000001\"", "\"Rechnung 2026-000001 Müller & Söhne GmbH\""],
            ["47,36", "\"S\"", "10002", "8400", "", "0211", "\"2026-000002\"", "\"Rechnung 2026-000002 Kunde K2 GmbH\""],
            ["50,00", "\"S\"", "1200", "10001", "", "1011", "\"2026-000001\"", "\"Zahlung 2026-000001 Müller & Söhne GmbH\""],
            ["12,34", "\"S\"", "1200", "1590", "", "1111", "\"Z2\"", "\"Zahlung ohne Rechnung Spende\""],
            ["50,00", "\"S\"", "1200", "10001", "", "1211", "\"2026-000001\"", "\"Zahlung 2026-000001 Müller & Söhne GmbH\""],
            ["50,00", "\"H\"", "1200", "10001", "", "1211", "\"2026-000001\"", "\"Rücklastschrift 2026-000001 AM04 Müller & Söhne GmbH\""],
            ["3,00", "\"S\"", "10001", "2700", "", "1511", "\"2026-000001\"", "\"Mahngebühr 2026-000001 Müller & Söhne GmbH\""],
            ["47,36", "\"H\"", "10002", "8400", "", "2011", "\"2026-000003\"", "\"Gutschrift 2026-000003 Kunde K2 GmbH\""],
        ])
    }

    @Test("bytes: Windows-1252 umlauts, CRLF only")
    func encoding() throws {
        let fixture = try november()
        let report = try DatevExport(context: fixture.context).write(month: YearMonth(year: 2026, month: 11)!)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: report.path)))
        #expect(bytes.contains(0xFC))        // ü
        #expect(bytes.contains(0xF6))        // ö
        #expect(!bytes.contains(0xC3))       // no UTF-8 lead byte
        let lineFeeds = bytes.indices.filter { bytes[$0] == 0x0A }
        #expect(lineFeeds.count == 2 + report.bookings)
        #expect(lineFeeds.allSatisfy { $0 > 0 && bytes[$0 - 1] == 0x0D })
    }

    @Test("configured accounts and debtor mapping win; a customer without digits and without mapping stops the export")
    func accounts() throws {
        let fixture = try november()
        fixture.settings.datev.accounts.revenue = 8401
        fixture.settings.datev.debtorAccounts = ["K2": 12345]
        let report = try DatevExport(context: fixture.context).write(month: YearMonth(year: 2026, month: 11)!)
        let rows = try lines(report.path).dropFirst(2)
        #expect(rows.first.map { [$0[6], $0[7]] } == ["10001", "8401"])
        #expect(rows.last.map { [$0[6], $0[7]] } == ["12345", "8401"])

        try fixture.database.write { db in
            var fee = Charge(customerId: "ACME", kind: .interest, amountCents: 100, description: "Zinsen", relatesTo: nil, createdOn: "2026-11-30")
            try fee.insert(db)
        }
        #expect(throws: DatevExportError.customersWithoutDebtorAccount(["ACME"])) {
            try DatevExport(context: fixture.context).write(month: YearMonth(year: 2026, month: 11)!)
        }
        fixture.settings.datev.consultantNumber = nil
        #expect(throws: DatevExportError.missingKeys(["datev.consultantNumber"])) {
            try DatevExport(context: fixture.context).write(month: YearMonth(year: 2026, month: 11)!)
        }
    }

    @Test("debtor accounts: base plus trailing digits, mapping first, wrong length refused")
    func debtors() throws {
        var settings = DatevSettings()
        settings.debtorAccounts = ["X": 20000]
        let debtors = DebtorAccounts(settings: settings)
        #expect(debtors.account(for: "K1001") == 11001)
        #expect(debtors.account(for: "X") == 20000)
        #expect(debtors.account(for: "ACME") == nil)
        #expect(throws: DatevExportError.self) { try debtors.accounts(for: ["K123456"]) }
    }

    @Test("open items: unpaid invoices with days overdue, unbilled charges; cancelled invoices and credit notes left out")
    func openItems() throws {
        let fixture = try november()
        let report = try OpenItems(context: fixture.context).write()
        #expect(report.path == fixture.root + "/billing/offene-posten-2026-12-03.csv")
        #expect(report.items == 3)
        #expect(report.open == Money(cents: 6_906 + 300 + 800))
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: report.path)))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.components(separatedBy: "\r\n") == [
            "\"Kunde\";\"Name\";\"Art\";\"Nummer\";\"Datum\";\"Faellig\";\"Brutto\";\"Bezahlt\";\"Offen\";\"Tage ueberfaellig\";\"Mahnstufe\";\"Status\"",
            "\"K1\";\"Müller & Söhne GmbH\";\"Rechnung\";\"2026-000001\";\"02.11.2026\";\"09.11.2026\";119,06;50,00;69,06;24;0;\"teilweise bezahlt\"",
            "\"K1\";\"Müller & Söhne GmbH\";\"Mahngebühr 2026-000001\";\"2026-000001\";\"15.11.2026\";\"\";3,00;0,00;3,00;\"\";\"\";\"Gebühr offen\"",
            "\"K2\";\"Kunde K2 GmbH\";\"Rücklastschriftgebühr\";\"\";\"30.10.2026\";\"\";8,00;0,00;8,00;\"\";\"\";\"Gebühr offen\"",
            "",
        ])
    }
}
