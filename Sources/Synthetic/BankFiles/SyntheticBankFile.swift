/// Invented bank files of any size, for the bank-file benchmark and the tests
/// that read thousands of entries: camt.053/054 (.001.02 and .001.08, valid
/// against the ISO schemas), pain.002 (.001.03, .001.10) and the returns CSV.
/// Deterministic for a seed. Entries mix returned debits, credit transfers,
/// batch entries with several transactions, fees and pending entries, so every
/// path of the readers is taken.
public enum SyntheticBankFile {
    public enum Kind: String, Sendable, CaseIterable {
        case camt053v02 = "camt.053.001.02"
        case camt053v08 = "camt.053.001.08"
        case camt054v02 = "camt.054.001.02"
        case camt054v08 = "camt.054.001.08"
        case pain002v03 = "pain.002.001.03"
        case pain002v10 = "pain.002.001.10"
        case returnsCSV = "csv"

        var isCamt: Bool { rawValue.hasPrefix("camt") }
        var isVersion08: Bool { self == .camt053v08 || self == .camt054v08 }
    }

    /// What a reader must find in a generated file.
    public struct Expectation: Sendable, Equatable {
        /// EndToEndIds of the returned (camt, CSV) or rejected (pain.002) debits, in file order.
        public var returnedEndToEndIds: [String] = []
        /// Amounts in cents of the credit transfers, in file order.
        public var creditCents: [Int] = []
        /// Entries and transactions left aside (fees, pending, accepted).
        public var skipped = 0
    }

    /// Writes a file of `entries` entries (camt `Ntry`, pain.002 transactions, CSV lines) to `path`.
    @discardableResult
    public static func write(_ kind: Kind, entries: Int, seed: UInt64 = 1, to path: String) throws(SyntheticFileError) -> Expectation {
        let writer = try BufferedFileWriter(path: path)
        var expectation = Expectation()
        var random = SplitMix64(seed: seed)
        switch kind {
        case .returnsCSV:
            try writer.line("end_to_end_id;amount;reason;date")
            for index in 1...max(1, entries) {
                let id = endToEndId(index)
                let cents = random.within(100...99_999)
                try writer.line("\(id);\(cents / 100),\(twoDigits(cents % 100));\(random.pick(reasons));0\(random.within(1...9)).11.2026")
                expectation.returnedEndToEndIds.append(id)
            }
        case .pain002v03, .pain002v10:
            try writePaymentStatus(kind, entries: entries, random: &random, writer: writer, expectation: &expectation)
        default:
            try writeCamt(kind, entries: entries, random: &random, writer: writer, expectation: &expectation)
        }
        try writer.finish()
        return expectation
    }

    static let reasons = ["AM04", "MD06", "AC04", "MD07", "MS03", "SL01"]

    static func endToEndId(_ index: Int) -> String { "2026-" + String(1_000_000 + index).dropFirst() }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private static func amount(_ cents: Int) -> String { "\(cents / 100).\(twoDigits(cents % 100))" }

