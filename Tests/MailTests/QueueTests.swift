import Foundation
import GRDB
import Mail
import Store
import Testing
import TestSupport

/// A state database, mail folders and a sendmail stand-in that records what it is given.
final class QueueFixture: @unchecked Sendable {
    let folder: String
    let database: StateDatabase
    let now = ISO8601DateFormatter().date(from: "2026-11-23T08:00:00Z")!

    init() throws {
        folder = try TemporaryFolders.make("mailqueue")
        try FileManager.default.createDirectory(atPath: folder + "/state", withIntermediateDirectories: true)
        database = try StateDatabase(path: folder + "/state/robinson.sqlite")
        try """
        #!/bin/sh
        if [ -e "\(folder)/fail" ]; then echo "connection refused" >&2; exit 75; fi
        if [ -e "\(folder)/slow" ]; then sleep 0.3; fi
        cat > "$(mktemp -p "\(folder)/delivered")"
        """.write(toFile: folder + "/sendmail", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: folder + "/delivered", withIntermediateDirectories: true)
        chmod(folder + "/sendmail", 0o755)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func queue(sendmail: String? = nil) -> MailQueue {
        let fixed = now
        return MailQueue(database: database, outgoing: folder + "/mail/outgoing", sent: folder + "/mail/sent",
                         sendmail: Sendmail(sendmail ?? folder + "/sendmail -t -i"), actor: "test@host", clock: { fixed })
    }

    /// What sendmail was given, one message per call.
    var deliveries: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/delivered")) ?? []
        return names.compactMap { try? String(contentsOfFile: folder + "/delivered/" + $0, encoding: .utf8) }
    }

    func mail(_ key: String) throws -> OutgoingMail? { try database.read { try OutgoingMail.fetchOne($0, key: key) } }

    func setState(_ key: String, _ state: OutgoingMail.State) throws {
        try database.write { db in try OutgoingMail.filter(key: key).updateAll(db, OutgoingMail.Columns.state.set(to: state)) }
    }

    func touch(_ name: String) { _ = FileManager.default.createFile(atPath: folder + "/" + name, contents: nil) }
    func remove(_ name: String) { try? FileManager.default.removeItem(atPath: folder + "/" + name) }

    func invoiceMessage(_ number: String, to: String? = "buchhaltung@kunde.example") -> MailMessage {
        let from = MailAddress(parsing: "Rechnungen <rechnung@abgleich.example>")!
        return MailMessage(from: from, to: to.flatMap { MailAddress(parsing: $0) }.map { [$0] } ?? [], subject: "Rechnung \(number)", date: now,
                           messageId: MailMessage.messageId(for: "invoice:\(number)", from: from), text: "Anbei Ihre Rechnung.\n",
                           attachments: [MailAttachment(fileName: "\(number)-K1001-rechnung.pdf", mediaType: "application/pdf", content: [0x25, 0x50, 0x44, 0x46])])
    }
}

