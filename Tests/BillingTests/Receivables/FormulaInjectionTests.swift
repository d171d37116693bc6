import Foundation
import GRDB
import Store
import Testing
@testable import Billing

/// A customer named like a spreadsheet formula reaches the files accountants
/// open in Excel only as text; the DATEV batch starts every text cell with a word of ours.
@Suite("CSV formula injection in the files for the accountant")
struct FormulaInjectionTests {
    static let hostile = ["=HYPERLINK(\"http://evil.example\";\"klick\")", "+49 30 1234", "-1+1", "@SUM(A1:A9)", "\tTab GmbH", "\r=1+1"]

    func billed() throws -> BillingFixture {
        let fixture = try BillingFixture()
        try fixture.plan("M", monthly: 4_900)
        for (index, name) in Self.hostile.enumerated() {
            let id = "K\(index + 1)"
            try fixture.customer(id, plan: "M")
            try fixture.database.write { db in try Customer.filter(key: id).updateAll(db, Customer.Columns.name.set(to: name)) }
        }
        _ = try InvoiceRun(context: fixture.context).issue(month: YearMonth(year: 2026, month: 10)!)
        return fixture
    }

    /// The cells of a `;` file with `"`-quoted fields (quotes doubled), as a spreadsheet reads them.
    func cells(_ path: String) throws -> [[String]] {
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        var rows: [[String]] = [], row: [String] = [], cell = "", quoted = false
        var characters = Array(text.unicodeScalars.map(Character.init).dropFirst()).makeIterator()
        while let c = characters.next() {
            if quoted {
                if c == "\"" {
                    if let next = characters.next() {
                        if next == "\"" { cell.append("\"") } else { quoted = false; handle(next) }
                    }
                } else { cell.append(c) }
            } else { handle(c) }
        }
        func handle(_ c: Character) {
            switch c {
            case "\"": quoted = true
            case ";": row.append(cell); cell = ""
            case "\r": break
            case "\n": row.append(cell); rows.append(row); row = []; cell = ""
            default: cell.append(c)
            }
        }
        return rows
    }

    @Test("register and open items: every hostile name is one cell starting with a quote mark; amounts stay numbers")
    func registerAndOpenItems() throws {
        let fixture = try billed()
        let register = try cells(fixture.root + "/billing/2026-10/rechnungsausgangsbuch-2026-10.csv")
        let names = register.dropFirst().map { $0[4] }
        #expect(names == Self.hostile.map { "'" + $0 })
        #expect(register.dropFirst().allSatisfy { $0.count == InvoiceRegister.header.count })
        let openItems = try cells(try OpenItems(context: fixture.context).write().path)
        #expect(openItems.dropFirst().map { $0[1] }.sorted() == Self.hostile.map { "'" + $0 }.sorted())
        let raw = String(decoding: try Data(contentsOf: URL(fileURLWithPath: fixture.root + "/billing/2026-10/rechnungsausgangsbuch-2026-10.csv")), as: UTF8.self)
        #expect(raw.contains(";58,31;"), "numbers are written bare")
    }

    @Test("DATEV: a program reads it; no cell starts with outside text and no name breaks a line")
    func datev() throws {
        let fixture = try billed()
        fixture.settings.datev.consultantNumber = 1001
        fixture.settings.datev.clientNumber = 1
        let report = try DatevExport(context: fixture.context).write(month: YearMonth(year: 2026, month: 11)!)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: report.path))
        let lines = String(decoding: bytes.map { UInt16($0) }, as: UTF16.self).components(separatedBy: "\r\n").dropLast().dropFirst(2)
        #expect(lines.count == Self.hostile.count)
        for line in lines {
            let text = line.components(separatedBy: ";")[13]
            #expect(text.hasPrefix("\"Rechnung 2026-"), "\(text)")
        }
        #expect(!bytes.contains(0x09) && bytes.filter { $0 == 0x0D }.count == bytes.filter { $0 == 0x0A }.count)
    }
}
