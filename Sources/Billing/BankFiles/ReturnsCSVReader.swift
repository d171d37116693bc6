import Formats
import Foundation

/// Reads the simple returns list `end_to_end_id;amount;reason;date` some
/// banks' portals export (amount German or plain, date ISO or DD.MM.YYYY).
struct ReturnsCSVReader {
    static let columns = ["end_to_end_id", "amount", "reason", "date"]

    let path: String
    let digest: ContentDigest

    func read() throws(BankFileError) -> BankFileReport {
        let table: CSVTable
        do {
            table = try CSVTable.read(path: path, required: Self.columns)
        } catch let error as MasterDataError {
            throw .badValue(path: path, line: error.line, field: error.field ?? "", message: error.message)
        } catch {
            throw .unreadable(path: path, reason: "\(error)")
        }
        var entries: [BankEntry] = []
        for row in table.rows {
            func bad(_ field: String, _ message: String) -> BankFileError {
                .badValue(path: path, line: row.line, field: field, message: message)
            }
            let endToEndId = row["end_to_end_id"]
            guard !endToEndId.isEmpty else { throw bad("end_to_end_id", "empty") }
            let amount: Money
            do { amount = try Money(parsing: row["amount"]) } catch { throw bad("amount", error.description) }
            // Bank exports often show debits negative; the return's size is what counts.
            guard amount != .zero else { throw bad("amount", "the amount is zero") }
            let reason = row["reason"].uppercased()
            guard reason.count == 4, reason.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                throw bad("reason", "\"\(row["reason"])\" is no four-character ISO reason code such as AM04")
            }
            guard let date = BankValues.date(row["date"]) else {
                throw bad("date", "\"\(row["date"])\" is no date; write 2026-11-03 or 03.11.2026")
            }
            entries.append(.returnedDebit(ReturnedDebit(
                endToEndId: endToEndId, mandateReference: nil, amount: amount.isNegative ? -amount : amount,
                reasonCode: reason, bookingDate: date, valueDate: nil, stage: .returned,
                entryReference: digest.reference("line \(row.line)"))))
        }
        return BankFileReport(path: path, format: .returnsCSV, entries: entries, skipped: [])
    }
}
