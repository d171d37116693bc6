import Foundation
import Formats
import GRDB
import Store
import Testing
@testable import MasterData
import TestSupport

/// A fresh state database and the fixture files.
final class MasterDataFixture: @unchecked Sendable {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static func fixture(_ name: String) -> String { packageRoot + "/Fixtures/" + name }

    let folder: String
    let database: StateDatabase
    var now = ISO8601DateFormatter().date(from: "2026-11-23T08:00:00Z")!

    init() throws {
        folder = try TemporaryFolders.make("robinson-md")
        database = try StateDatabase(path: folder + "/state.sqlite")
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    var target: MasterDataImport { MasterDataImport(database: database, actor: "test@host", now: now) }

    func importFixtures() throws {
        _ = try PlanImport(target).run(path: Self.fixture("plans.csv"))
        _ = try CustomerImport(target).run(path: Self.fixture("customers.csv"))
        _ = try MandateImport(target).run(path: Self.fixture("mandates.csv"))
    }

    /// Writes `text` to a file in the fixture folder and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        let path = folder + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func counts() throws -> [Int] {
        try database.read { db in
            try ["plan", "customer", "mandate", "auditEntry"].map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)")! }
        }
    }
}

@Suite("Master data imports")
struct MasterDataImportTests {
    @Test("the fixtures import: plans, customers with billing data, mandates with IBANs in electronic form")
    func fixtures() throws {
        let fixture = try MasterDataFixture()
        try fixture.importFixtures()
        #expect(try fixture.counts() == [4, 4, 3, 11])
        let (k1001, mandate, plan) = try fixture.database.read { db in
            (try Customer.fetchOne(db, key: "K1001")!, try Mandate.fetchOne(db, key: "K1001-M01")!, try Plan.fetchOne(db, key: "basis")!)
        }
        #expect(k1001.street == "Große Elbstraße 7a")
        #expect(k1001.paymentMethod == .sepa)
        #expect(k1001.vatId == "DE987654321")
        #expect(k1001.lists == "post,telefon,mobil,email")
        #expect(mandate.iban == "DE89370400440532013000")
        #expect(mandate.used)
        #expect(plan.monthlyFeeCents == 4_900 && plan.pricePerThousandCents == 450 && plan.includedRecords == 0)
        #expect(plan.packageSize == 1_500 && plan.vatBasisPoints == 1_900 && plan.dueDays == 7)
    }

    @Test("re-importing unchanged files changes and audits nothing; a changed IBAN is audited without the IBAN")
    func reimport() throws {
        let fixture = try MasterDataFixture()
        try fixture.importFixtures()
        let before = try fixture.counts()
        let again = try MandateImport(fixture.target).run(path: MasterDataFixture.fixture("mandates.csv"))
        #expect(again.unchanged.count == 3)
        #expect(try CustomerImport(fixture.target).run(path: MasterDataFixture.fixture("customers.csv")).report.unchanged.count == 4)
        #expect(try fixture.counts() == before)

        let changed = try String(contentsOfFile: MasterDataFixture.fixture("mandates.csv"), encoding: .utf8)
            .replacingOccurrences(of: "DE75512108001245126199", with: "DE02120300000000202051")
        let report = try MandateImport(fixture.target).run(path: try fixture.file("mandates.csv", changed))
        #expect(report.updated == ["K1004-M01"])
        let entry = try fixture.database.read { db in
            try AuditEntry.order(AuditEntry.Columns.id.desc).fetchOne(db)!
        }
        #expect(entry.action == "mandate.update")
        #expect(entry.detail == "iban changed")
        #expect(!entry.detail.contains("DE02"))
    }

    @Test("a re-import does not forget that a mandate was used")
    func usedSticks() throws {
        let fixture = try MasterDataFixture()
        try fixture.importFixtures()
        try fixture.database.write { db in try db.execute(sql: "UPDATE mandate SET used = 1, lastCollectedOn = '2026-11-10' WHERE reference = 'K1003-B2B-01'") }
        _ = try MandateImport(fixture.target).run(path: MasterDataFixture.fixture("mandates.csv"))
        let mandate = try fixture.database.read { db in try Mandate.fetchOne(db, key: "K1003-B2B-01")! }
        #expect(mandate.used && mandate.lastCollectedOn == "2026-11-10")
    }

    static let mandateHeader = "reference;customer;iban;bic;signed_on;scheme;used;status\n"
    static let goodMandate = "K1001-M09;K1001;DE89370400440532013000;;2025-01-01;CORE;no;active\n"

