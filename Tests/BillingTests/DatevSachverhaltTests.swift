import Foundation
import GRDB
import Store
import Testing
@testable import Billing

@Suite("DATEV: Sachverhalt of dunning bookings")
struct DatevSachverhaltTests {
    @Test("dunning interest carries Sachverhalt 31, dunning fees 40; lump sum, return fee, invoices and payments none")
    func sachverhalt() throws {
        let fixture = try DatevExportTests().november()
        try fixture.database.write { db in
            for (kind, cents, text) in [(Charge.Kind.interest, 46, "Verzugszinsen"), (.lumpSum, 4_000, "Verzugspauschale")] {
                var charge = Charge(customerId: "K1", kind: kind, amountCents: Int64(cents), description: text,
                                    relatesTo: "2026-000001", createdOn: "2026-11-28")
                try charge.insert(db)
            }
        }
        let report = try DatevExport(context: fixture.context).write(month: YearMonth(year: 2026, month: 11)!)
        let lines = try DatevExportTests().lines(report.path)
        #expect(lines[1][17] == "\"Sachverhalt\"")
        let bookings = Array(lines.dropFirst(2))
        func sachverhalt(_ text: String) -> [String] { bookings.filter { $0[13].hasPrefix("\"" + text) }.map { $0[17] } }
        #expect(sachverhalt("Mahngebühr") == ["40"])
        #expect(sachverhalt("Verzugszinsen") == ["31"])
        #expect(sachverhalt("Verzugspauschale") == [""])
        #expect(sachverhalt("Rechnung").allSatisfy { $0.isEmpty })
        #expect(sachverhalt("Zahlung").allSatisfy { $0.isEmpty })
        #expect(sachverhalt("Rücklastschrift").allSatisfy { $0.isEmpty })
        #expect(bookings.filter { !$0[17].isEmpty }.count == 2)
        #expect(bookings.allSatisfy { $0.count == 125 })
    }
}
