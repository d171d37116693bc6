import Formats
import Foundation
import GRDB
import Store
import Testing
@testable import MasterData

/// What a mandates import writes to a mandate's history, for the amendment the next debit carries.
@Suite("Mandate history on import")
struct MandateHistoryImportTests {
    static let header = "reference;customer;iban;bic;signed_on;scheme;used;status;replaces\n"
    static let k1001 = "K1001-M01;K1001;DE89370400440532013000;COBADEFFXXX;2025-02-20;CORE;yes;active;\n"

    func changes(_ fixture: MasterDataFixture) throws -> [MandateChange] {
        try fixture.database.read { db in try MandateChange.order(MandateChange.Columns.id).fetchAll(db) }
    }

    @Test("a new IBAN is pending for the next debit, a new BIC is history only; the same file again records nothing")
    func accountChange() throws {
        let fixture = try MasterDataFixture()
        try fixture.importFixtures()
        let path = try fixture.file("m.csv", Self.header + "K1001-M01;K1001;DE02120300000000202051;BYLADEM1001;2025-02-20;CORE;yes;active;\n")
        _ = try MandateImport(fixture.target).run(path: path)
        _ = try MandateImport(fixture.target).run(path: path)
        let changes = try changes(fixture)
        #expect(changes.map(\.field) == [.iban, .bic])
        #expect(changes.map(\.amendment) == [.pending, .notNeeded])
        #expect(changes[0].oldValue == "DE89370400440532013000" && changes[0].newValue == "DE02120300000000202051")
        #expect(changes.allSatisfy { $0.mandateReference == "K1001-M01" })
    }

    @Test("replaces: the new mandate continues the old one (used, history), the old one is replaced; again changes nothing")
    func replacement() throws {
        let fixture = try MasterDataFixture()
        try fixture.importFixtures()
        try fixture.database.write { db in
            try Mandate.filter(key: "K1001-M01").updateAll(db, Mandate.Columns.lastCollectedOn.set(to: "2026-11-10"),
                                                           Mandate.Columns.creditorIdentifier.set(to: "DE98ZZZ09999999999"))
        }
        let path = try fixture.file("m.csv", Self.header + Self.k1001
            + "K1001-M02;K1001;DE02120300000000202051;;2025-02-20;CORE;no;active;K1001-M01\n")
        let report = try MandateImport(fixture.target).run(path: path)
        #expect(report.inserted == ["K1001-M02"])
        let (old, new) = try fixture.database.read { db in
            (try Mandate.fetchOne(db, key: "K1001-M01")!, try Mandate.fetchOne(db, key: "K1001-M02")!)
        }
        #expect(old.status == .replaced)
        #expect(new.status == .active && new.used && new.lastCollectedOn == "2026-11-10" && new.creditorIdentifier == "DE98ZZZ09999999999")
        #expect(try changes(fixture).map { "\($0.field.rawValue) \($0.oldValue)→\($0.newValue) \($0.amendment.rawValue)" } == [
            "reference K1001-M01→K1001-M02 pending", "iban DE89370400440532013000→DE02120300000000202051 pending",
        ])
        let again = try MandateImport(fixture.target).run(path: path)
        #expect(again.inserted.isEmpty && again.updated.isEmpty)
        #expect(try changes(fixture).count == 2)
        #expect(try fixture.database.read { db in try Mandate.fetchOne(db, key: "K1001-M01")!.status } == .replaced)
    }

    @Test("a bad replaces names line and field, and nothing is imported", arguments: [
        ("K1001-M02;K1001;DE89370400440532013000;;2025-02-20;CORE;;;K1001-M99", "does not exist"),
        ("K1003-M02;K1003;DE89370400440532013000;;2025-02-20;CORE;;;K1001-M01", "belongs to another customer"),
        ("K1001-M01;K1001;DE89370400440532013000;;2025-02-20;CORE;;;K1001-M01", "cannot replace itself"),
        ("K1004-M01;K1004;DE75512108001245126199;;2023-12-15;CORE;yes;;K1004-M00", "does not exist"),
        ("K1001-M02;K1001;DE89370400440532013000;;2025-02-20;CORE;;replaced;", "not a status"),
    ])
    func badReplaces(line: String, message: String) throws {
        let fixture = try MasterDataFixture()
        try fixture.importFixtures()
        let path = try fixture.file("bad.csv", Self.header + line + "\n")
        let error = try #require(throws: MasterDataError.self) { try MandateImport(fixture.target).run(path: path) }
        #expect(error.line == 2)
        #expect(error.description.contains(message), "\(error)")
        #expect(try changes(fixture).isEmpty)
    }

    @Test("a mandate imported before cannot later claim to replace another")
    func tooLate() throws {
        let fixture = try MasterDataFixture()
        try fixture.importFixtures()
        _ = try MandateImport(fixture.target).run(path: try fixture.file("a.csv", Self.header + "K1001-M02;K1001;DE89370400440532013000;;2025-02-20;CORE;;;\n"))
        let error = try #require(throws: MasterDataError.self) {
            try MandateImport(fixture.target).run(path: try fixture.file("b.csv", Self.header + "K1001-M02;K1001;DE89370400440532013000;;2025-02-20;CORE;;;K1001-M01\n"))
        }
        #expect(error.field == "replaces")
        #expect(error.description.contains("first import"))
    }
}