    @Test("a bad mandate line names line and field, and nothing of the file is imported", arguments: [
        ("K1001-X;K1001;DE8937040044053201300;;2025-01-01;CORE;;", "iban", "IBANs from DE have 22"),        // too short
        ("K1001-X;K1001;DE88370400440532013000;;2025-01-01;CORE;;", "iban", "check digits"),               // wrong check digits
        ("K1001-X;K1001;XX89370400440532013000;;2025-01-01;CORE;;", "iban", "not a SEPA country"),          // unknown country
        ("K1001-X;K1001;DE89_3704_0044_0532_0130_00;;2025-01-01;CORE;;", "iban", "contains"),               // bad character
        ("K1001-X;K1001;;;2025-01-01;CORE;;", "iban", "missing"),                                           // missing
        ("K1001-M01-0123456789-0123456789-ABCDE;K1001;DE89370400440532013000;;2025-01-01;CORE;;", "reference", "35"),
        ("K1001//M01;K1001;DE89370400440532013000;;2025-01-01;CORE;;", "reference", "//"),
        ("K1001_M01;K1001;DE89370400440532013000;;2025-01-01;CORE;;", "reference", "_"),
        ("/K1001-M01;K1001;DE89370400440532013000;;2025-01-01;CORE;;", "reference", "/"),
        ("Mandat-Müller;K1001;DE89370400440532013000;;2025-01-01;CORE;;", "reference", "ü"),
        ("K9999-M01;K9999;DE89370400440532013000;;2025-01-01;CORE;;", "customer", "does not exist"),
        ("K1001-X;K1001;DE89370400440532013000;COBADE;2025-01-01;CORE;;", "bic", "BIC"),
        ("K1001-X;K1001;DE89370400440532013000;COBA1EFFXXX;2025-01-01;CORE;;", "bic", "country code"),
        ("K1001-X;K1001;DE89370400440532013000;;2027-01-01;CORE;;", "signed_on", "future"),
        ("K1001-X;K1001;DE89370400440532013000;;01.01.2025;CORE;;", "signed_on", "YYYY-MM-DD"),
        ("K1004-X;K1004;DE89370400440532013000;;2025-01-01;B2B;;", "scheme", "consumer"),
        ("K1001-X;K1001;DE89370400440532013000;;2025-01-01;COR1;;", "scheme", "CORE or B2B"),
        ("K1001-M09;K1001;DE89370400440532013000;;2025-01-01;CORE;;", "reference", "twice"),
    ] as [(String, String, String)])
    func badMandate(line: String, field: String, message: String) throws {
        let fixture = try MasterDataFixture()
        try fixture.importFixtures()
        let before = try fixture.counts()
        let path = try fixture.file("mandates-bad.csv", Self.mandateHeader + Self.goodMandate + line + "\n")
        let error = try #require(throws: MasterDataError.self) { try MandateImport(fixture.target).run(path: path) }
        #expect(error.line == 3)
        #expect(error.field == field)
        #expect(error.description.contains(message), "\(error)")
        #expect(error.description.contains("mandates-bad.csv, line 3, field \(field)"))
        #expect(error.description.contains("Nothing was imported"))
        #expect(try fixture.counts() == before)
    }

    static let customerHeader = "id;name;street;postcode;city;country;invoice_email;notify_email;vat_id;tax_number;type;payment_method;plan;contract_start;lists;buyer_reference;status;output_compression\n"
    static let goodCustomer = "K2001;Gut GmbH;Weg 1;10115;Berlin;DE;a@gut.example;;;12/345/67890;business;transfer;basis;2026-01-01;post;;;\n"

