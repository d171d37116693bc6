import Formats
import Foundation
import GRDB
import Store
import Testing
@testable import Billing

/// Mandate amendments, one EndToEndId per presentation and batch booking:
/// every file the cases produce is checked by our rules and validated
/// against the DK's GBIC_5 and the ISO pain.008.001.08 schema.
@Suite("SEPA: mandate amendments, presentations, batch booking")
struct SepaAmendmentTests {
    static let october = YearMonth(year: 2026, month: 10)!
    static let november = YearMonth(year: 2026, month: 11)!
    /// Commerzbank (BLZ 37040044): the mandate's first account, and another at the same bank.
    static let firstIban = "DE89370400440532013000"
    static let sameBankIban = "DE35370400440532013099"
    /// Deutsche Kreditbank (BLZ 12030000).
    static let otherBankIban = "DE02120300000000202051"

    /// K2 SEPA CORE, October billed and collected (FRST), then November billed on 1 December.
    func debitedOnce(changing change: (BillingFixture) throws -> Void = { _ in }) throws -> BillingFixture {
        let fixture = try BillingFixture()
        fixture.settings.pain008Schemas = SepaSchemas.pain008
        try fixture.plan("M", monthly: 4_900)
        try fixture.customer("K2", plan: "M", payment: .sepa)
        try fixture.mandate("K2-M01", customer: "K2", iban: Self.firstIban)
        _ = try InvoiceRun(context: fixture.context).issue(month: Self.october)
        _ = try CollectionRun(context: fixture.context).run()
        fixture.setNow("2026-11-20T09:00:00+01:00")
        try change(fixture)
        fixture.setNow("2026-12-01T09:00:00+01:00")
        _ = try InvoiceRun(context: fixture.context).issue(month: Self.november)
        return fixture
    }

    /// What a mandates re-import does with a changed mandate.
    static func reimport(_ fixture: BillingFixture, _ reference: String, _ edit: (inout Mandate) -> Void) throws {
        try fixture.database.write { db in
            let old = try #require(try Mandate.fetchOne(db, key: reference))
            var new = old
            edit(&new)
            try new.update(db)
            try MandateHistory.recordImport(old: old, new: new, at: fixture.now, in: db)
        }
    }

