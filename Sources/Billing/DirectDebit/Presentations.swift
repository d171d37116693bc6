import GRDB
import Store

/// The presentations of invoices to the bank: each debit in a pain.008 has
/// its own EndToEndId, the invoice number and a counter (`2026-000042-1`,
/// `-2` when presented again), which is what a return names.
enum Presentations {
    /// The EndToEndId of an invoice's `count`-th presentation.
    static func endToEndId(invoice: String, presentation count: Int) -> String { "\(invoice)-\(count)" }

    /// The debit a return names: sent with this EndToEndId and not returned
    /// yet. Files written before presentations had their own ids repeated
    /// the invoice number; of those, the newest is meant.
    static func outstanding(endToEndId: String, in db: Database) throws -> CollectionItem? {
        try CollectionItem.filter(CollectionItem.Columns.endToEndId == endToEndId && CollectionItem.Columns.status == CollectionItem.Status.sent)
            .order(CollectionItem.Columns.collectionDate.desc).fetchOne(db)
    }
}
