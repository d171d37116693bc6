import Formats
import Foundation

/// Reads camt.053 statements and camt.054 notifications (.001.02 and .001.08):
/// one returned debit or credit per transaction (`TxDtls`) of each booked EUR entry.
struct CamtReader {
    let path: String
    let query: XMLQuery
    let digest: ContentDigest

    /// The report's creation day, the booking date of last resort.
    private var reportDate: CalendarDate? { query.string("//c:GrpHdr/c:CreDtTm").flatMap(BankValues.date) }

    func read(format: BankFileFormat) throws(BankFileError) -> BankFileReport {
        var entries: [BankEntry] = []
        var skipped: [SkippedEntry] = []
        let count = query.count("//c:Ntry")
        for index in 0..<count {
            try readEntry(index + 1, into: &entries, skipped: &skipped)
        }
        return BankFileReport(path: path, format: format, entries: entries, skipped: skipped)
    }

    private func readEntry(_ index: Int, into entries: inout [BankEntry], skipped: inout [SkippedEntry]) throws(BankFileError) {
        let entry = "(//c:Ntry)[\(index)]"
        let position = "entry \(index)"
        func text(_ relative: String) -> String? { query.string("\(entry)/\(relative)")?.trimmingCharacters(in: .whitespacesAndNewlines) }

        let currency = text("c:Amt/@Ccy") ?? ""
        guard currency == "EUR" else {
            return skipped.append(SkippedEntry(position: position, reason: "amount in \(currency), Robinson bills in EUR only"))
        }
        // .001.02 writes <Sts>BOOK</Sts>, .001.08 <Sts><Cd>BOOK</Cd></Sts>: the text is the same.
        let status = text("c:Sts") ?? ""
        guard status == "BOOK" else {
            return skipped.append(SkippedEntry(position: position, reason: "status \(status), not booked; it comes again when booked"))
        }
        let code = CamtEntryKind.Code(
            domain: text("c:BkTxCd/c:Domn/c:Cd"), family: text("c:BkTxCd/c:Domn/c:Fmly/c:Cd"),
            subFamily: text("c:BkTxCd/c:Domn/c:Fmly/c:SubFmlyCd"), proprietary: text("c:BkTxCd/c:Prtry/c:Cd"))
        let kind = CamtEntryKind(creditDebit: text("c:CdtDbtInd") ?? "", reversal: text("c:RvslInd") == "true", code: code)
        if case .other(let reason) = kind { return skipped.append(SkippedEntry(position: position, reason: reason)) }

        guard let bookingDate = text("c:BookgDt/c:Dt").flatMap(BankValues.date) ?? text("c:BookgDt/c:DtTm").flatMap(BankValues.date)
            ?? text("c:ValDt/c:Dt").flatMap(BankValues.date) ?? reportDate
        else { throw .badValue(path: path, line: 0, field: "\(position) BookgDt", message: "no booking date") }
        let valueDate = text("c:ValDt/c:Dt").flatMap(BankValues.date) ?? text("c:ValDt/c:DtTm").flatMap(BankValues.date)
        let entryAmount = try amount(text("c:Amt"), field: "\(position) Amt")

        let transactions = query.count("\(entry)/c:NtryDtls/c:TxDtls")
        // The bank's entry reference, per transaction when the entry is a batch.
        let bankReference: String? = text("c:AcctSvcrRef") ?? text("c:NtryRef").map { ref in
            (query.string("\(entry)/../c:Id") ?? "") + "/" + ref
        }
        func reference(_ details: String?, _ number: Int) -> String {
            if let own = details.flatMap({ query.string("\($0)/c:Refs/c:AcctSvcrRef") }) { return own }
            if let bankReference { return transactions > 1 ? "\(bankReference)/\(number)" : bankReference }
            if let txId = details.flatMap({ query.string("\($0)/c:Refs/c:TxId") }) { return txId }
            return digest.reference("\(index).\(number)")
        }

        guard transactions > 0 else {
            if kind == .returnedDebit {
                return skipped.append(SkippedEntry(position: position, reason: "returned debit without transaction details: no EndToEndId to match"))
            }
            // A credit without details: the entry's own text is all the remittance there is.
            return entries.append(.credit(IncomingPayment(
                amount: entryAmount, bookingDate: bookingDate, remittance: text("c:AddtlNtryInf") ?? "",
                debtorName: nil, endToEndId: nil, entryReference: reference(nil, 1))))
        }
        for number in 1...transactions {
            let details = "(\(entry)/c:NtryDtls/c:TxDtls)[\(number)]"
            let place = transactions > 1 ? "\(position), transaction \(number)" : position
            func detail(_ relative: String) -> String? {
                query.string("\(details)/\(relative)")?.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            let amountText = detail("c:AmtDtls/c:TxAmt/c:Amt") ?? detail("c:Amt")
            guard amountText != nil || transactions == 1 else {
                skipped.append(SkippedEntry(position: place, reason: "a transaction of a batch without its own amount"))
                continue
            }
            let amount = try amountText.map { text throws(BankFileError) in try self.amount(text, field: "\(place) TxAmt") } ?? entryAmount
            let endToEndId = detail("c:Refs/c:EndToEndId").flatMap { $0 == "NOTPROVIDED" || $0.isEmpty ? nil : $0 }
            switch kind {
            case .returnedDebit:
                guard let endToEndId else {
                    skipped.append(SkippedEntry(position: place, reason: "returned debit without EndToEndId"))
                    continue
                }
                entries.append(.returnedDebit(ReturnedDebit(
                    endToEndId: endToEndId, mandateReference: detail("c:Refs/c:MndtId"), amount: amount,
                    reasonCode: detail("c:RtrInf/c:Rsn/c:Cd") ?? detail("c:RtrInf/c:Rsn/c:Prtry") ?? "",
                    bookingDate: bookingDate, valueDate: valueDate, stage: .returned,
                    entryReference: reference(details, number))))
            case .credit:
                let lines = query.strings("\(details)/c:RmtInf/c:Ustrd").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                entries.append(.credit(IncomingPayment(
                    amount: amount, bookingDate: bookingDate, remittance: lines.filter { !$0.isEmpty }.joined(separator: " "),
                    debtorName: detail("c:RltdPties/c:Dbtr/c:Nm") ?? detail("c:RltdPties/c:Dbtr/c:Pty/c:Nm"),
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
