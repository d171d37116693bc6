import Foundation
import GRDB
import Mail
import Store

/// Everything we sent a customer, oldest first: invoices and credit notes,
/// reminders and dunning letters, and the "file is ready" e-mails of their
/// jobs, each with how it went out (the mail queue's state, or `print` when
/// a copy went to the print folder because there was no e-mail address).
public enum Correspondence {
    public struct Entry: Sendable, Equatable {
        /// The document's date, or the day the message was queued.
        public var date: CalendarDate
        /// `invoice`, `creditNote`, `reminder`, `dunning`, `jobReady`.
        public var kind: String
        /// The invoice number (a letter: the invoice it is about) or the job id.
        public var document: String
        /// The dunning level of a letter.
        public var level: Int?
        /// The file, relative to the root.
        public var file: String?
        public var recipients: String?
        /// `queued`, `sending`, `sent`, `unknown`, `acknowledged` (the mail queue), `print`, or nil (only a file).
        public var delivery: String?
        public var sentAt: Date?
    }

    public static func of(customer: String, context: BillingContext) throws -> [Entry] {
        let root = (context.folder as NSString).deletingLastPathComponent
        let relative = { (path: String) in path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path }
        let printed = printedFiles(under: context.folder + "/druck")
        return try context.database.read { db in
            let invoices = try InvoiceRecord.filter(InvoiceRecord.Columns.customerId == customer)
                .order(InvoiceRecord.Columns.year, InvoiceRecord.Columns.sequence).fetchAll(db)
            let numbers = invoices.map(\.number)
            let notices = try DunningNotice.filter(numbers.contains(DunningNotice.Columns.invoiceNumber)).fetchAll(db)
            let jobs = try Job.filter(Job.Columns.customerId == customer).select(Job.Columns.id, as: String.self).fetchAll(db)
            let mails = try Dictionary(OutgoingMail.filter((numbers + jobs).contains(OutgoingMail.Columns.reference)).fetchAll(db)
                .map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
            func delivery(_ key: String, file: String?) -> (String?, String?, Date?) {
                if let mail = mails[key] { return (mail.state.rawValue, mail.recipients, mail.sentAt) }
                if let file, printed.contains((file as NSString).lastPathComponent) { return ("print", nil, nil) }
                return (nil, nil, nil)
            }
            var entries: [Entry] = []
            let files = InvoiceFiles(context: context)
            for invoice in invoices {
                guard let date = CalendarDate(iso: invoice.issueDate) else { continue }
                let pdf = files.paths(for: invoice).pdf
                let (state, recipients, sentAt) = delivery(DocumentMail.key(invoice: invoice.number), file: pdf)
                entries.append(Entry(date: date, kind: invoice.kind.rawValue, document: invoice.number, level: nil, file: relative(pdf),
                                     recipients: recipients, delivery: state, sentAt: sentAt))
            }
            for notice in notices {
                guard let date = CalendarDate(iso: notice.sentOn) else { continue }
                let (state, recipients, sentAt) = delivery(DocumentMail.key(dunning: notice.invoiceNumber, level: notice.level), file: notice.path)
                entries.append(Entry(date: date, kind: notice.level == 1 ? "reminder" : "dunning", document: notice.invoiceNumber,
                                     level: notice.level, file: relative(notice.path), recipients: recipients, delivery: state, sentAt: sentAt))
            }
            for mail in mails.values where mail.kind == .jobReady {
                entries.append(Entry(date: CalendarDate(mail.queuedAt), kind: mail.kind.rawValue, document: mail.reference, level: nil,
                                     file: relative(mail.messagePath), recipients: mail.recipients, delivery: mail.state.rawValue, sentAt: mail.sentAt))
            }
            return entries.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
        }
    }

    /// The names of the files in every day's print folder.
    static func printedFiles(under folder: String) -> Set<String> {
        var names = Set<String>()
        for day in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            for file in (try? FileManager.default.contentsOfDirectory(atPath: folder + "/" + day)) ?? [] { names.insert(file) }
        }
        return names
    }
}
