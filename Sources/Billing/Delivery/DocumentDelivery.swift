import Foundation
import Formats
import GRDB
import Mail
import Store

/// Delivers issued documents to the people they are for, through the same
/// exactly-once queue as the job e-mails (`Mail.MailQueue`): a document's
/// message is written as a draft before the transaction that records the
/// document, queued inside it (so a document is recorded if and only if its
/// message is queued), and handed to sendmail after the commit. A customer
/// without an e-mail address gets the document by post: a copy goes to the
/// print folder of the day, `billing/druck/YYYY-MM-DD/`.
///
/// Off when the context has no mail queue (`--no-mail`, `billing.mailDocuments: false`):
/// then the documents are only the files under `billing/`.
struct DocumentDelivery {
    let context: BillingContext

    /// A document's way to its customer, decided before its record is written.
    enum Route {
        case mail(MailMessage, path: String, key: String, kind: OutgoingMail.Kind, reference: String)
        case print(String)
        case none
    }

    var printFolder: String { context.folder + "/druck/" + context.today.isoString }

    /// The customer's address for documents, when it is a valid one.
    static func recipient(_ customer: Customer?) -> MailAddress? {
        customer?.invoiceEmail.flatMap { $0.isEmpty ? nil : MailAddress(parsing: $0) }
    }

    /// Writes the draft of a document's message, or its print copy.
    func prepare(customer: Customer?, files: [String], name: String, message: (MailAddress) throws -> MailMessage,
                 key: String, kind: OutgoingMail.Kind, reference: String) throws -> Route {
        guard let queue = context.mailQueue else { return .none }
        if let recipient = Self.recipient(customer) {
            let message = try message(recipient)
            return .mail(message, path: try queue.write(message, name: name), key: key, kind: kind, reference: reference)
        }
        try FileManager.default.createDirectory(atPath: printFolder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        for file in files where file.hasSuffix(".pdf") {
            let copy = printFolder + "/" + (file as NSString).lastPathComponent
            try AtomicFile.write(Array(try Data(contentsOf: URL(fileURLWithPath: file))), to: copy)
        }
        return .print(reference)
    }

    /// Queues a prepared message inside the caller's transaction (a print copy is audited).
    func record(_ route: Route, in db: Database) throws {
        switch route {
        case .mail(let message, let path, let key, let kind, let reference):
            try context.mailQueue?.enqueue(db, key: key, kind: kind, reference: reference, message: message, path: path)
        case .print(let reference):
            try db.audit("print", subject: reference, detail: "no invoice e-mail: copy in \(Self.relative(printFolder))",
                         actor: context.actor, at: context.now)
        case .none:
            break
        }
    }

    /// Hands the queued document messages to sendmail; returns what could not be sent (it stays queued for the next run).
    func deliver(into report: inout DeliveryReport) {
        guard let queue = context.mailQueue else { return }
        report.handedOver = queue.sendmail.isConfigured
        report.problems = queue.deliverPending { $0.kind != .jobReady }.map(\.message)
    }

    static func attachment(_ path: String, mediaType: String) throws -> MailAttachment {
        MailAttachment(fileName: (path as NSString).lastPathComponent, mediaType: mediaType,
                       content: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    static func relative(_ path: String) -> String {
        let parts = path.split(separator: "/")
        return parts.suffix(3).joined(separator: "/")
    }
}

/// What the documents of a command became: e-mails queued, copies to print, problems handing them over.
public struct DeliveryReport: Sendable, Equatable {
    /// Document references (invoice numbers, `2026-000002 Stufe 1`) whose e-mail was queued.
    public var mailed: [String] = []
    /// References copied to the print folder (customers without invoice e-mail).
    public var printed: [String] = []
    public var printFolder: String?
    /// Lines about messages sendmail did not take; they stay queued and the next `run` tries again.
    public var problems: [String] = []
    /// False when no sendmail is configured: the messages wait in `mail/outgoing/` as `.eml` files.
    public var handedOver = false

    public init() {}
}
