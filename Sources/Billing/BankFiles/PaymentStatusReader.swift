import Formats
import Foundation

/// Reads a pain.002 customer payment status report (.001.03, .001.10): each
/// rejected transaction of our pain.008 becomes a rejected ``ReturnedDebit``.
/// A status applies to a transaction from the transaction, else its payment
/// information block, else the group.
struct PaymentStatusReader {
    let path: String
    let query: XMLQuery
    let digest: ContentDigest

    func read(format: BankFileFormat) throws(BankFileError) -> BankFileReport {
        guard let reported = query.string("//p:GrpHdr/p:CreDtTm").flatMap(BankValues.date) else {
            throw .badValue(path: path, line: 0, field: "GrpHdr/CreDtTm", message: "no creation date")
        }
        var entries: [BankEntry] = []
        var skipped: [SkippedEntry] = []
        let group = "//p:OrgnlGrpInfAndSts"
        let groupStatus = text("\(group)/p:GrpSts")
        let groupReason = text("\(group)/p:StsRsnInf/p:Rsn/p:Cd")
        let blocks = query.count("//p:OrgnlPmtInfAndSts")
        if blocks == 0, let groupStatus {
            skipped.append(SkippedEntry(position: "group", reason: Self.summary(groupStatus, groupReason, of: "message " + (text("\(group)/p:OrgnlMsgId") ?? ""))))
        }
        for block in stride(from: 1, through: blocks, by: 1) {
            let payment = "(//p:OrgnlPmtInfAndSts)[\(block)]"
            let blockStatus = text("\(payment)/p:PmtInfSts") ?? groupStatus
            let blockReason = text("\(payment)/p:StsRsnInf/p:Rsn/p:Cd") ?? groupReason
            let transactions = query.count("\(payment)/p:TxInfAndSts")
            if transactions == 0 {
                skipped.append(SkippedEntry(position: "payment \(block)", reason: Self.summary(
                    blockStatus ?? "none", blockReason, of: "payment information " + (text("\(payment)/p:OrgnlPmtInfId") ?? ""))))
            }
            for number in stride(from: 1, through: transactions, by: 1) {
                let transaction = "(\(payment)/p:TxInfAndSts)[\(number)]"
                let position = "payment \(block), transaction \(number)"
                let status = text("\(transaction)/p:TxSts") ?? blockStatus ?? "none"
                guard status == "RJCT" else {
                    skipped.append(SkippedEntry(position: position, reason: "status \(status), not rejected"))
                    continue
                }
                guard let endToEndId = text("\(transaction)/p:OrgnlEndToEndId") else {
                    skipped.append(SkippedEntry(position: position, reason: "rejected without OrgnlEndToEndId"))
                    continue
                }
                entries.append(.returnedDebit(ReturnedDebit(
                    endToEndId: endToEndId,
                    mandateReference: text("\(transaction)/p:OrgnlTxRef/p:MndtRltdInf/p:MndtId"),
                    amount: try amount(transaction, position: position),
                    reasonCode: text("\(transaction)/p:StsRsnInf/p:Rsn/p:Cd") ?? blockReason ?? "",
                    bookingDate: reported, valueDate: nil, stage: .rejected,
                    entryReference: text("\(transaction)/p:StsId") ?? digest.reference("\(block).\(number)"))))
            }
        }
        return BankFileReport(path: path, format: format, entries: entries, skipped: skipped)
    }

    private func text(_ xpath: String) -> String? {
        query.string(xpath)?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The instructed amount when the bank repeats it; nil when it does not.
    private func amount(_ transaction: String, position: String) throws(BankFileError) -> Money? {
        guard let raw = text("\(transaction)/p:OrgnlTxRef/p:Amt/p:InstdAmt") else { return nil }
        guard let amount = BankValues.xmlAmount(raw), amount > .zero else {
            throw .badValue(path: path, line: 0, field: "\(position) InstdAmt", message: "\"\(raw)\" is no positive amount in cents")
        }
        return amount
    }

    /// Why a block without transaction details produced nothing.
    private static func summary(_ status: String, _ reason: String?, of what: String) -> String {
        status == "RJCT"
            ? "the whole \(what) was rejected\(reason.map { " (\($0))" } ?? "") without transaction details; nothing of it was collected"
            : "status \(status) for the \(what), no transaction details"
    }
}