    @Test("a bad customer line names line and field, and nothing of the file is imported", arguments: [
        ("K2002;;Weg 2;10115;Berlin;DE;a@b.example;;;;business;transfer;basis;2026-01-01;post;;;", "name", "missing"),
        ("K2002;Firma;;10115;Berlin;DE;a@b.example;;;;business;transfer;basis;2026-01-01;post;;;", "street", "missing"),
        ("K2002;Firma;Weg 2;1011;Berlin;DE;a@b.example;;;;business;transfer;basis;2026-01-01;post;;;", "postcode", "five digits"),
        ("K2002;Firma;Weg 2;10115;Berlin;DEU;a@b.example;;;;business;transfer;basis;2026-01-01;post;;;", "country", "ISO 3166"),
        ("K2002;Firma;Weg 2;10115;Berlin;DE;kein-at.example;;;;business;transfer;basis;2026-01-01;post;;;", "invoice_email", "not an e-mail"),
        ("K2002;Firma;Weg 2;10115;Berlin;DE;a@b.example;x@;;;business;transfer;basis;2026-01-01;post;;;", "notify_email", "not an e-mail"),
        ("K2002;Firma;Weg 2;10115;Berlin;DE;a@b.example;;DE12345678;;business;transfer;basis;2026-01-01;post;;;", "vat_id", "9 digits"),
        ("K2002;Firma;Weg 2;10115;Berlin;DE;a@b.example;;;;firma;transfer;basis;2026-01-01;post;;;", "type", "business, consumer"),
        ("K2002;Firma;Weg 2;10115;Berlin;DE;a@b.example;;;;business;bar;basis;2026-01-01;post;;;", "payment_method", "sepa, transfer"),
        ("K2002;Firma;Weg 2;10115;Berlin;DE;a@b.example;;;;business;transfer;gold;2026-01-01;post;;;", "plan", "does not exist"),
        ("K2002;Firma;Weg 2;10115;Berlin;DE;a@b.example;;;;business;transfer;basis;1.1.2026;post;;;", "contract_start", "YYYY-MM-DD"),
        ("K2002;Firma;Weg 2;10115;Berlin;DE;a@b.example;;;;business;transfer;basis;2026-01-01;brief;;;", "lists", "brief"),
        ("K2002;Firma;Weg 2;10115;Berlin;DE;a@b.example;;;;business;transfer;basis;2026-01-01;post;;ruhend;", "status", "active"),
        ("K 2002;Firma;Weg 2;10115;Berlin;DE;a@b.example;;;;business;transfer;basis;2026-01-01;post;;;", "id", "inbox folder"),
        ("K2001;Firma;Weg 2;10115;Berlin;DE;a@b.example;;;;business;transfer;basis;2026-01-01;post;;;", "id", "twice"),
    ] as [(String, String, String)])
    func badCustomer(line: String, field: String, message: String) throws {
        let fixture = try MasterDataFixture()
        try fixture.importFixtures()
        let before = try fixture.counts()
        let path = try fixture.file("customers-bad.csv", Self.customerHeader + Self.goodCustomer + line + "\n")
        let error = try #require(throws: MasterDataError.self) { try CustomerImport(fixture.target).run(path: path) }
        #expect(error.line == 3)
        #expect(error.field == field)
        #expect(error.description.contains(message), "\(error)")
        #expect(try fixture.counts() == before)
    }

    @Test("a header without a required column names it")
    func missingColumn() throws {
        let fixture = try MasterDataFixture()
        let path = try fixture.file("customers.csv", "id;name;lists\nK1;A;post\n")
        let error = try #require(throws: MasterDataError.self) { try CustomerImport(fixture.target).run(path: path) }
        #expect(error.line == 1)
        #expect(error.description.contains("street"))
    }

    @Test("a header that names a column twice is refused, naming it; nothing is imported")
    func duplicateColumn() throws {
        let fixture = try MasterDataFixture()
        // Before, the first `iban` was read and the second ignored without a word.
        let path = try fixture.file("mandates.csv", "reference;customer;iban;bic;signed_on;scheme;IBAN\nM-1;K1001;;COBADEFFXXX;2025-03-14;CORE;DE89370400440532013000\n")
        let error = try #require(throws: MasterDataError.self) { try MandateImport(fixture.target).run(path: path) }
        #expect(error.line == 1)
        #expect(error.field == "iban")
        #expect(error.description.contains("names the column iban twice (columns 3 and 7)"), "\(error)")
        #expect(try fixture.counts() == [0, 0, 0, 0])
    }

    static let planHeader = "id;name;monthly_fee;annual_fee;price_per_1000;package_price;package_size;included_records;vat_rate;due_days\n"

    @Test("a bad plan line names line and field", arguments: [
        ("x;X;49,00;590,00;;;;;;", "annual_fee", "not both"),
        ("x;X;;;4,50;19,90;;;;", "package_price", "not both"),
        ("x;X;;;;;;;;", "monthly_fee", "no price"),
        ("x;X;49,001;;;;;;;", "monthly_fee", "more than two decimals"),
        ("x;X;-49,00;;;;;;;", "monthly_fee", "negative"),
        ("x;X;;;;19,90;0;;;", "package_size", "whole number"),
        ("x;X;49,00;;;;;;19,123;", "vat_rate", "not a percentage"),
        ("x;X;49,00;;;;;;;120", "due_days", "0 to 90"),
    ] as [(String, String, String)])
    func badPlan(line: String, field: String, message: String) throws {
        let fixture = try MasterDataFixture()
        let path = try fixture.file("plans-bad.csv", Self.planHeader + "ok;OK;49,00;;;;;;;\n" + line + "\n")
        let error = try #require(throws: MasterDataError.self) { try PlanImport(fixture.target).run(path: path) }
        #expect(error.line == 3)
        #expect(error.field == field)
        #expect(error.description.contains(message), "\(error)")
        #expect(try fixture.counts() == [0, 0, 0, 0])
    }
}
