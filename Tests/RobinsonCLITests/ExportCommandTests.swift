import Foundation
import Testing

/// `export datev` end to end: fixtures → run → bill → export, as the accountant runs it.
@Suite("Export command", .serialized)
struct ExportCommandTests {
    static let december = ["ROBINSON_NOW": "2026-12-01T09:00:00+01:00"]

    func billedOctober() throws -> CLI {
        let cli = try BillingCommandTests().monthWithUsage()
        try cli.ok(["bill", "--period", "2026-10"], env: BillingCommandTests.billingDay)
        return cli
    }

    @Test("writes the Buchungsstapel of November (the invoices issued on 2 Nov) and today's open items")
    func exportsMonth() throws {
        let cli = try billedOctober()
        let out = try cli.ok(["export", "datev", "--issued", "2026-11"], env: Self.december)
        let path = cli.root + "/billing/2026-11/EXTF_Buchungsstapel_2026-11.csv"
        #expect(out.contains(path + " (4 bookings)"))
        #expect(out.contains(cli.root + "/billing/offene-posten-2026-12-01.csv (4 items"))
        let bytes = [UInt8](try cli.read(path))
        let text = String(decoding: bytes.map { UInt16($0) }, as: UTF16.self)
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(lines.count == 6)
        #expect(lines.first?.hasPrefix("\"EXTF\";700;21;\"Buchungsstapel\";13;20261201090000000;;\"RE\";") == true)
        #expect(lines.first?.contains(";29098;55003;20260101;4;20261101;20261130;") == true)
        let bookings = lines.dropFirst(2).map { $0.components(separatedBy: ";") }
        #expect(bookings.map { $0.count } == [125, 125, 125, 125])
        #expect(bookings.map { "\($0[1]) \($0[6]) \($0[7]) \($0[9])" } == [
            "\"S\" 11001 8400 0211", "\"S\" 11002 8400 0211", "\"S\" 11003 8400 0211", "\"S\" 11004 8400 0211",
        ])
        // "Callcenter Süd AG" in Windows-1252.
        #expect(text.contains("Callcenter Süd AG"))
        #expect(bytes.contains(0xFC) && !bytes.contains(0xC3))

        // October has no documents: an empty batch, header and columns only.
        let october = try cli.ok(["export", "datev", "--issued", "2026-10"], env: Self.december)
        #expect(october.contains("(0 bookings)"))
    }

    @Test("without consultant and client number nothing is written and the keys are named; --issued must be a month; --month is refused as ambiguous")
    func refusals() throws {
        let cli = try billedOctober()
        cli.environment["ROBINSON_CONFIG"] = nil
        let result = try cli.run(["export", "datev", "--issued", "2026-11"], env: Self.december)
        #expect(result.status == 78, "a configuration problem")
        #expect(result.stderr.contains("datev.consultantNumber, datev.clientNumber"))
        #expect(!FileManager.default.fileExists(atPath: cli.root + "/billing/2026-11/EXTF_Buchungsstapel_2026-11.csv"))
        #expect(try cli.run(["export", "datev", "--issued", "November"], env: Self.december).status == 64)
        let ambiguous = try cli.run(["export", "datev", "--month", "2026-11"], env: Self.december)
        #expect(ambiguous.status == 64 && ambiguous.stderr.contains("use --issued"))
    }
}
