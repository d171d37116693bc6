import Foundation
import Formats
import GRDB
import Store

/// Writes stored pain.008 files (and their summaries for the accountant)
/// that are not written yet, then records them.
struct CollectionFiles {
    let context: BillingContext

    static func summaryPath(_ xmlPath: String) -> String {
        String(xmlPath.dropLast(4)) + ".txt"
    }

    @discardableResult
    func completePending() throws -> [String] {
        let pending = try context.database.read { db in
            try CollectionRecord.filter(CollectionRecord.Columns.writtenAt == nil).order(CollectionRecord.Columns.createdAt).fetchAll(db)
        }
        for record in pending {
            let folder = (record.path as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            // The stored document, byte for byte; an existing file with other content is never replaced.
            try AtomicFile.create(Array(record.document), at: record.path)
            try AtomicFile.write(Array(try summary(record).utf8), to: Self.summaryPath(record.path))
            try context.database.write { db in
                try CollectionRecord.filter(key: record.messageId).updateAll(db, CollectionRecord.Columns.writtenAt.set(to: context.now))
                try db.audit("collection.write", subject: record.messageId, detail: (record.path as NSString).lastPathComponent,
                             actor: context.actor, at: context.now)
            }
        }
        return pending.map(\.messageId)
    }

    /// The mandate amendment the debit `endToEndId` carries in the written file.
    static func amendment(of endToEndId: String, in query: XMLQuery) -> MandateAmendment? {
        let details = "//p:DrctDbtTxInf[p:PmtId/p:EndToEndId='\(endToEndId)']/p:DrctDbtTx/p:MndtRltdInf/p:AmdmntInfDtls"
        guard query.count(details) > 0 else { return nil }
        var amendment = MandateAmendment(originalMandateId: query.string(details + "/p:OrgnlMndtId"),
                                         originalCreditorName: query.string(details + "/p:OrgnlCdtrSchmeId/p:Nm").map(SepaText.init),
                                         originalCreditorId: query.string(details + "/p:OrgnlCdtrSchmeId/p:Id/p:PrvtId/p:Othr/p:Id"))
        if let iban = query.string(details + "/p:OrgnlDbtrAcct/p:Id/p:IBAN") {
            amendment.originalAccount = .sameBank(iban: iban)
        } else if query.count(details + "/p:OrgnlDbtrAcct") > 0 {
            amendment.originalAccount = .otherBank
        }
        return amendment
    }

    /// A German summary beside the file: what to upload, when, and what is in it.
    func summary(_ record: CollectionRecord) throws -> String {
        let items = try context.database.read { db in
            try CollectionItem.filter(CollectionItem.Columns.messageId == record.messageId)
                .order(CollectionItem.Columns.collectionDate, CollectionItem.Columns.invoiceNumber).fetchAll(db)
        }
        // What the file says, read from the stored file itself: it is what the bank gets.
        let written = try XMLQuery(Array(record.document), namespaces: ["p": Pain008Writer.namespace])
        let batchBooking = BatchBooking(indicator: written.string("//p:PmtInf[1]/p:BtchBookg"))
        var lines = [
            "SEPA-Lastschriften (pain.008.001.08), Verfahren \(record.scheme.rawValue)",
            "Datei: \((record.path as NSString).lastPathComponent)",
            "Nachrichten-ID: \(record.messageId)",
            "Anzahl: \(record.transactions), Summe: \(Money(cents: record.sumCents).germanFormatted)",
            "Buchung: \(batchBooking.germanText)",
            "",
        ]
        let target = TargetCalendar()
        for date in Set(items.map(\.collectionDate)).sorted() {
            let group = items.filter { $0.collectionDate == date }
            let day = CalendarDate(iso: date)!
            // The bank must have the file one TARGET day before the collection date (D-1).
            var deadline = day.adding(days: -1)
            while !target.isBusinessDay(deadline) { deadline = deadline.adding(days: -1) }
            lines.append("Einzug am \(day.germanString) (bei der Bank einreichen bis \(deadline.germanString)): \(GermanWording.count(Int64(group.count), GermanWording.directDebit)), \(Money(cents: group.map(\.amountCents).reduce(0, +)).germanFormatted)")
            for item in group {
                lines.append("  \(item.endToEndId)  Rechnung \(item.invoiceNumber)  \(item.sequenceType.rawValue)  \(item.mandateReference)  \(Money(cents: item.amountCents).germanFormatted)")
                if let amendment = Self.amendment(of: item.endToEndId, in: written) { lines.append("    \(amendment.germanSummary)") }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
