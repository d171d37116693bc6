import Foundation
import Formats
import GRDB
import Store

/// The files of issued documents under `billing/<service month>/`:
/// `2026-000042-K1001-rechnung.pdf` and `.xml` (XRechnung), credit notes
/// `…-rechnungskorrektur.*`. Names start with the number, so a listing shows
/// the sequence and any gap at a glance.
struct InvoiceFiles {
    let context: BillingContext

    static func baseName(number: String, customerId: String, kind: InvoiceRecord.Kind) -> String {
        "\(number)-\(customerId)-" + (kind == .invoice ? "rechnung" : "rechnungskorrektur")
    }

    /// The invoice and credit note numbers of the documents under `billing/<month>/`.
    static func numbersOnDisk(in billing: String) -> Set<String> {
        let fm = FileManager.default
        var numbers = Set<String>()
        for month in (try? fm.contentsOfDirectory(atPath: billing)) ?? [] where month.wholeMatch(of: /\d{4}-\d{2}/) != nil {
            for name in (try? fm.contentsOfDirectory(atPath: billing + "/" + month)) ?? [] {
                if let match = name.wholeMatch(of: /(\d{4}-\d{6})-.+-(rechnung|rechnungskorrektur)\.(pdf|xml)/) { numbers.insert(String(match.1)) }
            }
        }
        return numbers
    }

    func paths(for record: InvoiceRecord) -> (pdf: String, xml: String) {
        let base = context.monthFolder(record.serviceMonth) + "/" + Self.baseName(number: record.number, customerId: record.customerId, kind: record.kind)
        return (base + ".pdf", base + ".xml")
    }

    /// Writes the documents of every stored invoice whose files are not
    /// recorded as written yet (this run's, and any a crash interrupted),
    /// then records them, each with its e-mail queued (or its print copy)
    /// in the same transaction; then hands the e-mails to sendmail.
    /// Rendering is deterministic, so writing a file again gives the same
    /// bytes. Returns the numbers written and what became of them.
    @discardableResult
    func completePending() throws -> (written: [String], delivery: DeliveryReport) {
        let pending = try context.database.read { db in
            try InvoiceRecord.filter(InvoiceRecord.Columns.documentsWrittenAt == nil).order(InvoiceRecord.Columns.year, InvoiceRecord.Columns.sequence).fetchAll(db)
        }
        var report = DeliveryReport()
        guard !pending.isEmpty else {
            // Messages an interrupted command queued go out now.
            DocumentDelivery(context: context).deliver(into: &report)
            return ([], report)
        }
        for month in Set(pending.map(\.serviceMonth)) {
            try makeFolder(context.monthFolder(month))
        }
        try render(pending)
        for month in Set(pending.map(\.serviceMonth)) {
            try AtomicFile.fsyncDirectory(context.monthFolder(month))
        }
        FaultInjection.trip("billing:before-record-documents")
        let routes = try pending.map(route)
        let now = context.now
        let delivery = DocumentDelivery(context: context)
        try context.database.write { db in
            for (record, route) in zip(pending, routes) {
                try InvoiceRecord.filter(key: record.number).updateAll(db, InvoiceRecord.Columns.documentsWrittenAt.set(to: now))
                let paths = paths(for: record)
                try db.audit("invoice.write", subject: record.number,
                             detail: "\((paths.pdf as NSString).lastPathComponent), \((paths.xml as NSString).lastPathComponent)",
                             actor: context.actor, at: now)
                try delivery.record(route, in: db)
            }
        }
        for (record, route) in zip(pending, routes) {
            switch route {
            case .mail: report.mailed.append(record.number)
            case .print:
                report.printed.append(record.number)
                report.printFolder = delivery.printFolder
            case .none: break
            }
        }
        FaultInjection.trip("billing:mail-queued")
        delivery.deliver(into: &report)
        return (pending.map(\.number), report)
    }

    /// The e-mail (draft written) or print copy of one written document.
    private func route(_ record: InvoiceRecord) throws -> DocumentDelivery.Route {
        guard context.mailQueue != nil, let seller = context.settings.seller else { return .none }
        let customer = try context.database.customer(record.customerId)
        let paths = paths(for: record)
        let document = try InvoiceStorage.decode(record)
        // The attachments are the files as written, byte for byte.
        let pdf = try DocumentDelivery.attachment(paths.pdf, mediaType: "application/pdf")
        let xml = try DocumentDelivery.attachment(paths.xml, mediaType: "application/xml")
        return try DocumentDelivery(context: context).prepare(
            customer: customer, files: [paths.pdf, paths.xml],
            name: "invoice-" + record.number,
            message: { recipient in
                try DocumentMail.document(document, record: record, to: recipient, seller: seller, date: context.now, pdf: pdf, xml: xml)
            },
            key: DocumentMail.key(invoice: record.number), kind: record.kind == .invoice ? .invoice : .creditNote, reference: record.number)
    }

    /// Renders and writes in parallel; the first error wins and is rethrown.
    private func render(_ records: [InvoiceRecord]) throws {
        let failure = FirstError()
        let workers = min(context.workers, records.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < records.count, !failure.isSet {
                do {
                    try write(records[index])
                } catch {
                    failure.record(InvoiceFileError(number: records[index].number, underlying: "\(error)"))
                }
                index += workers
            }
        }
        if let error = failure.error { throw error }
    }

    private func write(_ record: InvoiceRecord) throws {
        let document = try InvoiceStorage.decode(record)
        let paths = paths(for: record)
        let xml = try context.rendering.xml(document)
        let pdf = try context.rendering.pdf(document)
        // Rendering is deterministic: after a crash the same bytes are found and kept; a file with
        // other content (a database restored from an older backup) is refused and named, never replaced.
        try AtomicFile.create(xml, at: paths.xml, syncingFolder: false)
        try AtomicFile.create(pdf, at: paths.pdf, syncingFolder: false)
    }

    func makeFolder(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }
}

/// A document of an issued invoice could not be rendered or written; the
/// invoice itself stands and the next billing command writes it again.
public struct InvoiceFileError: Error, Sendable, CustomStringConvertible {
    public let number: String
    public let underlying: String

    public var description: String {
        "invoice \(number): its documents could not be written (\(underlying)). The invoice is issued and keeps its number; "
            + "fix the cause and run `robinson bill` again, which writes the missing documents."
    }
}

/// The first error of several threads.
final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?

    var isSet: Bool { lock.withLock { stored != nil } }
    var error: (any Error)? { lock.withLock { stored } }

    func record(_ error: any Error) {
        lock.withLock { if stored == nil { stored = error } }
    }
}
