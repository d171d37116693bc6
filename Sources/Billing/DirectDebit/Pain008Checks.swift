import Foundation
import Formats

/// The rules a German bank applies to a pain.008 that an XSD cannot express,
/// checked on the written XML before it is stored: counts and control sums,
/// identifiers, lengths, character set, amounts, dates, one scheme per file,
/// structured creditor address. Integers only.
public enum Pain008Checks {
    public static func check(_ xml: [UInt8], created: CalendarDate) -> [String] {
        let query: XMLQuery
        do { query = try XMLQuery(xml, namespaces: ["p": Pain008Writer.namespace]) } catch { return ["not well-formed XML"] }
        var problems: [String] = []
        let root = "/p:Document/p:CstmrDrctDbtInitn"

        func amounts(_ path: String) -> [Int64]? {
            let texts = query.strings(path)
            let values = texts.compactMap(XMLAmount.cents)
            return values.count == texts.count ? values : nil
        }
        guard let all = amounts(root + "/p:PmtInf/p:DrctDbtTxInf/p:InstdAmt") else { return ["an InstdAmt is not an amount with two decimals"] }
        for amount in all where amount < 1 || amount > 99_999_999_999 {
            problems.append("InstdAmt \(amount) cents is outside 0.01 … 999,999,999.99")
        }
        if query.string(root + "/p:GrpHdr/p:NbOfTxs") != String(all.count) { problems.append("GrpHdr/NbOfTxs does not count the transactions") }
        if query.string(root + "/p:GrpHdr/p:CtrlSum").flatMap(XMLAmount.cents) != all.reduce(0, +) {
            problems.append("GrpHdr/CtrlSum is not the sum of the amounts")
        }
        let groups = query.count(root + "/p:PmtInf")
        for index in 1...max(groups, 1) where groups > 0 {
            let group = root + "/p:PmtInf[\(index)]"
            let values = amounts(group + "/p:DrctDbtTxInf/p:InstdAmt") ?? []
            if query.string(group + "/p:NbOfTxs") != String(values.count) { problems.append("PmtInf \(index): NbOfTxs wrong") }
            if query.string(group + "/p:CtrlSum").flatMap(XMLAmount.cents) != values.reduce(0, +) { problems.append("PmtInf \(index): CtrlSum wrong") }
            if let text = query.string(group + "/p:ReqdColltnDt"), let date = CalendarDate(iso: text) {
                if !TargetCalendar().isBusinessDay(date) { problems.append("PmtInf \(index): \(text) is not a TARGET business day") }
                if date <= created { problems.append("PmtInf \(index): collection date \(text) is not after the file's creation") }
            } else {
                problems.append("PmtInf \(index): ReqdColltnDt missing or not a date")
            }
            if (query.string(group + "/p:Cdtr/p:PstlAdr/p:TwnNm") ?? "").isEmpty || (query.string(group + "/p:Cdtr/p:PstlAdr/p:Ctry") ?? "").isEmpty {
                problems.append("PmtInf \(index): the creditor address needs TwnNm and Ctry")
            }
        }
        if Set(query.strings(root + "/p:PmtInf/p:PmtTpInf/p:LclInstrm/p:Cd")).count > 1 { problems.append("CORE and B2B mixed in one file") }
        let endToEndIds = query.strings("//p:EndToEndId")
        if Set(endToEndIds).count != endToEndIds.count { problems.append("an EndToEndId appears twice: a return could not name its debit") }
        problems += amendmentProblems(query)
        let identifiers = query.strings(root + "/p:GrpHdr/p:MsgId") + query.strings(root + "/p:PmtInf/p:PmtInfId")
            + endToEndIds + query.strings("//p:MndtId") + query.strings("//p:OrgnlMndtId")
        for identifier in identifiers {
            do { _ = try SepaIdentifier(identifier) } catch { problems.append("identifier '\(identifier)': \(error)") }
        }
        for name in query.strings("//p:Nm") where name.count > SepaText.nameLimit || !name.allSatisfy(SepaCharacterSet.contains) {
            problems.append("name '\(name)' is longer than 70 characters or outside the SEPA character set")
        }
        for text in query.strings("//p:Ustrd") where text.count > SepaText.remittanceLimit || !text.allSatisfy(SepaCharacterSet.contains) {
            problems.append("remittance '\(text)' is longer than 140 characters or outside the SEPA character set")
        }
        for iban in query.strings("//p:IBAN") {
            do { _ = try Iban(iban) } catch { problems.append("IBAN \(Iban.masked(iban)): \(error)") }
        }
        for bic in query.strings("//p:BICFI") {
            do { _ = try Bic(bic) } catch { problems.append("BIC \(bic): \(error)") }
        }
        for id in query.strings("//p:CdtrSchmeId/p:Id/p:PrvtId/p:Othr/p:Id") + query.strings("//p:OrgnlCdtrSchmeId/p:Id/p:PrvtId/p:Othr/p:Id") {
            do { _ = try CreditorIdentifier(id) } catch { problems.append("creditor identifier \(id): \(error)") }
        }
        return problems
    }

    /// The usage rules of the GBIC_5 annotations on mandate amendments: the
    /// indicator and the details together, only what changed, `SMNDA`
    /// without the original debtor agent, an original account that differs.
    static func amendmentProblems(_ query: XMLQuery) -> [String] {
        var problems: [String] = []
        let count = query.count("//p:DrctDbtTxInf")
        for index in 1...max(count, 1) where count > 0 {
            let transaction = "(//p:DrctDbtTxInf)[\(index)]"
            let mandate = transaction + "/p:DrctDbtTx/p:MndtRltdInf"
            let id = query.string(transaction + "/p:PmtId/p:EndToEndId") ?? "\(index)"
            let indicator = query.string(mandate + "/p:AmdmntInd")
            let details = mandate + "/p:AmdmntInfDtls"
            guard query.count(details) > 0 else {
                if indicator == "true" { problems.append("\(id): AmdmntInd true without AmdmntInfDtls") }
                continue
            }
            if indicator != "true" { problems.append("\(id): AmdmntInfDtls without AmdmntInd true") }
            if query.count(details + "/*") == 0 { problems.append("\(id): AmdmntInfDtls names no change") }
            if let original = query.string(details + "/p:OrgnlMndtId"), original == query.string(mandate + "/p:MndtId") {
                problems.append("\(id): OrgnlMndtId is the current mandate reference")
            }
            if let other = query.string(details + "/p:OrgnlDbtrAcct/p:Id/p:Othr/p:Id") {
                if other != MandateAmendment.OriginalAccount.smnda { problems.append("\(id): OrgnlDbtrAcct/Id/Othr/Id must be SMNDA, not '\(other)'") }
                if query.count(details + "/p:OrgnlDbtrAgt") > 0 { problems.append("\(id): OrgnlDbtrAgt is not used together with SMNDA") }
            }
            if let iban = query.string(details + "/p:OrgnlDbtrAcct/p:Id/p:IBAN"), iban == query.string(transaction + "/p:DbtrAcct/p:Id/p:IBAN") {
                problems.append("\(id): OrgnlDbtrAcct is the current debtor account")
            }
        }
        return problems
    }
}
