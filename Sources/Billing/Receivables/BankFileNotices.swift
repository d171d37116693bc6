import Foundation

/// The bank's files as notices for booking: returned debits and credit transfers.
public enum BankFileNotices {
    /// Reads `path` (camt.053/054, pain.002 or the returns CSV), validating camt
    /// files against the ISO schemas in `schemaFolder` when given.
    public static func read(path: String, schemaFolder: String?) throws -> (returns: [ReturnNotice], payments: [PaymentNotice], skipped: [String], format: String) {
        let report = try BankFile.read(path: path, schemas: schemaFolder)
        let source = "\(report.format.rawValue) \((path as NSString).lastPathComponent)"
        let returns = report.returnedDebits.map { debit in
            ReturnNotice(endToEndId: debit.endToEndId, amount: debit.amount, reason: debit.reasonCode, date: debit.bookingDate,
                         entryReference: debit.entryReference, source: source)
        }
        let payments = report.credits.map { credit in
            PaymentNotice(amount: credit.amount, date: credit.bookingDate, remittance: credit.remittance, payer: credit.debtorName,
                          entryReference: credit.entryReference, source: source)
        }
        return (returns, payments, report.skipped.map(\.description), report.format.rawValue)
    }
}
