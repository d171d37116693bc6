import Formats
import Foundation

/// Reads camt.053 statements and camt.054 notifications (.001.02 and .001.08):
/// one returned debit or credit per transaction (`TxDtls`) of each booked EUR
/// entry. One pass over the file: each entry (`Ntry`) is expanded on its own
/// and released before the next, so time is linear and memory bounded.
struct CamtReader {
    let path: String
    let namespace: String
    let digest: ContentDigest

    func read(_ xml: XMLStreamReader, format: BankFileFormat) throws(BankFileError) -> BankFileReport {
        var entries: [BankEntry] = []
        var skipped: [SkippedEntry] = []
        // The report's creation day, the booking date of last resort.
        var reportDate: CalendarDate?
        var headerSeen = false
        // The raw text of the `Id` element seen at each depth since its parent
        // opened: an entry's statement (or notification) id is its sibling's.
        var ids: [String?] = []
        var index = 0
        while let element = try BankFile.next(xml, path: path) {
            if ids.count > element.depth + 1 { ids.removeSubrange((element.depth + 1)...) }
            guard element.namespace == namespace else { continue }
            switch element.localName {
            case "GrpHdr" where !headerSeen:
                let header = try BankFile.expand(xml, path: path)
                if let created = header.text("CreDtTm") {
                    headerSeen = true
                    reportDate = BankValues.date(created)
                }
            case "Id":
                while ids.count <= element.depth { ids.append(nil) }
                ids[element.depth] = try BankFile.expand(xml, path: path).text
            case "Ntry":
                index += 1
                let entry = try BankFile.expand(xml, path: path)
                let blockId = element.depth < ids.count ? ids[element.depth] : nil
                try readEntry(entry, index, blockId: blockId, reportDate: reportDate, into: &entries, skipped: &skipped)
            default:
                continue
            }
        }
        return BankFileReport(path: path, format: format, entries: entries, skipped: skipped)
    }

    private func readEntry(
        _ entry: XMLSubtree, _ index: Int, blockId: String?, reportDate: CalendarDate?,
        into entries: inout [BankEntry], skipped: inout [SkippedEntry]
    ) throws(BankFileError) {
        let position = "entry \(index)"
        func text(_ path: String...) -> String? { entry.first(path: path)?.text.trimmingCharacters(in: .whitespacesAndNewlines) }

        let currency = entry.first("Amt")?.attribute("Ccy")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard currency == "EUR" else {
            return skipped.append(SkippedEntry(position: position, reason: "amount in \(currency), Robinson bills in EUR only"))
        }
        // .001.02 writes <Sts>BOOK</Sts>, .001.08 <Sts><Cd>BOOK</Cd></Sts>: the text is the same.
        let status = text("Sts") ?? ""
        guard status == "BOOK" else {
            return skipped.append(SkippedEntry(position: position, reason: "status \(status), not booked; it comes again when booked"))
        }
        let code = CamtEntryKind.Code(
            domain: text("BkTxCd", "Domn", "Cd"), family: text("BkTxCd", "Domn", "Fmly", "Cd"),
            subFamily: text("BkTxCd", "Domn", "Fmly", "SubFmlyCd"), proprietary: text("BkTxCd", "Prtry", "Cd"))
        let kind = CamtEntryKind(creditDebit: text("CdtDbtInd") ?? "", reversal: text("RvslInd") == "true", code: code)
        if case .other(let reason) = kind { return skipped.append(SkippedEntry(position: position, reason: reason)) }

        guard let bookingDate = text("BookgDt", "Dt").flatMap(BankValues.date) ?? text("BookgDt", "DtTm").flatMap(BankValues.date)
            ?? text("ValDt", "Dt").flatMap(BankValues.date) ?? reportDate
        else { throw .badValue(path: path, line: 0, field: "\(position) BookgDt", message: "no booking date") }
        let valueDate = text("ValDt", "Dt").flatMap(BankValues.date) ?? text("ValDt", "DtTm").flatMap(BankValues.date)
        let entryAmount = try amount(text("Amt"), field: "\(position) Amt")

        let transactions = entry.all("NtryDtls", "TxDtls")
        // The bank's entry reference, per transaction when the entry is a batch.
        let bankReference: String? = text("AcctSvcrRef") ?? text("NtryRef").map { (blockId ?? "") + "/" + $0 }
        func reference(_ details: XMLSubtree?, _ number: Int) -> String {
            if let own = details?.text("Refs", "AcctSvcrRef") { return own }
            if let bankReference { return transactions.count > 1 ? "\(bankReference)/\(number)" : bankReference }
            if let txId = details?.text("Refs", "TxId") { return txId }
            return digest.reference("\(index).\(number)")
        }

        guard !transactions.isEmpty else {
            if kind == .returnedDebit {
                return skipped.append(SkippedEntry(position: position, reason: "returned debit without transaction details: no EndToEndId to match"))
            }
            // A credit without details: the entry's own text is all the remittance there is.
            return entries.append(.credit(IncomingPayment(
                amount: entryAmount, bookingDate: bookingDate, remittance: text("AddtlNtryInf") ?? "",
                debtorName: nil, endToEndId: nil, entryReference: reference(nil, 1))))
        }
        for (offset, details) in transactions.enumerated() {
            let number = offset + 1
            let place = transactions.count > 1 ? "\(position), transaction \(number)" : position
            func detail(_ path: String...) -> String? {
                details.first(path: path)?.text.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            let amountText = detail("AmtDtls", "TxAmt", "Amt") ?? detail("Amt")
            guard amountText != nil || transactions.count == 1 else {
                skipped.append(SkippedEntry(position: place, reason: "a transaction of a batch without its own amount"))
                continue
            }
            let amount = try amountText.map { text throws(BankFileError) in try self.amount(text, field: "\(place) TxAmt") } ?? entryAmount
            let endToEndId = detail("Refs", "EndToEndId").flatMap { $0 == "NOTPROVIDED" || $0.isEmpty ? nil : $0 }
            switch kind {
            case .returnedDebit:
                guard let endToEndId else {
                    skipped.append(SkippedEntry(position: place, reason: "returned debit without EndToEndId"))
                    continue
                }
                entries.append(.returnedDebit(ReturnedDebit(
                    endToEndId: endToEndId, mandateReference: detail("Refs", "MndtId"), amount: amount,
                    reasonCode: detail("RtrInf", "Rsn", "Cd") ?? detail("RtrInf", "Rsn", "Prtry") ?? "",
                    bookingDate: bookingDate, valueDate: valueDate, stage: .returned,
                    entryReference: reference(details, number))))
            case .credit:
                let lines = details.all("RmtInf", "Ustrd").map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }
                entries.append(.credit(IncomingPayment(
                    amount: amount, bookingDate: bookingDate, remittance: lines.filter { !$0.isEmpty }.joined(separator: " "),
                    debtorName: detail("RltdPties", "Dbtr", "Nm") ?? detail("RltdPties", "Dbtr", "Pty", "Nm"),
                    endToEndId: endToEndId, entryReference: reference(details, number))))
            case .other:
                break
            }
        }
    }

    private func amount(_ text: String?, field: String) throws(BankFileError) -> Money {
        guard let text, let amount = BankValues.xmlAmount(text), amount > .zero else {
            throw .badValue(path: path, line: 0, field: field, message: "\"\(text ?? "")\" is no positive amount in cents")
        }
        return amount
    }
}
