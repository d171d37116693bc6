import Formats
import Foundation
import GRDB
import Store
import Testing
@testable import Billing

@Suite("SEPA collection (pain.008.001.08)")
struct CollectionRunTests {
    static let october = YearMonth(year: 2026, month: 10)!

    /// K1 transfer, K2 SEPA CORE, K3 SEPA B2B with a long name with umlauts; October billed on 2 November.
    func billedOctober() throws -> BillingFixture {
        let fixture = try BillingFixture()
        fixture.settings.pain008Schemas = SepaSchemas.pain008
        try fixture.plan("M", monthly: 4_900, perThousand: 450)
        try fixture.customer("K1", plan: "M")
        try fixture.customer("K2", plan: "M", payment: .sepa)
        try fixture.mandate("K2-M01", customer: "K2")
        try fixture.customer("K3", plan: "M", payment: .sepa)
        try fixture.database.write { db in
            try db.execute(sql: "UPDATE customer SET name = ? WHERE id = 'K3'",
                           arguments: ["Müller & Söhne Großhandel für Bürobedarf und Äußerst Lange Firmennamen GmbH & Co. KG"])
            try Mandate(reference: "K3-B2B/01", customerId: "K3", iban: "DE02500105170137075030", bic: "INGDDEFFXXX",
                        signedOn: "2025-05-05", scheme: .b2b, updatedAt: fixture.now).insert(db)
        }
        try fixture.usage("K2", month: "2026-10", rows: 2_000)
        _ = try InvoiceRun(context: fixture.context).issue(month: Self.october)
        return fixture
    }

