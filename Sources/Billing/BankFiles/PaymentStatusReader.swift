import Formats
import Foundation

/// Reads a pain.002 customer payment status report (.001.03, .001.10): each
/// rejected transaction of our pain.008 becomes a rejected ``ReturnedDebit``.
/// A status applies to a transaction from the transaction, else its payment
/// information block, else the group. One pass over the file in schema order
/// (group, then each block's own status before its transactions), each
/// transaction expanded on its own: linear time, bounded memory.
struct PaymentStatusReader {
    let path: String
    let namespace: String
    let digest: ContentDigest

    /// The payment information block being read.
    private struct Block {
        let number: Int
        let depth: Int
        var status: String?
        var reason: String?
        var paymentInformationId: String?
        var transactions = 0
    }

    func read(_ xml: XMLStreamReader, format: BankFileFormat) throws(BankFileError) -> BankFileReport {
        var entries: [BankEntry] = []
        var skipped: [SkippedEntry] = []
        var reported: CalendarDate?
        var headerSeen = false
        var groupSeen = false
        var groupStatus: String?, groupReason: String?, groupMessage: String?
        var block: Block?
        var blocks = 0

        func creationDate() throws(BankFileError) -> CalendarDate {
            guard let reported else { throw .badValue(path: path, line: 0, field: "GrpHdr/CreDtTm", message: "no creation date") }
            return reported
        }
        func finish(_ block: Block?) {
            guard let block, block.transactions == 0 else { return }
            skipped.append(SkippedEntry(position: "payment \(block.number)", reason: Self.summary(
                block.status ?? "none", block.reason, of: "payment information " + (block.paymentInformationId ?? ""))))
        }

        while let element = try BankFile.next(xml, path: path) {
            if let open = block, element.depth <= open.depth {
                finish(open)
                block = nil
            }
            guard element.namespace == namespace else { continue }
            switch (element.localName, block) {
            case ("GrpHdr", nil) where !headerSeen:
                if let created = try BankFile.expand(xml, path: path).text("CreDtTm") {
                    headerSeen = true
                    reported = BankValues.date(created)
                }
            case ("OrgnlGrpInfAndSts", nil) where !groupSeen:
                groupSeen = true
                let group = try BankFile.expand(xml, path: path)
                groupStatus = Self.trimmed(group.text("GrpSts"))
                groupReason = Self.trimmed(group.text("StsRsnInf", "Rsn", "Cd"))
                groupMessage = Self.trimmed(group.text("OrgnlMsgId"))
            case ("OrgnlPmtInfAndSts", nil):
                _ = try creationDate()
                blocks += 1
                block = Block(number: blocks, depth: element.depth)
            case (let name, var open?) where element.depth == open.depth + 1:
                switch name {
                case "PmtInfSts": open.status = Self.trimmed(try BankFile.expand(xml, path: path).text)
                case "OrgnlPmtInfId": open.paymentInformationId = Self.trimmed(try BankFile.expand(xml, path: path).text)
                case "StsRsnInf" where open.reason == nil: open.reason = Self.trimmed(try BankFile.expand(xml, path: path).text("Rsn", "Cd"))
                case "TxInfAndSts":
                    open.transactions += 1
                    let transaction = try BankFile.expand(xml, path: path)
                    let position = "payment \(open.number), transaction \(open.transactions)"
                    let status = Self.trimmed(transaction.text("TxSts")) ?? open.status ?? groupStatus ?? "none"
                    if status != "RJCT" {
                        skipped.append(SkippedEntry(position: position, reason: "status \(status), not rejected"))
                    } else if let endToEndId = Self.trimmed(transaction.text("OrgnlEndToEndId")) {
                        entries.append(.returnedDebit(ReturnedDebit(
                            endToEndId: endToEndId,
                            mandateReference: Self.trimmed(transaction.text("OrgnlTxRef", "MndtRltdInf", "MndtId")),
                            amount: try amount(transaction, position: position),
                            reasonCode: Self.trimmed(transaction.text("StsRsnInf", "Rsn", "Cd")) ?? open.reason ?? groupReason ?? "",
                            bookingDate: try creationDate(), valueDate: nil, stage: .rejected,
                            entryReference: Self.trimmed(transaction.text("StsId")) ?? digest.reference("\(open.number).\(open.transactions)"))))
                    } else {
                        skipped.append(SkippedEntry(position: position, reason: "rejected without OrgnlEndToEndId"))
                    }
                default:
                    xml.skipContent()
                }
                block = open
            default:
                continue
            }
        }
        finish(block)
        _ = try creationDate()
        if blocks == 0, let groupStatus {
            skipped.insert(SkippedEntry(position: "group", reason: Self.summary(groupStatus, groupReason, of: "message " + (groupMessage ?? ""))), at: 0)
        }
        return BankFileReport(path: path, format: format, entries: entries, skipped: skipped)
    }

    private static func trimmed(_ text: String?) -> String? {
        text?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The instructed amount when the bank repeats it; nil when it does not.
    private func amount(_ transaction: XMLSubtree, position: String) throws(BankFileError) -> Money? {
        guard let raw = Self.trimmed(transaction.text("OrgnlTxRef", "Amt", "InstdAmt")) else { return nil }
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
