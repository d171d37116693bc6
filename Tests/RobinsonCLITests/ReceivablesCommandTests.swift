import Foundation
import Testing

/// What an accountant following the README saw that was not true, end to end
/// on the fixtures: states after `collect`, the register after payments,
/// guarded manual bookings, corrections, unmatched credits, queries, open
/// items without DATEV settings, and the DATEV debtor balance.
@Suite("Receivables commands", .serialized)
struct ReceivablesCommandTests {
    static func at(_ day: String, _ time: String = "09:00") -> [String: String] { ["ROBINSON_NOW": "\(day)T\(time):00+01:00"] }

    /// A listing as JSON.
    func json(_ cli: CLI, _ arguments: [String], env: [String: String] = [:]) throws -> JSONValue {
        try JSONValue.parse(try cli.ok(arguments + ["--format", "json"], env: env))
    }

    func states(_ cli: CLI, _ arguments: [String] = [], env: [String: String]) throws -> [String: String] {
        Dictionary(try json(cli, ["invoice", "list"] + arguments, env: env)["invoices"].items.map { ($0["number"].text ?? "", $0["state"].text ?? "") },
                   uniquingKeysWith: { a, _ in a })
    }

    /// The register's row of `number`, cells unquoted.
    func registerRow(_ cli: CLI, _ number: String) throws -> [String] {
        let text = String(decoding: try cli.read(cli.root + "/billing/2026-10/rechnungsausgangsbuch-2026-10.csv"), as: UTF8.self)
        let line = try #require(text.components(separatedBy: "\r\n").first { $0.hasPrefix("\"\(number)\"") })
        return line.components(separatedBy: ";").map { $0.replacingOccurrences(of: "\"", with: "") }
    }