@Suite("Exactly-once mail queue", .serialized)
struct QueueTests {
    @Test func queuedOnceSentOnceArchived() throws {
        let f = try QueueFixture()
        let queue = f.queue()
        #expect(try queue.send(f.invoiceMessage("2026-000042"), key: "invoice:2026-000042", kind: .invoice, reference: "2026-000042", name: "invoice-2026-000042"))
        #expect(!(try queue.send(f.invoiceMessage("2026-000042"), key: "invoice:2026-000042", kind: .invoice, reference: "2026-000042", name: "invoice-2026-000042")),
                "the same key is queued once")
        #expect(queue.deliverPending().isEmpty)
        #expect(queue.deliverPending().isEmpty)
        #expect(f.deliveries.count == 1)
        #expect(f.deliveries.first?.contains("Subject: Rechnung 2026-000042") == true)
        let mail = try #require(try f.mail("invoice:2026-000042"))
        #expect(mail.state == .sent && mail.attempts == 1)
        #expect(mail.messagePath == f.folder + "/mail/sent/invoice-2026-000042.eml")
        #expect(FileManager.default.fileExists(atPath: mail.messagePath))
        #expect(!FileManager.default.fileExists(atPath: f.folder + "/mail/outgoing/invoice-2026-000042.eml"))
        let mode = (try FileManager.default.attributesOfItem(atPath: mail.messagePath)[.posixPermissions] as! NSNumber).intValue
        #expect(mode == 0o600)
    }

    @Test func aFailedHandOverStaysQueuedAndIsRetried() throws {
        let f = try QueueFixture()
        let queue = f.queue()
        try queue.send(f.invoiceMessage("2026-000043"), key: "invoice:2026-000043", kind: .invoice, reference: "2026-000043", name: "invoice-2026-000043")
        f.touch("fail")
        let problems = queue.deliverPending()
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("connection refused") == true, "\(problems)")
        #expect(try f.mail("invoice:2026-000043")?.state == .queued)
        #expect(try queue.attention().map(\.key) == ["invoice:2026-000043"])
        f.remove("fail")
        #expect(queue.deliverPending().isEmpty)
        #expect(f.deliveries.count == 1)
        #expect(try f.mail("invoice:2026-000043")?.attempts == 2)
        #expect(try queue.attention().isEmpty)
    }

    /// A run died between `sending` and the result: the message is never sent again on its own.
    @Test func anInterruptedHandOverBecomesUnknownUntilSettled() throws {
        let f = try QueueFixture()
        let queue = f.queue()
        try queue.send(f.invoiceMessage("2026-000044"), key: "invoice:2026-000044", kind: .invoice, reference: "2026-000044", name: "invoice-2026-000044")
        try queue.send(f.invoiceMessage("2026-000045"), key: "invoice:2026-000045", kind: .invoice, reference: "2026-000045", name: "invoice-2026-000045")
        try f.setState("invoice:2026-000044", .sending)
        try f.setState("invoice:2026-000045", .sending)
        #expect(try queue.recoverInterrupted().map(\.key) == ["invoice:2026-000044", "invoice:2026-000045"])
        #expect(queue.deliverPending().isEmpty)
        #expect(f.deliveries.isEmpty, "unknown is not sent")
        #expect(try queue.attention().map(\.key) == ["invoice:2026-000044", "invoice:2026-000045"])
        #expect(try queue.recoverInterrupted().isEmpty, "found once, still listed")
        #expect(try queue.attention().count == 2)

        // Ops saw the first in the mail log: acknowledged, never sent.
        #expect(try queue.acknowledge("invoice:2026-000044").state == .acknowledged)
        // The second did not leave: sent again by hand, exactly once.
        #expect(try queue.resend("invoice:2026-000045").state == .queued)
        #expect(queue.deliverPending().isEmpty)
        #expect(f.deliveries.count == 1 && f.deliveries[0].contains("2026-000045"))
        #expect(try queue.attention().isEmpty)
        #expect(throws: MailQueueError.wrongState(key: "invoice:2026-000045", state: .sent, sentAt: f.now)) { try queue.resend("invoice:2026-000045") }
        #expect(throws: MailQueueError.unknownKey("invoice:2099-000001")) { try queue.acknowledge("invoice:2099-000001") }
        let audit = try f.database.read { try AuditEntry.filter(AuditEntry.Columns.action == "mail").order(AuditEntry.Columns.id).fetchAll($0) }
            .map { "\($0.subject) \($0.detail)" }
        #expect(audit.contains("invoice:2026-000044 hand-over to sendmail interrupted: state unknown, not sent again automatically"))
        #expect(audit.contains("invoice:2026-000044 acknowledged by hand: not sent again"))
        #expect(audit.contains("invoice:2026-000045 queued again by hand"))
        #expect(audit.contains("invoice:2026-000045 sent to buchhaltung@kunde.example"))
    }

    /// `run` and `dunning` may deliver at the same moment: each message goes out once.
    @Test func twoDeliveriesAtOnceSendEachMessageOnce() async throws {
        let f = try QueueFixture()
        for n in 46...49 {
            try f.queue().send(f.invoiceMessage("2026-0000\(n)"), key: "invoice:2026-0000\(n)", kind: .invoice, reference: "2026-0000\(n)",
                               name: "invoice-2026-0000\(n)")
        }
        f.touch("slow")
        async let first = Task.detached { f.queue().deliverPending() }.value
        async let second = Task.detached { f.queue().deliverPending() }.value
        let problems = await first + second
        #expect(problems.isEmpty, "\(problems)")
        #expect(f.deliveries.count == 4)
        #expect(try f.database.read { try OutgoingMail.filter(OutgoingMail.Columns.attempts == 1).fetchCount($0) } == 4)
    }

    @Test func withoutRecipientOrFileItIsReportedAndKept() throws {
        let f = try QueueFixture()
        let queue = f.queue()
        try queue.send(f.invoiceMessage("2026-000050", to: nil), key: "invoice:2026-000050", kind: .invoice, reference: "2026-000050", name: "invoice-2026-000050")
        try queue.send(f.invoiceMessage("2026-000051"), key: "invoice:2026-000051", kind: .invoice, reference: "2026-000051", name: "invoice-2026-000051")
        try FileManager.default.removeItem(atPath: queue.path(name: "invoice-2026-000051"))
        let problems = queue.deliverPending().map(\.message)
        #expect(problems.count == 2)
        #expect(problems[0].contains("no recipient"), "\(problems)")
        #expect(problems[1].contains("is missing"), "\(problems)")
        #expect(f.deliveries.isEmpty)
        #expect(try f.mail("invoice:2026-000050")?.state == .queued)
    }

    @Test func withoutSendmailTheFilesAreTheDelivery() throws {
        let f = try QueueFixture()
        let queue = f.queue(sendmail: "")
        try queue.send(f.invoiceMessage("2026-000052"), key: "invoice:2026-000052", kind: .invoice, reference: "2026-000052", name: "invoice-2026-000052")
        #expect(queue.deliverPending().isEmpty)
        #expect(try f.mail("invoice:2026-000052")?.state == .queued)
        #expect(FileManager.default.fileExists(atPath: queue.path(name: "invoice-2026-000052")))
    }
}
