import Foundation
import GRDB
import Store

/// Storing issued documents: the number comes from the year's sequence in
/// the same transaction that inserts the row, so a rollback (or a crash
/// before the commit) returns the number, and nothing ever leaves a gap.
enum InvoiceStorage {
    static func encode(_ document: InvoiceDocument) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(document)
    }

    static func decode(_ record: InvoiceRecord) throws -> InvoiceDocument {
        try JSONDecoder().decode(InvoiceDocument.self, from: record.document)
    }

    /// Takes the next number of the issue year and inserts the document; inside the caller's transaction.
    static func insert(in db: Database, kind: InvoiceRecord.Kind, serviceMonth: YearMonth, issueDate: CalendarDate,
                       numbering: (InvoiceNumber) -> InvoiceDocument, mandateReference: String?, cancels: String?,
                       state: PaymentState, now: Date) throws -> InvoiceRecord {
        let number = InvoiceNumber(year: issueDate.year, sequence: try db.nextInvoiceSequence(year: issueDate.year))
        let document = numbering(number)
        let vat = document.vat
        var collectionDate: String?
        if case .directDebit(let debit) = document.payment { collectionDate = debit.collectionDate.isoString }
        let record = InvoiceRecord(
            number: number.description, year: number.year, sequence: number.sequence, kind: kind,
            customerId: document.customerId, serviceMonth: serviceMonth.isoString, issueDate: issueDate.isoString,
            dueDate: document.dueDate.isoString, netCents: vat.net.cents, vatCents: vat.vat.cents, grossCents: vat.gross.cents,
            paymentMethod: paymentMethod(document.payment), mandateReference: mandateReference, collectionDate: collectionDate,
            cancels: cancels, paymentState: state, document: try encode(document), createdAt: now)
        try record.insert(db)
        try PendingRegister.mark(record.serviceMonth, in: db)
        return record
    }

    static func paymentMethod(_ payment: PaymentTerms) -> InvoiceRecord.PaymentMethod {
        switch payment {
        case .directDebit: .sepa
        case .transfer: .transfer
        case .settlement: .settlement
        }
    }
}