    @Test("states, register and open items follow every command; manual bookings are guarded and reversible; unmatched credits are kept")
    func receivables() throws {
        let cli = try BillingCommandTests().monthWithUsage()
        try cli.ok(["bill", "--period", "2026-10"], env: Self.at("2026-11-02"))
        try cli.ok(["collect"], env: Self.at("2026-11-02", "10:00"))

        // Written to pain.008 is not paid: the debit date (10 November) has not come.
        #expect(try states(cli, env: Self.at("2026-11-02", "11:00"))["2026-000001"] == "collectionSubmitted")
        #expect(try registerRow(cli, "2026-000001")[11] == "Einzug eingereicht")
        #expect(try states(cli, env: Self.at("2026-11-10"))["2026-000001"] == "collected")
        #expect(try registerRow(cli, "2026-000001")[11] == "eingezogen")

        // A manual booking: once, not in the future; --again when the customer really paid twice; a reversal undoes it.
        let paid = ["invoice", "paid", "2026-000002", "--date", "2026-11-05", "--amount", "100,00", "--reference", "Kasse 17"]
        #expect(try cli.ok(paid, env: Self.at("2026-11-06")).contains("rest still open (77,31 €)"))
        #expect(try registerRow(cli, "2026-000002")[11] == "teilweise bezahlt")
        let twice = try cli.run(paid, env: Self.at("2026-11-06", "09:05"))
        #expect(twice.status != 0 && twice.stderr.contains("--again"))
        let future = try cli.run(["invoice", "paid", "2026-000002", "--date", "2026-11-07", "--amount", "1,00"], env: Self.at("2026-11-06"))
        #expect(future.status != 0 && future.stderr.contains("after today"))
        #expect(try cli.sql("SELECT COUNT(*) FROM payment WHERE kind = 'manual'") == ["1"])
        let again = try cli.ok(paid + ["--again"], env: Self.at("2026-11-06", "09:10"))
        #expect(again.contains("22,69 € more is the customer's credit"))
        #expect(try registerRow(cli, "2026-000002")[11] == "überzahlt")
        let openItems = try cli.ok(["open-items"], env: Self.at("2026-11-06", "09:15"))
        #expect(openItems.contains("-22,69 €") && openItems.contains("Guthaben"))
        let second = try #require(try cli.sql("SELECT MAX(id) FROM payment WHERE kind = 'manual'").first)
        let reversed = try cli.ok(["payments", "reverse", second, "--reason", "doppelt gebucht"], env: Self.at("2026-11-06", "09:20"))
        #expect(reversed.contains("2026-000002 is partially paid, rest still open (77,31 €)"))
        #expect(try cli.run(["payments", "reverse", second, "--reason", "nochmal"], env: Self.at("2026-11-06", "09:25")).status != 0)
        #expect(try cli.ok(["payments", "list", "--invoice", "2026-000002"]).contains("doppelt gebucht"))

        // Queries: open, overdue (2026-000002 was due on 9 November), per customer.
        #expect(try states(cli, ["--open"], env: Self.at("2026-11-23")).keys.sorted() == ["2026-000002"])
        #expect(try states(cli, ["--overdue", "--customer", "K1002"], env: Self.at("2026-11-23")) == ["2026-000002": "partiallyPaid"])
        #expect(try states(cli, ["--overdue", "--customer", "K1001"], env: Self.at("2026-11-23")).isEmpty)
        #expect(try states(cli, ["--issued", "2026-11"], env: Self.at("2026-11-23")).count == 4)
        #expect(try states(cli, ["--issued", "2026-10"], env: Self.at("2026-11-23")).isEmpty, "October's invoices were issued in November")
        #expect(try cli.ok(["invoice", "list", "--open"], env: Self.at("2026-11-23")).contains("partiallyPaid"), "the table for people")

        // An unmatched credit is listed at any time, also after a re-import, and can be assigned.
        let statement = CLI.fixture("bank/camt053-kontoauszug.xml")
        #expect(try cli.run(["payments", "import", statement], env: Self.at("2026-11-13")).status == 1)
        #expect(try cli.run(["payments", "import", statement], env: Self.at("2026-11-13", "10:00")).stderr.contains("still unmatched"))
        let unmatched = try json(cli, ["payments", "list", "--unmatched"], env: Self.at("2026-11-13", "10:05"))["payments"].items
        #expect(unmatched.count == 1 && unmatched.first?["left"] == .integer(10_000) && unmatched.first?["remittance"] == .string("Vorauszahlung Adresspflege"))
        let credit = try #require(unmatched.first?["id"].integer.map { String($0) })
        #expect(try cli.ok(["payments", "assign", credit, "2026-000002"], env: Self.at("2026-11-13", "10:10")).contains("customer's credit"))
        #expect(try json(cli, ["payments", "list", "--unmatched"], env: Self.at("2026-11-13", "10:15"))["payments"].items.isEmpty)

        // Open items need no DATEV settings; their sum is the DATEV balance of the debtor accounts.
        let config = cli.environment["ROBINSON_CONFIG"]
        cli.environment["ROBINSON_CONFIG"] = nil
        let listOnDay = try json(cli, ["open-items", "--date", "2026-11-30"], env: Self.at("2026-12-01"))
        cli.environment["ROBINSON_CONFIG"] = config
        #expect(FileManager.default.fileExists(atPath: cli.root + "/billing/offene-posten-2026-11-30.csv"))
        let total = try #require(listOnDay["summary"]["open"].integer)
        #expect(listOnDay["items"].items.contains { $0["open"].integer.map { $0 < 0 } == true }, "the credit is a negative item")
        try cli.ok(["export", "datev", "--issued", "2026-11"], env: Self.at("2026-12-01"))
        let datev = try DatevFile(path: cli.root + "/billing/2026-11/EXTF_Buchungsstapel_2026-11.csv")
        #expect(total == datev.debtorBalance, "open items \(total) vs DATEV \(datev.debtorBalance)")
        #expect(datev.rows.contains { $0.text.hasPrefix("Storno Zahlung 2026-000002") && $0.reversal })
        #expect(datev.rows.contains { $0.text.hasPrefix("Zuordnung Zahlung") && $0.account == 1590 })
    }
}

/// A Buchungsstapel read back: each booking's amount in cents, side, accounts, Generalumkehr and text.
struct DatevFile {
    struct Row {
        var cents: Int64
        var debit: Bool
        var account: Int
        var contra: Int
        var reversal: Bool
        var text: String
    }

    let rows: [Row]

    init(path: String) throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let text = String(decoding: bytes.map { UInt16($0) }, as: UTF16.self)
        let lines = text.components(separatedBy: "\r\n").dropLast()
        let names = lines[lines.startIndex + 1].components(separatedBy: ";")
        let gu = names.firstIndex(of: "\"Generalumkehr (GU)\"")!
        rows = lines.dropFirst(2).map { line in
            let fields = line.components(separatedBy: ";")
            let amount = fields[0].replacingOccurrences(of: ",", with: "")
            return Row(cents: Int64(amount)!, debit: fields[1] == "\"S\"", account: Int(fields[6])!, contra: Int(fields[7])!,
                       reversal: fields[gu] == "\"1\"", text: fields[13].trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
        }
    }

    /// Debit minus credit over the debtor accounts (five digits at account length 4), reversals negated, in cents.
    var debtorBalance: Int64 {
        rows.map { row -> Int64 in
            let sign: Int64 = (row.debit ? 1 : -1) * (row.reversal ? -1 : 1)
            var total: Int64 = 0
            if row.account >= 10_000 { total += sign * row.cents }
            if row.contra >= 10_000 { total -= sign * row.cents }
            return total
        }.reduce(0, +)
    }
}
