import Foundation
import Testing
@testable import Billing

/// Bank files never carry a DTD; one that does is refused before any entity
/// in it can expand (amplification, billion laughs) or read a file (XXE).
@Suite("bank files with a DTD")
struct BankFileEntityTests {
    /// A camt.054 with one returned debit whose EndToEndId is `reference`, after `doctype`.
    static func camt(doctype: String, reference: String = "2026-000001") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        \(doctype)
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn>
        <GrpHdr><MsgId>M</MsgId><CreDtTm>2026-11-05T06:12:44+01:00</CreDtTm></GrpHdr>
        <Ntfctn><Id>N</Id><Acct><Id><IBAN>DE02120300000000202051</IBAN></Id></Acct>
        <Ntry><Amt Ccy="EUR">58.41</Amt><CdtDbtInd>DBIT</CdtDbtInd><RvslInd>true</RvslInd><Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>2026-11-05</Dt></BookgDt>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>IDDT</Cd><SubFmlyCd>UPDD</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls><TxDtls><Refs><EndToEndId>\(reference)</EndToEndId></Refs><RtrInf><Rsn><Cd>AM04</Cd></Rsn></RtrInf></TxDtls></NtryDtls>
        </Ntry></Ntfctn></BkToCstmrDbtCdtNtfctn></Document>
        """
    }

    static func refuses(_ text: String, name: String = "camt.xml") throws {
        let path = try BankFixtures.temporary(name, text)
        #expect(throws: BankFileError.doctypeRefused(path: path)) { try BankFile.read(path: path) }
        #expect(throws: BankFileError.doctypeRefused(path: path)) { try BankFile.read(path: path, schemas: BankFixtures.schemas) }
    }

    @Test("one 100 KB entity referenced 20,000 times (a 200 KB file that expanded to 2 GB) is refused at once")
    func amplification() throws {
        let entity = String(repeating: "A", count: 100_000)
        let references = String(repeating: "&e;", count: 20_000)
        let text = Self.camt(doctype: "<!DOCTYPE Document [<!ENTITY e \"\(entity)\">]>", reference: references)
        #expect(text.utf8.count > 150_000 && text.utf8.count < 250_000)
        try Self.refuses(text)
    }

    @Test("billion laughs is refused")
    func billionLaughs() throws {
        var declarations = #"<!ENTITY lol0 "lol">"#
        for level in 1...9 {
            declarations += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        try Self.refuses(Self.camt(doctype: "<!DOCTYPE Document [\(declarations)]>", reference: "&lol9;"))
    }

    @Test("external entities (XXE) and parameter entities are refused")
    func externalEntities() throws {
        try Self.refuses(Self.camt(doctype: #"<!DOCTYPE Document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>"#, reference: "&xxe;"))
        try Self.refuses(Self.camt(doctype: #"<!DOCTYPE Document SYSTEM "http://bank.example/camt.dtd">"#))
        try Self.refuses(Self.camt(doctype: #"<!DOCTYPE Document [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>"#))
    }

    @Test("a DTD without entities is refused too; comments and processing instructions before the root are fine")
    func anyDoctype() throws {
        try Self.refuses(Self.camt(doctype: "<!DOCTYPE Document>"))
        try Self.refuses(Self.camt(doctype: "<!-- <Document> --><?pi x?>\n<!DOCTYPE Document>"))
        let harmless = try BankFixtures.temporary("camt.xml", Self.camt(doctype: "<!-- <!DOCTYPE in a comment --><?robinson test?>"))
        #expect(try BankFile.read(path: harmless).returnedDebits.map(\.endToEndId) == ["2026-000001"])
    }

    @Test("a DTD in a UTF-16 file is refused as well")
    func utf16() throws {
        let text = Self.camt(doctype: #"<!DOCTYPE Document [<!ENTITY e "x">]>"#, reference: "&e;")
            .replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
        let bytes: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let path = try BankFixtures.temporary("camt16.xml", bytes: bytes)
        #expect(throws: BankFileError.doctypeRefused(path: path)) { try BankFile.read(path: path) }
    }
}
