import Testing
@testable import Billing

@Suite("pain.002 rejections")
struct PaymentStatusReportTests {
    @Test("the rejected debit with its reason, amount and mandate")
    func rejected() throws {
        let report = try BankFile.read(path: BankFixtures.path("pain002-abgelehnt.xml"), schemas: BankFixtures.schemas)
        #expect(report.format == .pain002v03)
        #expect(report.entries == [
            .returnedDebit(ReturnedDebit(
                endToEndId: "2026-000006-1", mandateReference: "MNDT-000041", amount: eur(7_500), reasonCode: "AC04",
                bookingDate: day("2026-11-03"), valueDate: nil, stage: .rejected,
                entryReference: "RJCT-20261103-0042-1")),
        ])
    }

    @Test("pain.002.001.10: accepted transactions are skipped, the group's reason applies without the amount")
    func statusFromTheGroup() throws {
        let xml = """
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10"><CstmrPmtStsRpt>
            <GrpHdr><MsgId>S2</MsgId><CreDtTm>2026-11-04T09:00:00</CreDtTm></GrpHdr>
            <OrgnlGrpInfAndSts><OrgnlMsgId>M1</OrgnlMsgId><OrgnlMsgNmId>pain.008.001.08</OrgnlMsgNmId>
            <GrpSts>PART</GrpSts></OrgnlGrpInfAndSts>
            <OrgnlPmtInfAndSts><OrgnlPmtInfId>P1</OrgnlPmtInfId><PmtInfSts>RJCT</PmtInfSts>
            <StsRsnInf><Rsn><Cd>MD01</Cd></Rsn></StsRsnInf>
            <TxInfAndSts><OrgnlEndToEndId>2026-000020</OrgnlEndToEndId></TxInfAndSts>
            <TxInfAndSts><OrgnlEndToEndId>2026-000021</OrgnlEndToEndId><TxSts>ACCP</TxSts></TxInfAndSts>
            </OrgnlPmtInfAndSts></CstmrPmtStsRpt></Document>
            """
        let report = try BankFile.read(path: try BankFixtures.temporary("status.xml", xml))
        #expect(report.format == .pain002v10)
        #expect(report.returnedDebits.map(\.endToEndId) == ["2026-000020"])
        #expect(report.returnedDebits.first?.reasonCode == "MD01")
        #expect(report.returnedDebits.first?.amount == nil)
        #expect(report.returnedDebits.first?.entryReference.hasPrefix("fnv:") == true)
        #expect(report.skipped == [SkippedEntry(position: "payment 1, transaction 2", reason: "status ACCP, not rejected")])
    }
}