    private static func writeCamt(
        _ kind: Kind, entries: Int, random: inout SplitMix64, writer: BufferedFileWriter, expectation: inout Expectation
    ) throws(SyntheticFileError) {
        let statement = kind == .camt053v02 || kind == .camt053v08
        let (message, block) = statement ? ("BkToCstmrStmt", "Stmt") : ("BkToCstmrDbtCdtNtfctn", "Ntfctn")
        let v08 = kind.isVersion08
        try writer.line(#"<?xml version="1.0" encoding="UTF-8"?>"#)
        try writer.line(#"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:\#(kind.rawValue)"><\#(message)>"#)
        try writer.line("<GrpHdr><MsgId>SYN-\(kind.rawValue)-\(entries)</MsgId><CreDtTm>2026-11-11T05:30:00+01:00</CreDtTm></GrpHdr>")
        try writer.line("<\(block)><Id>SYN-\(entries)</Id><CreDtTm>2026-11-11T05:30:00+01:00</CreDtTm>")
        try writer.line("<Acct><Id><IBAN>DE02120300000000202051</IBAN></Id><Ccy>EUR</Ccy></Acct>")
        if statement {
            try writer.line(#"<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">10000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-10</Dt></Dt></Bal>"#)
        }
        var returned = 0
        func status(_ code: String) -> String { v08 ? "<Sts><Cd>\(code)</Cd></Sts>" : "<Sts>\(code)</Sts>" }
        func party(_ name: String) -> String { v08 ? "<RltdPties><Dbtr><Pty><Nm>\(name)</Nm></Pty></Dbtr></RltdPties>" : "<RltdPties><Dbtr><Nm>\(name)</Nm></Dbtr></RltdPties>" }
        func txAmount(_ cents: Int) -> String { #"<AmtDtls><TxAmt><Amt Ccy="EUR">\#(amount(cents))</Amt></TxAmt></AmtDtls>"# }
        let returnCode = "<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>IDDT</Cd><SubFmlyCd>UPDD</SubFmlyCd></Fmly></Domn><Prtry><Cd>NDDT+109+00931</Cd><Issr>DK</Issr></Prtry></BkTxCd>"
        let creditCode = "<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>"
        let feeCode = "<BkTxCd><Domn><Cd>ACMT</Cd><Fmly><Cd>MDOP</Cd><SubFmlyCd>CHRG</SubFmlyCd></Fmly></Domn></BkTxCd>"
        for index in 1...max(1, entries) {
            let roll = random.below(100)
            let reference = "<AcctSvcrRef>SYN\(10_000_000 + index)</AcctSvcrRef>"
            let dates = "<BookgDt><Dt>2026-11-10</Dt></BookgDt><ValDt><Dt>2026-11-09</Dt></ValDt>"
            if roll < 45 {
                // A returned direct debit, now and then a batch of two or three.
                let transactions = roll < 5 ? random.within(2...3) : 1
                var parts: [(String, Int)] = []
                for _ in 0..<transactions {
                    returned += 1
                    parts.append((endToEndId(returned), random.within(500...99_999)))
                }
                let total = parts.reduce(0) { $0 + $1.1 }
                var line = #"<Ntry><Amt Ccy="EUR">\#(amount(total))</Amt><CdtDbtInd>DBIT</CdtDbtInd><RvslInd>true</RvslInd>\#(status("BOOK"))\#(dates)\#(reference)\#(returnCode)<NtryDtls>"#
                for (id, cents) in parts {
                    line += "<TxDtls><Refs><EndToEndId>\(id)</EndToEndId><MndtId>MNDT-\(index)</MndtId></Refs>\(txAmount(cents))"
                    line += "<RtrInf><Rsn><Cd>\(random.pick(reasons))</Cd></Rsn></RtrInf></TxDtls>"
                    expectation.returnedEndToEndIds.append(id)
                }
                try writer.line(line + "</NtryDtls></Ntry>")
            } else if roll < 85 {
                let cents = random.within(100...500_000)
                let invoice = endToEndId(random.within(1...max(1, entries)))
                try writer.line(#"<Ntry><Amt Ccy="EUR">\#(amount(cents))</Amt><CdtDbtInd>CRDT</CdtDbtInd>\#(status("BOOK"))\#(dates)\#(reference)\#(creditCode)<NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>\#(party("Kunde \(index) GmbH"))<RmtInf><Ustrd>Rechnung \#(invoice)</Ustrd><Ustrd>Kd \#(index)</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>"#)
                expectation.creditCents.append(cents)
            } else if roll < 95 {
                try writer.line(#"<Ntry><Amt Ccy="EUR">\#(amount(random.within(100...2_000)))</Amt><CdtDbtInd>DBIT</CdtDbtInd>\#(status("BOOK"))\#(dates)\#(reference)\#(feeCode)<AddtlNtryInf>Kontofuehrung</AddtlNtryInf></Ntry>"#)
                expectation.skipped += 1
            } else {
                try writer.line(#"<Ntry><Amt Ccy="EUR">\#(amount(random.within(100...2_000)))</Amt><CdtDbtInd>CRDT</CdtDbtInd>\#(status("PDNG"))\#(dates)\#(creditCode)</Ntry>"#)
                expectation.skipped += 1
            }
        }
        try writer.line("</\(block)></\(message)></Document>")
    }

    private static func writePaymentStatus(
        _ kind: Kind, entries: Int, random: inout SplitMix64, writer: BufferedFileWriter, expectation: inout Expectation
    ) throws(SyntheticFileError) {
        try writer.line(#"<?xml version="1.0" encoding="UTF-8"?>"#)
        try writer.line(#"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:\#(kind.rawValue)"><CstmrPmtStsRpt>"#)
        try writer.line("<GrpHdr><MsgId>SYN-STS-\(entries)</MsgId><CreDtTm>2026-11-03T14:20:00</CreDtTm></GrpHdr>")
        try writer.line("<OrgnlGrpInfAndSts><OrgnlMsgId>ROBINSON-2026-11-02-001</OrgnlMsgId><OrgnlMsgNmId>pain.008.001.08</OrgnlMsgNmId><GrpSts>PART</GrpSts></OrgnlGrpInfAndSts>")
        // Blocks of up to 1,000 transactions, as one per sequence type and collection date.
        var index = 0
        var block = 0
        while index < max(1, entries) {
            block += 1
            try writer.line("<OrgnlPmtInfAndSts><OrgnlPmtInfId>PMT-\(block)</OrgnlPmtInfId><PmtInfSts>PART</PmtInfSts>")
            for _ in 0..<min(1_000, max(1, entries) - index) {
                index += 1
                let id = endToEndId(index)
                let rejected = random.below(100) < 80
                var line = "<TxInfAndSts><StsId>STS-\(index)</StsId><OrgnlEndToEndId>\(id)</OrgnlEndToEndId><TxSts>\(rejected ? "RJCT" : "ACCP")</TxSts>"
                if rejected { line += "<StsRsnInf><Rsn><Cd>\(random.pick(reasons))</Cd></Rsn></StsRsnInf>" }
                line += #"<OrgnlTxRef><Amt><InstdAmt Ccy="EUR">\#(amount(random.within(100...99_999)))</InstdAmt></Amt><MndtRltdInf><MndtId>MNDT-\#(index)</MndtId></MndtRltdInf></OrgnlTxRef></TxInfAndSts>"#
                try writer.line(line)
                if rejected { expectation.returnedEndToEndIds.append(id) } else { expectation.skipped += 1 }
            }
            try writer.line("</OrgnlPmtInfAndSts>")
        }
        try writer.line("</CstmrPmtStsRpt></Document>")
    }
}
