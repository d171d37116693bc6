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
            try AtomicFile.write(Array(record.document), to: record.path)
            try AtomicFile.write(Array(try summary(record).utf8), to: Self.summaryPath(record.path))
            try context.database.write { db in
                try CollectionRecord.filter(key: record.messageId).updateAll(db, CollectionRecord.Columns.writtenAt.set(to: context.now))
                try db.audit("collection.write", subject: record.messageId, detail: (record.path as NSString).lastPathComponent,
                             actor: context.actor, at: context.now)
            }
        }
        return pending.map(\.messageId)
    }

    /// A German summary beside the file: what to upload, when, and what is in it.
    func summary(_ record: CollectionRecord) throws -> String {
        let items = try context.database.read { db in
            try CollectionItem.filter(CollectionItem.Columns.messageId == record.messageId)
                .order(CollectionItem.Columns.collectionDate, CollectionItem.Columns.invoiceNumber).fetchAll(db)
        }
        var lines = [
            "SEPA-Lastschriften (pain.008.001.08), Verfahren \(record.scheme.rawValue)",
            "Datei: \((record.path as NSString).lastPathComponent)",
            "Nachrichten-ID: \(record.messageId)",
            "Anzahl: \(record.transactions), Summe: \(Money(cents: record.sumCents).germanFormatted)",
            "",
        ]
        let target = TargetCalendar()
        for date in Set(items.map(\.collectionDate)).sorted() {
            let group = items.filter { $0.collectionDate == date }
            let day = CalendarDate(iso: date)!
            // The bank must have the file one TARGET day before the collection date (D-1).
            var deadline = day.adding(days: -1)
            while !target.isBusinessDay(deadline) { deadline = deadline.adding(days: -1) }
            lines.append("Einzug am \(day.germanString) (bei der Bank einreichen bis \(deadline.germanString)): \(group.count) Lastschriften, \(Money(cents: group.map(\.amountCents).reduce(0, +)).germanFormatted)")
            for item in group {
                lines.append("  \(item.invoiceNumber)  \(item.sequenceType.rawValue)  \(item.mandateReference)  \(Money(cents: item.amountCents).germanFormatted)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