    /// Runs `collect`, validates every file against both XSDs and our checks, and returns the files' queries.
    func collect(_ fixture: BillingFixture, sourceLocation: SourceLocation = #_sourceLocation) throws -> [(file: CollectionRun.File, query: XMLQuery)] {
        let schemas = try SepaSchemas.require()
        let report = try CollectionRun(context: fixture.context).run()
        return try report.files.map { file in
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file.path)))
            for schema in schemas {
                #expect(schema.violations(of: bytes) == [], "\((schema.path as NSString).lastPathComponent)", sourceLocation: sourceLocation)
            }
            #expect(Pain008Checks.check(bytes, created: fixture.context.today) == [], sourceLocation: sourceLocation)
            return (file, try XMLQuery(bytes, namespaces: ["p": Pain008Writer.namespace]))
        }
    }

    static let mandateInfo = "//p:DrctDbtTxInf/p:DrctDbtTx/p:MndtRltdInf"

    @Test("a new account at another bank: AmdmntInd and OrgnlDbtrAcct SMNDA, no OrgnlDbtrAgt, RCUR; sent once, then not again")
    func otherBank() throws {
        let fixture = try debitedOnce { try Self.reimport($0, "K2-M01") { $0.iban = Self.otherBankIban; $0.bic = "BYLADEM1001" } }
        let files = try collect(fixture)
        let file = try #require(files.first).query
        #expect(file.string(Self.mandateInfo + "/p:AmdmntInd") == "true")
        #expect(file.string(Self.mandateInfo + "/p:AmdmntInfDtls/p:OrgnlDbtrAcct/p:Id/p:Othr/p:Id") == "SMNDA")
        #expect(file.count(Self.mandateInfo + "/p:AmdmntInfDtls/p:OrgnlDbtrAgt") == 0)
        #expect(file.count(Self.mandateInfo + "/p:AmdmntInfDtls/*") == 1)
        #expect(file.string("//p:DbtrAcct/p:Id/p:IBAN") == Self.otherBankIban)
        #expect(file.string("//p:SeqTp") == "RCUR")
        let summary = try String(contentsOfFile: files[0].file.summaryPath, encoding: .utf8)
        #expect(summary.contains("2026-000002-1  Rechnung 2026-000002  RCUR  K2-M01"))
        #expect(summary.contains("Mandatsänderung: neues Konto bei anderer Bank (SMNDA)"))
        #expect(summary.contains("): 1 Lastschrift, 58,31 €"))
        let changes = try fixture.database.read { db in try MandateChange.order(MandateChange.Columns.id).fetchAll(db) }
        #expect(changes.map(\.field) == [.iban, .bic])
        #expect(changes.map(\.amendment) == [.sent, .notNeeded])
        #expect(changes[0].sentIn == "2026-000002-1")

        fixture.setNow("2027-01-04T09:00:00+01:00")
        _ = try InvoiceRun(context: fixture.context).issue(month: YearMonth(year: 2026, month: 12)!)
        let next = try #require(try collect(fixture).first).query
        #expect(next.count("//p:AmdmntInd") == 0 && next.count("//p:AmdmntInfDtls") == 0)
    }

    @Test("a new account at the same bank: OrgnlDbtrAcct carries the old IBAN")
    func sameBank() throws {
        let fixture = try debitedOnce { try Self.reimport($0, "K2-M01") { $0.iban = Self.sameBankIban } }
        let file = try #require(try collect(fixture).first).query
        #expect(file.string(Self.mandateInfo + "/p:AmdmntInfDtls/p:OrgnlDbtrAcct/p:Id/p:IBAN") == Self.firstIban)
        #expect(file.count(Self.mandateInfo + "/p:AmdmntInfDtls/p:OrgnlDbtrAcct/p:Id/p:Othr") == 0)
        #expect(file.string("//p:DbtrAcct/p:Id/p:IBAN") == Self.sameBankIban)
    }

    @Test("a mandate continued under a new reference: OrgnlMndtId, RCUR, the old invoice collected under the new mandate")
    func newReference() throws {
        let fixture = try debitedOnce { fixture in
            try fixture.database.write { db in
                let old = try #require(try Mandate.fetchOne(db, key: "K2-M01"))
                var new = old
                new.reference = "K2-M02"
                try new.insert(db)
                try MandateHistory.recordReplacement(of: old, by: new, at: fixture.now, in: db)
            }
        }
        let file = try #require(try collect(fixture).first).query
        #expect(file.string(Self.mandateInfo + "/p:MndtId") == "K2-M02")
        #expect(file.string(Self.mandateInfo + "/p:AmdmntInfDtls/p:OrgnlMndtId") == "K2-M01")
        #expect(file.count(Self.mandateInfo + "/p:AmdmntInfDtls/p:OrgnlDbtrAcct") == 0)
        #expect(file.string("//p:SeqTp") == "RCUR")
        #expect(try fixture.database.read { db in try Mandate.fetchOne(db, key: "K2-M01")?.status } == .replaced)
    }

    @Test("our creditor identifier and name changed: OrgnlCdtrSchmeId with the old ones; everything at once still validates")
    func creditorAndEverything() throws {
        let fixture = try debitedOnce { fixture in
            fixture.settings.seller?.creditorIdentifier = "DE48ZZZ08888888888"
            fixture.settings.seller?.name = "Robinson Datenabgleich GmbH"
            try Self.reimport(fixture, "K2-M01") { $0.iban = Self.otherBankIban }
        }
        let file = try #require(try collect(fixture).first).query
        let details = Self.mandateInfo + "/p:AmdmntInfDtls"
        #expect(file.string(details + "/p:OrgnlCdtrSchmeId/p:Nm") == "Robinson Abgleich GmbH")
        #expect(file.string(details + "/p:OrgnlCdtrSchmeId/p:Id/p:PrvtId/p:Othr/p:Id") == "DE98ZZZ09999999999")
        #expect(file.string(details + "/p:OrgnlCdtrSchmeId/p:Id/p:PrvtId/p:Othr/p:SchmeNm/p:Prtry") == "SEPA")
        #expect(file.string(details + "/p:OrgnlDbtrAcct/p:Id/p:Othr/p:Id") == "SMNDA")
        #expect(file.string("//p:CdtrSchmeId/p:Id/p:PrvtId/p:Othr/p:Id") == "DE48ZZZ08888888888")
        #expect(file.string("//p:Cdtr/p:Nm") == "Robinson Datenabgleich GmbH")
    }

    @Test("only the name changed: OrgnlCdtrSchmeId has the old name and no Id")
    func creditorNameOnly() throws {
        let fixture = try debitedOnce { $0.settings.seller?.name = "Robinson Datenabgleich GmbH" }
        let file = try #require(try collect(fixture).first).query
        #expect(file.string(Self.mandateInfo + "/p:AmdmntInfDtls/p:OrgnlCdtrSchmeId/p:Nm") == "Robinson Abgleich GmbH")
        #expect(file.count(Self.mandateInfo + "/p:AmdmntInfDtls/p:OrgnlCdtrSchmeId/p:Id") == 0)
    }

    @Test("no amendment for a BIC alone, nor for a mandate the bank has never seen (first debit)")
    func notNeeded() throws {
        let bicOnly = try debitedOnce { try Self.reimport($0, "K2-M01") { $0.bic = "COBADEFFXXX" } }
        #expect(try #require(try collect(bicOnly).first).query.count("//p:AmdmntInd") == 0)

        let fixture = try BillingFixture()
        fixture.settings.pain008Schemas = SepaSchemas.pain008
        try fixture.plan("M", monthly: 4_900)
        try fixture.customer("K2", plan: "M", payment: .sepa)
        try fixture.mandate("K2-M01", customer: "K2", iban: Self.firstIban)
        try Self.reimport(fixture, "K2-M01") { $0.iban = Self.otherBankIban }
        _ = try InvoiceRun(context: fixture.context).issue(month: Self.october)
        let first = try #require(try collect(fixture).first).query
        #expect(first.string("//p:SeqTp") == "FRST")
        #expect(first.count("//p:AmdmntInd") == 0)
        #expect(try fixture.database.read { db in try MandateChange.fetchOne(db)?.amendment } == .notNeeded)
    }

    @Test("each presentation has its own EndToEndId; a return finds its presentation; the amendment comes again after a return")
    func presentations() throws {
        let fixture = try debitedOnce { try Self.reimport($0, "K2-M01") { $0.iban = Self.otherBankIban } }
        let first = try #require(try collect(fixture).first).query
        #expect(first.string("//p:EndToEndId") == "2026-000002-1")
        #expect(first.count("//p:AmdmntInd") == 1)

        fixture.setNow("2026-12-14T09:00:00+01:00")
        let notice = { (id: String, entry: String) in
            ReturnNotice(endToEndId: id, amount: Money(cents: 5_831), reason: "AM04", date: day("2026-12-14"), entryReference: entry, source: "test")
        }
        // The bare invoice number was never sent: not guessed.
        let bare = try ReturnBooking(context: fixture.context).book([notice("2026-000002", "E0")])
        #expect(bare.booked.isEmpty && bare.unknown.count == 1)
        let returned = try ReturnBooking(context: fixture.context).book([notice("2026-000002-1", "E1")])
        #expect(returned.booked.map(\.invoice) == ["2026-000002"] && returned.booked[0].presentedAgain)
        #expect(try fixture.database.read { db in try MandateChange.fetchOne(db)?.amendment } == .pending)

        fixture.setNow("2026-12-15T09:00:00+01:00")
        let again = try #require(try collect(fixture).first).query
        #expect(again.string("//p:EndToEndId") == "2026-000002-2")
        #expect(again.string("//p:RmtInf/p:Ustrd")?.hasPrefix("Rechnung 2026-000002 vom 01.12.2026") == true)
        #expect(again.string(Self.mandateInfo + "/p:AmdmntInfDtls/p:OrgnlDbtrAcct/p:Id/p:Othr/p:Id") == "SMNDA")

        // A second notice for the first presentation finds nothing outstanding; one for the second books it.
        let late = try ReturnBooking(context: fixture.context).book([notice("2026-000002-1", "E2"), notice("2026-000002-2", "E3")])
        #expect(late.unknown.count == 1 && late.unknown[0].hasPrefix("2026-000002-1"))
        #expect(late.booked.map(\.invoice) == ["2026-000002"])
        let items = try fixture.database.read { db in try CollectionItem.order(CollectionItem.Columns.collectionDate).fetchAll(db) }
        #expect(items.map(\.endToEndId) == ["2026-000001-1", "2026-000002-1", "2026-000002-2"])
        #expect(items.map(\.status) == [.sent, .returned, .returned])
    }

    @Test("BtchBookg per scheme: left out by default, true or false when configured; the summary says which")
    func batchBooking() throws {
        let fixture = try BillingFixture()
        fixture.settings.pain008Schemas = SepaSchemas.pain008
        try fixture.plan("M", monthly: 4_900)
        for (customer, scheme) in [("K2", Mandate.Scheme.core), ("K3", .b2b), ("K4", .core)] {
            try fixture.customer(customer, plan: "M", payment: .sepa)
            try fixture.mandate("\(customer)-M01", customer: customer, scheme: scheme)
        }
        _ = try InvoiceRun(context: fixture.context).issue(month: Self.october)
        let agreed = try collect(fixture)
        #expect(agreed.map(\.file.scheme) == ["B2B", "CORE"])
        #expect(agreed.allSatisfy { $0.query.count("//p:BtchBookg") == 0 })
        #expect(try String(contentsOfFile: agreed[1].file.summaryPath, encoding: .utf8).contains("Buchung: Buchung wie mit der Bank vereinbart (BtchBookg nicht angegeben)"))

        fixture.settings.batchBookings = [.core: .batch, .b2b: .single]
        fixture.setNow("2026-12-01T09:00:00+01:00")
        _ = try InvoiceRun(context: fixture.context).issue(month: Self.november)
        let configured = try collect(fixture)
        #expect(configured[0].query.strings("//p:PmtInf/p:BtchBookg") == ["false"])
        #expect(configured[1].query.strings("//p:PmtInf/p:BtchBookg") == ["true"])
        #expect(try String(contentsOfFile: configured[1].file.summaryPath, encoding: .utf8).contains("Sammelbuchung je Einzugstermin angefordert (BtchBookg true)"))
        #expect(try String(contentsOfFile: configured[0].file.summaryPath, encoding: .utf8).contains("Einzelbuchung je Lastschrift angefordert (BtchBookg false)"))
    }

    @Test("tampered amendments fail our checks", arguments: [
        ("<Id>SMNDA</Id>", "<Id>NEWACCT</Id>", "must be SMNDA"),
        ("<AmdmntInd>true</AmdmntInd>", "<AmdmntInd>false</AmdmntInd>", "without AmdmntInd true"),
        ("<OrgnlMndtId>K1001-M00</OrgnlMndtId>", "<OrgnlMndtId>K1001-M01</OrgnlMndtId>", "current mandate reference"),
    ] as [(String, String, String)])
    func tamperedAmendment(original: String, replacement: String, expected: String) throws {
        var message = Pain008ChecksTests.message
        message.groups[0].debits[0].amendment = MandateAmendment(originalMandateId: "K1001-M00", originalAccount: .otherBank)
        let xml = String(decoding: Pain008Writer.xml(message), as: UTF8.self)
        #expect(Pain008Checks.check(Array(xml.utf8), created: day("2026-11-02")) == [])
        for schema in try SepaSchemas.require() { #expect(schema.violations(of: Array(xml.utf8)) == []) }
        #expect(xml.contains(original), "\(xml)")
        let problems = Pain008Checks.check(Array(xml.replacingOccurrences(of: original, with: replacement).utf8), created: day("2026-11-02"))
        #expect(problems.contains { $0.contains(expected) }, "\(problems)")
    }
}