    func xml(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

    @Test("one file per scheme, valid against GBIC_5 and ISO, FRST for new mandates, on the 10th, transfer invoices left out")
    func collects() throws {
        let fixture = try billedOctober()
        let report = try CollectionRun(context: fixture.context).run()
        #expect(report.files.map(\.scheme) == ["B2B", "CORE"])
        #expect(report.skipped.isEmpty)
        for file in report.files {
            let bytes = try xml(file.path)
            #expect(file.path.contains("/billing/2026-10/sepa/pain008-ROB-"))
            for schema in SepaSchemas.pain008 { #expect(try XMLSchema(path: schema).violations(of: bytes) == [], "\(schema)") }
            #expect(Pain008Checks.check(bytes, created: day("2026-11-02")) == [])
            #expect(FileManager.default.fileExists(atPath: file.summaryPath))
        }
        let core = try XMLQuery(try xml(report.files[1].path), namespaces: ["p": Pain008Writer.namespace])
        #expect(core.string("//p:GrpHdr/p:NbOfTxs") == "1")
        // 49.00 fee + 2,000 records × 4.50 € / 1,000 = 58.00 net, 11.02 VAT.
        #expect(core.string("//p:GrpHdr/p:CtrlSum") == "69.02")
        #expect(core.string("//p:PmtInf/p:PmtTpInf/p:SeqTp") == "FRST")
        #expect(core.string("//p:PmtInf/p:PmtTpInf/p:LclInstrm/p:Cd") == "CORE")
        #expect(core.string("//p:PmtInf/p:ReqdColltnDt") == "2026-11-10")
        #expect(core.string("//p:DrctDbtTxInf/p:PmtId/p:EndToEndId") == "2026-000002-1")
        #expect(core.string("//p:MndtRltdInf/p:MndtId") == "K2-M01")
        #expect(core.string("//p:DbtrAgt/p:FinInstnId/p:Othr/p:Id") == "NOTPROVIDED")
        #expect(core.string("//p:Cdtr/p:PstlAdr/p:TwnNm") == "Berlin")
        #expect(core.string("//p:Cdtr/p:PstlAdr/p:Ctry") == "DE")
        #expect(core.string("//p:Cdtr/p:Nm") == "Robinson Abgleich GmbH")
        #expect(core.string("//p:CdtrSchmeId/p:Id/p:PrvtId/p:Othr/p:Id") == "DE98ZZZ09999999999")
        #expect(core.string("//p:RmtInf/p:Ustrd")?.hasPrefix("Rechnung 2026-000002 vom 02.11.2026") == true)
        let mandate = try fixture.database.read { db in try Mandate.fetchOne(db, key: "K2-M01")! }
        #expect(mandate.used && mandate.lastCollectedOn == "2026-11-10")
    }

    @Test("names and remittance are transliterated to the SEPA set and cut to 70 and 140")
    func transliterates() throws {
        let fixture = try billedOctober()
        let report = try CollectionRun(context: fixture.context).run()
        let b2b = try XMLQuery(try xml(report.files[0].path), namespaces: ["p": Pain008Writer.namespace])
        let name = try #require(b2b.string("//p:Dbtr/p:Nm"))
        #expect(name.hasPrefix("Mueller Soehne Grosshandel fuer Buerobedarf und AEusserst Lange"))
        #expect(name.count <= 70)
        #expect(name.allSatisfy(SepaCharacterSet.contains))
        #expect(b2b.string("//p:MndtRltdInf/p:MndtId") == "K3-B2B/01")
        #expect(b2b.string("//p:DbtrAgt/p:FinInstnId/p:BICFI") == "INGDDEFFXXX")
        let remittance = try #require(b2b.string("//p:RmtInf/p:Ustrd"))
        #expect(remittance.count <= 140 && remittance.allSatisfy(SepaCharacterSet.contains))
    }

    @Test("an invoice is collected once: a second run finds nothing; the next month's debit on a used mandate is RCUR")
    func onceThenRecurring() throws {
        let fixture = try billedOctober()
        _ = try CollectionRun(context: fixture.context).run()
        let again = try CollectionRun(context: fixture.context).run()
        #expect(again.files.isEmpty)
        #expect(try fixture.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM collectionItem") } == 2)

        fixture.setNow("2026-12-01T09:00:00+01:00")
        _ = try InvoiceRun(context: fixture.context).issue(month: YearMonth(year: 2026, month: 11)!)
        let november = try CollectionRun(context: fixture.context).run()
        let core = try XMLQuery(try xml(november.files[1].path), namespaces: ["p": Pain008Writer.namespace])
        #expect(core.string("//p:PmtInf/p:PmtTpInf/p:SeqTp") == "RCUR")
        #expect(core.string("//p:PmtInf/p:ReqdColltnDt") == "2026-12-10")
    }

    @Test("RCUR only when configured")
    func recurringOnly() throws {
        let fixture = try billedOctober()
        fixture.settings.firstDebitAsFirst = false
        let report = try CollectionRun(context: fixture.context).run()
        for file in report.files {
            #expect(try XMLQuery(try xml(file.path), namespaces: ["p": Pain008Writer.namespace]).strings("//p:SeqTp") == ["RCUR"])
        }
    }

    @Test("a file created late moves the date: never before the day after the bank receives it")
    func lateFile() throws {
        let fixture = try billedOctober()
        // Created on Friday 13 November: earliest collection is Monday 16 November (D-1 on a TARGET day).
        let report = try CollectionRun(context: fixture.context).run(fileDate: day("2026-11-13"))
        let core = try XMLQuery(try xml(report.files[1].path), namespaces: ["p": Pain008Writer.namespace])
        #expect(core.string("//p:PmtInf/p:ReqdColltnDt") == "2026-11-16")
    }

    @Test("a file that fails the checks is neither written nor recorded")
    func invalidFileNotWritten() throws {
        let fixture = try billedOctober()
        try fixture.database.write { db in
            try db.execute(sql: "UPDATE mandate SET iban = 'DE00370400440532013000' WHERE reference = 'K2-M01'")
        }
        #expect(throws: CollectionError.self) { try CollectionRun(context: fixture.context).run() }
        #expect(try fixture.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM collection") } == 0)
        #expect(try fixture.database.read { db in try Bool.fetchOne(db, sql: "SELECT used FROM mandate WHERE reference = 'K2-M01'") } == false)
        #expect(!FileManager.default.fileExists(atPath: fixture.root + "/billing/2026-10/sepa"))
    }

    @Test("unusable and expired mandates are reported, not collected")
    func unusableMandate() throws {
        let fixture = try billedOctober()
        try fixture.database.write { db in
            try db.execute(sql: "UPDATE mandate SET status = 'unusable' WHERE reference = 'K2-M01'")
            try db.execute(sql: "UPDATE mandate SET signedOn = '2023-01-01', lastCollectedOn = '2023-10-10' WHERE reference = 'K3-B2B/01'")
        }
        let report = try CollectionRun(context: fixture.context).run()
        #expect(report.files.isEmpty)
        #expect(report.skipped.map(\.invoice) == ["2026-000002", "2026-000003"])
        #expect(report.skipped[0].reason.contains("unusable"))
        #expect(report.skipped[1].reason.contains("36 months"))
    }

    @Test("a stored file whose writing was interrupted is written by the next run, byte for byte")
    func completesStoredFile() throws {
        let fixture = try billedOctober()
        let report = try CollectionRun(context: fixture.context).run()
        let path = report.files[1].path
        let before = try xml(path)
        try FileManager.default.removeItem(atPath: path)
        try fixture.database.write { db in try db.execute(sql: "UPDATE collection SET writtenAt = NULL") }
        let next = try CollectionRun(context: fixture.context).run()
        #expect(next.files.isEmpty)
        #expect(Set(next.completed) == Set(report.files.map(\.messageId)))
        #expect(try xml(path) == before)
    }
}

@Suite("pain.008 checks")
struct Pain008ChecksTests {
    static let message: DirectDebitMessage = {
        let creditor = DirectDebitMessage.Creditor(
            name: .name("Robinson Abgleich GmbH"), street: SepaText("Friedrichstraße 123"), postcode: SepaText("10117"),
            town: SepaText("Berlin"), country: "DE", iban: "DE02120300000000202051", bic: "BYLADEM1001", creditorIdentifier: "DE98ZZZ09999999999")
        let debit = DirectDebitMessage.Debit(
            endToEndId: "2026-000001-1", invoiceNumber: "2026-000001", amount: Money(cents: 11_906), mandateReference: "K1001-M01", mandateSignedOn: day("2025-02-20"),
            debtorName: .name("Versandhaus Nord GmbH"), debtorIban: "DE89370400440532013000", debtorBic: nil,
            remittance: .remittance("Rechnung 2026-000001"))
        var second = debit
        second.endToEndId = "2026-000002-1"
        second.invoiceNumber = "2026-000002"
        second.amount = Money(cents: 1)
        return DirectDebitMessage(
            messageId: "ROB-20261102080000-CORE-0001", created: Date(timeIntervalSince1970: 1_793_602_800), scheme: .core, creditor: creditor,
            groups: [.init(id: "ROB-20261102080000-CORE-0001-1", collectionDate: day("2026-11-10"), sequenceType: .recurring, debits: [debit, second])])
    }()

    @Test("a correct message passes our checks and both XSDs")
    func valid() throws {
        let xml = Pain008Writer.xml(Self.message)
        #expect(Pain008Checks.check(xml, created: day("2026-11-02")) == [])
        for schema in SepaSchemas.pain008 { #expect(try XMLSchema(path: schema).violations(of: xml) == []) }
    }

    @Test("tampered messages fail our checks", arguments: [
        ("<NbOfTxs>2</NbOfTxs>\n      <CtrlSum>119.07</CtrlSum>", "<NbOfTxs>3</NbOfTxs>\n      <CtrlSum>119.07</CtrlSum>", "NbOfTxs"),
        ("<CtrlSum>119.07</CtrlSum>\n      <InitgPty>", "<CtrlSum>119.08</CtrlSum>\n      <InitgPty>", "CtrlSum"),
        ("<EndToEndId>2026-000001-1</EndToEndId>", "<EndToEndId>2026//000001</EndToEndId>", "identifier"),
        ("<EndToEndId>2026-000002-1</EndToEndId>", "<EndToEndId>2026-000001-1</EndToEndId>", "appears twice"),
        ("<ReqdColltnDt>2026-11-10</ReqdColltnDt>", "<ReqdColltnDt>2026-11-08</ReqdColltnDt>", "TARGET"),
        ("<ReqdColltnDt>2026-11-10</ReqdColltnDt>", "<ReqdColltnDt>2026-11-02</ReqdColltnDt>", "not after"),
        ("<Nm>Versandhaus Nord GmbH</Nm>", "<Nm>Versandhaus Nörd GmbH</Nm>", "character set"),
        ("<IBAN>DE89370400440532013000</IBAN>", "<IBAN>DE88370400440532013000</IBAN>", "IBAN"),
        ("<Ctry>DE</Ctry>", "", "TwnNm and Ctry"),
        ("<InstdAmt Ccy=\"EUR\">0.01</InstdAmt>", "<InstdAmt Ccy=\"EUR\">0.00</InstdAmt>", "outside"),
    ] as [(String, String, String)])
    func tampered(original: String, replacement: String, expected: String) {
        let xml = String(decoding: Pain008Writer.xml(Self.message), as: UTF8.self)
        #expect(xml.contains(original), "the message must contain the text to tamper with")
        let problems = Pain008Checks.check(Array(xml.replacingOccurrences(of: original, with: replacement).utf8), created: day("2026-11-02"))
        #expect(problems.contains { $0.contains(expected) }, "\(problems)")
    }
}
