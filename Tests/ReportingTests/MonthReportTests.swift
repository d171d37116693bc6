import Billing
import Foundation
import GRDB
@testable import Reporting
import Store
import Testing
import TestSupport

@Suite("Month report")
struct MonthReportTests {
    func database() throws -> (StateDatabase, String) {
        let folder = try TemporaryFolders.make("report")
        return (try StateDatabase(path: folder + "/robinson.sqlite"), folder)
    }

    func job(_ id: String, claimed: String, state: Job.State, rows: Int? = nil, error: String? = nil, name: String = "a.csv") -> Job {
        var job = Job(id: id, customerId: "K1", inputName: name, inputSize: 1, inputDigest: id,
                      claimedAt: ISO8601DateFormatter().date(from: claimed)!, state: state)
        job.rows = rows
        job.error = error
        return job
    }

    @Test("days are Berlin calendar days: 23:30 UTC on 31 October is 1 November")
    func berlinDays() throws {
        let (database, folder) = try database()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try database.write { db in
            try job("j1", claimed: "2026-09-30T22:30:00Z", state: .done, rows: 10).insert(db)   // 1 October, 00:30 in Berlin
            try job("j2", claimed: "2026-10-15T08:00:00Z", state: .purged, rows: 5).insert(db)
            try job("j3", claimed: "2026-10-15T09:00:00Z", state: .rejected, error: "no header").insert(db)
            try job("j4", claimed: "2026-10-31T23:30:00Z", state: .done, rows: 7).insert(db)    // 1 November in Berlin
            try job("j5", claimed: "2026-10-20T09:00:00Z", state: .failed).insert(db)
        }
        let report = try MonthReport.gather(from: database, month: YearMonth(year: 2026, month: 10)!, now: Date(),
                                            dunningLevels: DunningSettings().levels)
        #expect(report.days.count == 31)
        #expect(report.days[0].files == 1 && report.days[0].rows == 10)
        #expect(report.days[14].files == 2 && report.days[14].rows == 5 && report.days[14].rejected == 1)
        #expect(report.days[30].files == 0)
        #expect(report.files == 4 && report.rows == 15 && report.unfinished == 1)
        #expect(report.rejected.map(\.jobId) == ["j3"] && report.rejected.first?.reason == "no header")
        #expect(report.dunning.map(\.name) == ["ohne Mahnung", "Zahlungserinnerung", "1. Mahnung", "Letzte Mahnung"])
    }

    @Test("every value from outside is escaped in text and attributes; control and bidi characters become visible")
    func escaping() {
        #expect(HTMLText.escaped("<script>alert(1)</script>.csv") == "&lt;script&gt;alert(1)&lt;/script&gt;.csv")
        #expect(HTMLText.escaped("a & b \"c\" 'd'") == "a &amp; b &quot;c&quot; &#39;d&#39;")
        #expect(HTMLText.escaped("x\ny\u{202E}z") == "x\\ny\\u{202E}z")
    }

    @Test("a chart has one rect per bar, with its value, and escapes its labels")
    func chart() {
        let chart = BarChart(id: "c", title: "T <1>", bars: (0..<7).map {
            .init(label: "<\($0)>", value: Int64($0), valueText: String($0), title: "t")
        }, valuesAboveBars: true)
        let svg = chart.svg
        #expect(svg.components(separatedBy: "<rect ").count - 1 == 7)
        #expect(svg.contains("data-bars=\"7\"") && svg.contains("data-value=\"6\""))
        #expect(!svg.contains("<0>") && svg.contains("&lt;0&gt;") && svg.contains("aria-label=\"T &lt;1&gt;\""))
    }

    @Test("sums: a cancelled invoice and its credit note owe nothing; received less returned is what an invoice holds")
    func sums() {
        func invoice(_ number: String, _ kind: InvoiceRecord.Kind, gross: Int64, received: Int64 = 0, returned: Int64 = 0, open: Int64,
                     state: PaymentState) -> MonthReport.Invoice {
            MonthReport.Invoice(number: number, kind: kind, customerId: "K1", customerName: "", issueDate: "2026-11-02",
                                dueDate: "2026-11-10", gross: Money(cents: gross), received: Money(cents: received),
                                returned: Money(cents: returned), open: Money(cents: open), state: state, dunningLevel: 0)
        }
        let report = MonthReport(month: YearMonth(year: 2026, month: 10)!, generatedAt: Date(), days: [], hits: [], rejected: [],
                                 unfinished: 0, problems: [], invoices: [
                                     invoice("1", .invoice, gross: 10_000, received: 10_000, returned: 10_000, open: 10_000, state: .issued),
                                     invoice("2", .invoice, gross: 5_000, received: 2_000, open: 3_000, state: .partiallyPaid),
                                     invoice("3", .invoice, gross: 7_000, received: 7_000, open: -7_000, state: .cancelled),
                                     invoice("4", .creditNote, gross: 7_000, open: 0, state: .creditNote),
                                 ], dunning: [])
        #expect(report.invoiced == Money(cents: 15_000))
        #expect(report.received == Money(cents: 19_000) && report.returned == Money(cents: 10_000))
        #expect(report.open == Money(cents: 6_000), "the cancelled invoice's payment is the customer's credit")
        #expect(report.html.contains("data-figure=\"invoiced\" data-value=\"15000\"><b>150,00 €</b>"))
    }

    @Test("an empty month is a complete page with empty charts and notes instead of tables")
    func emptyMonth() throws {
        let (database, folder) = try database()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let report = try MonthReport.gather(from: database, month: YearMonth(year: 2028, month: 2)!, now: Date(), dunningLevels: [])
        let html = report.html
        #expect(report.days.count == 29)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
        #expect(html.contains("Keine Datei abgelehnt.") && html.contains("Februar 2028"))
        #expect(html.contains("data-chart=\"dunning-levels\" data-bars=\"1\""))
    }
}
