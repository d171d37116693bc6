import Formats
import Foundation
import Testing
@testable import Billing
import TestSupport

@Suite("bank file detection and schemas")
struct BankFileDetectionTests {
    @Test("a file that is neither XML nor the CSV is refused, naming the file")
    func unknownFile() throws {
        let path = try BankFixtures.temporary("kontoauszug.txt", "Kontoauszug Nr. 217\nSaldo 10.665,45 EUR\n")
        #expect {
            try BankFile.read(path: path)
        } throws: { error in
            guard case BankFileError.unknownFormat(let file, _) = error else { return false }
            return file == path && "\(error)".contains(path)
        }
    }

    @Test("XML of another kind and broken XML are refused, naming the file")
    func otherXML() throws {
        let invoice = try BankFixtures.temporary("invoice.xml", #"<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>"#)
        #expect { try BankFile.read(path: invoice) } throws: { error in
            if case BankFileError.unknownFormat(invoice, _) = error { true } else { false }
        }
        let broken = try BankFixtures.temporary("broken.xml", "<Document><Ntry>")
        #expect(throws: BankFileError.malformedXML(path: broken)) { try BankFile.read(path: broken) }
        let missing = "/nonexistent/robinson/camt.xml"
        #expect { try BankFile.read(path: missing) } throws: { error in
            if case BankFileError.unreadable(missing, _) = error { true } else { false }
        }
    }

    @Test("the camt fixtures validate against the ISO schemas")
    func fixturesValidate() throws {
        guard let schemas = BankFixtures.schemas else { return }
        for (name, schema) in [("camt054-ruecklastschriften.xml", "camt.054.001.08"), ("camt054-001-02.xml", "camt.054.001.02"),
                               ("camt053-kontoauszug.xml", "camt.053.001.08")] {
            let validator = try XMLSchema(path: "\(schemas)/\(schema).xsd")
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: BankFixtures.path(name))))
            #expect(validator.violations(of: bytes) == [], "\(name)")
        }
    }

    @Test("with a schema folder, a camt file that breaks its schema is refused")
    func schemaViolation() throws {
        guard let schemas = BankFixtures.schemas else { return }
        let xml = """
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn>
            <GrpHdr><MsgId>X</MsgId></GrpHdr></BkToCstmrDbtCdtNtfctn></Document>
            """
        let path = try BankFixtures.temporary("invalid.xml", xml)
        #expect { try BankFile.read(path: path, schemas: schemas) } throws: { error in
            if case BankFileError.schemaViolation(path, "camt.054.001.08.xsd", let violations) = error { !violations.isEmpty } else { false }
        }
        // Without the folder the same file is read (and holds nothing).
        #expect(try BankFile.read(path: path).entries.isEmpty)
    }

    @Test("a schema folder without the version's XSD is a typed error")
    func schemaMissing() throws {
        let folder = try TemporaryFolders.make("no-schemas")
        #expect { try BankFile.read(path: BankFixtures.path("camt054-001-02.xml"), schemas: folder) } throws: { error in
            if case BankFileError.schemaUnavailable = error { true } else { false }
        }
    }
}
