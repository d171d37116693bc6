import Testing
@testable import Billing

@Suite("camt.054 returned debits")
struct CamtNotificationTests {
    @Test("camt.054.001.08: two returns, the outgoing transfer left aside")
    func returnsOfVersion08() throws {
        let report = try BankFile.read(path: BankFixtures.path("camt054-ruecklastschriften.xml"), schemas: BankFixtures.schemas)
        #expect(report.format == .camt054v08)
        #expect(report.entries == [
            .returnedDebit(ReturnedDebit(
                endToEndId: "2026-000001-1", mandateReference: "K1001-M01", amount: eur(5_841), reasonCode: "AM04",
                bookingDate: day("2026-11-05"), valueDate: day("2026-11-04"), stage: .returned,
                entryReference: "2026110512345001")),
            .returnedDebit(ReturnedDebit(
                endToEndId: "2026-000003-1", mandateReference: "K1003-B2B-01", amount: eur(70_210), reasonCode: "MD07",
                bookingDate: day("2026-11-05"), valueDate: day("2026-11-05"), stage: .returned,
                entryReference: "2026110512345002")),
        ])
        #expect(report.skipped.count == 1)
        #expect(report.skipped.first?.position == "entry 3")
        #expect(report.skipped.first?.reason.contains("no returned direct debit") == true)
        #expect(report.returnedDebits.map(\.reason.mandateUnusable) == [false, true])
    }

    @Test("camt.054.001.02: one return, amount from TxAmt, proprietary code only")
    func returnOfVersion02() throws {
        let report = try BankFile.read(path: BankFixtures.path("camt054-001-02.xml"), schemas: BankFixtures.schemas)
        #expect(report.format == .camt054v02)
        #expect(report.entries == [
            .returnedDebit(ReturnedDebit(
                endToEndId: "2026-000007-1", mandateReference: "MNDT-000031", amount: eur(123_450), reasonCode: "AC04",
                bookingDate: day("2026-11-06"), valueDate: day("2026-11-06"), stage: .returned,
                entryReference: "VB20261106000077")),
        ])
        #expect(report.skipped.isEmpty)
    }

    @Test("a batch entry with three transactions gives three returns with distinct references")
    func batchEntry() throws {
        let transactions = [("2026-000011", "10.00", "AM04"), ("2026-000012", "20.50", "MD06"), ("2026-000013", "30.05", "MS03")]
            .map { id, amount, reason in
                """
                <TxDtls><Refs><EndToEndId>\(id)</EndToEndId></Refs>
                <AmtDtls><TxAmt><Amt Ccy="EUR">\(amount)</Amt></TxAmt></AmtDtls>
                <RtrInf><Rsn><Cd>\(reason)</Cd></Rsn></RtrInf></TxDtls>
                """
            }.joined()
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn>
            <GrpHdr><MsgId>B1</MsgId><CreDtTm>2026-11-05T06:00:00</CreDtTm></GrpHdr>
            <Ntfctn><Id>B1-1</Id><Acct><Id><IBAN>DE02120300000000202051</IBAN></Id></Acct>
            <Ntry><Amt Ccy="EUR">60.55</Amt><CdtDbtInd>DBIT</CdtDbtInd><RvslInd>true</RvslInd><Sts><Cd>BOOK</Cd></Sts>
            <BookgDt><Dt>2026-11-05</Dt></BookgDt><AcctSvcrRef>BATCH-77</AcctSvcrRef>
            <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>IDDT</Cd><SubFmlyCd>UPDD</SubFmlyCd></Fmly></Domn></BkTxCd>
            <NtryDtls><Btch><NbOfTxs>3</NbOfTxs></Btch>\(transactions)</NtryDtls></Ntry>
            </Ntfctn></BkToCstmrDbtCdtNtfctn></Document>
            """
        let path = try BankFixtures.temporary("batch.xml", xml)
        let returns = try BankFile.read(path: path, schemas: BankFixtures.schemas).returnedDebits
        #expect(returns.map(\.endToEndId) == ["2026-000011", "2026-000012", "2026-000013"])
        #expect(returns.map(\.amount) == [eur(1_000), eur(2_050), eur(3_005)])
        #expect(returns.map(\.reasonCode) == ["AM04", "MD06", "MS03"])
        #expect(returns.map(\.entryReference) == ["BATCH-77/1", "BATCH-77/2", "BATCH-77/3"])
    }

    @Test("an entry in another currency is skipped with the reason")
    func foreignCurrency() throws {
        let xml = """
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn>
            <GrpHdr><MsgId>U1</MsgId><CreDtTm>2026-11-05T06:00:00</CreDtTm></GrpHdr>
            <Ntfctn><Id>U1-1</Id><Acct><Id><IBAN>DE02120300000000202051</IBAN></Id></Acct>
            <Ntry><Amt Ccy="USD">60.55</Amt><CdtDbtInd>DBIT</CdtDbtInd><RvslInd>true</RvslInd><Sts><Cd>BOOK</Cd></Sts>
            <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>IDDT</Cd><SubFmlyCd>UPDD</SubFmlyCd></Fmly></Domn></BkTxCd></Ntry>
            </Ntfctn></BkToCstmrDbtCdtNtfctn></Document>
            """
        let report = try BankFile.read(path: try BankFixtures.temporary("usd.xml", xml))
        #expect(report.entries.isEmpty)
        #expect(report.skipped == [SkippedEntry(position: "entry 1", reason: "amount in USD, Robinson bills in EUR only")])
    }
}
