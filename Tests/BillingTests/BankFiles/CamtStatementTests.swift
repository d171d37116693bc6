import Testing
@testable import Billing

@Suite("camt.053 statement")
struct CamtStatementTests {
    @Test("three credits with their remittance and one MS03 return")
    func statement() throws {
        let report = try BankFile.read(path: BankFixtures.path("camt053-kontoauszug.xml"), schemas: BankFixtures.schemas)
        #expect(report.format == .camt053v08)
        #expect(report.skipped.isEmpty)
        #expect(report.entries.count == 4)
        #expect(report.credits.map(\.amount) == [eur(8_925), eur(8_806), eur(10_000)])
        #expect(report.credits.map(\.remittance) == ["RE 2026-000002", "2026-000002 Rest Danke", "Vorauszahlung Adresspflege"])
        #expect(report.credits.map(\.debtorName) == ["Müller Versand GmbH", "Erika Mustermann", "Hans Beispiel"])
        #expect(report.credits.map(\.endToEndId) == [nil, "MUSTERMANN-1107", nil])
        #expect(report.credits.allSatisfy { $0.bookingDate == day("2026-11-10") })
        let references = report.credits.map(\.entryReference)
        #expect(references[0] == "CB2026111000000101")
        // NtryRef is unique only within its statement, so the statement's Id qualifies it.
        #expect(references[1] == "2026-217/0002")
        #expect(references[2].hasPrefix("fnv:") && references[2].hasSuffix(":3.1"))

        #expect(report.returnedDebits == [ReturnedDebit(
            endToEndId: "2026-000005-1", mandateReference: "MNDT-000029", amount: eur(5_950), reasonCode: "MS03",
            bookingDate: day("2026-11-10"), valueDate: day("2026-11-09"), stage: .returned,
            entryReference: "CB2026111000000104")])
    }

    @Test("reading a file twice gives the same references, digests included")
    func stableReferences() throws {
        for name in ["camt053-kontoauszug.xml", "camt054-ruecklastschriften.xml", "pain002-abgelehnt.xml", "ruecklastschriften.csv"] {
            let first = try BankFile.read(path: BankFixtures.path(name)).entries.map(\.entryReference)
            let second = try BankFile.read(path: BankFixtures.path(name)).entries.map(\.entryReference)
            #expect(!first.isEmpty)
            #expect(first == second, "\(name)")
            #expect(Set(first).count == first.count, "\(name): references must be distinct")
        }
    }
}
