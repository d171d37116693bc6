import Foundation
import GRDB
import Mail
import Matching
import Store

/// The run's part of e-mail delivery: hands queued messages to sendmail
/// (``MailQueue``, exactly once) and says what ops must know, as conditions
/// (reported when they start, then once a day while they last).
public struct MailDelivery: Sendable {
    let runtime: Runtime

    public init(runtime: Runtime) { self.runtime = runtime }

    /// Keys of delivery problems among the run's conditions: `mail:<key>`.
    static let conditionPrefix = "mail:"
    /// Keys of interrupted hand-overs: `mail-unknown:<key>` (ops must decide; not a sendmail outage).
    static let unknownPrefix = "mail-unknown:"

    /// Tries every queued message; a job's message only while its output is
    /// still there (it would announce a download that no longer exists).
    @discardableResult
    public func deliverPending() -> [Condition] {
        readdressWaitingMessages()
        let now = runtime.now
        let current: Set<String> = (try? runtime.database.read { db in
            try Job.filter(Job.Columns.state == Job.State.done && Job.Columns.expiresAt > now)
                .select(Job.Columns.id, as: String.self).fetchSet(db)
        }) ?? []
        return runtime.mailQueue.deliverPending { $0.kind != .jobReady || current.contains($0.reference) }
            .map { Condition(key: Self.conditionPrefix + $0.key, message: $0.message) }
    }

    /// A job's message queued while the customer had no notification
    /// address is written again once the master data has one, so the next
    /// delivery sends it without anyone's help.
    private func readdressWaitingMessages() {
        let waiting = (try? runtime.database.read { db in
            try OutgoingMail.filter(OutgoingMail.Columns.state == OutgoingMail.State.queued && OutgoingMail.Columns.recipients == ""
                                    && OutgoingMail.Columns.kind == OutgoingMail.Kind.jobReady).fetchAll(db)
        }) ?? []
        for mail in waiting {
            guard let job = try? runtime.database.read({ try Job.fetchOne($0, key: mail.reference) }),
                  let customer = try? runtime.database.customer(job.customerId),
                  customer.notifyEmail.flatMap({ MailAddress(parsing: $0) }) != nil,
                  let data = FileManager.default.contents(atPath: JobFolder(work: runtime.root.work, jobId: job.id).stats),
                  let stats = try? JSONDecoder().decode(MatchStats.self, from: data),
                  let ready = try? ReadyMail(runtime: runtime, job: job, customer: customer, stats: stats)
            else { continue }
            _ = try? runtime.mailQueue.rewrite(mail.key, as: ready.message)
        }
    }

    /// Messages whose hand-over a run interrupted: they hold until ops
    /// acknowledge them or send them again, so the line is not lost with the
    /// run that found them.
    public func unknownMessages() -> [Condition] {
        let unknown = ((try? runtime.mailQueue.attention()) ?? []).filter { $0.state == .unknown }
        return unknown.map { mail in
            Condition(key: Self.unknownPrefix + mail.key, message: "e-mail \(mail.key): a run stopped while handing it to sendmail; whether it left is unknown. Check the mail log for \(mail.recipients.isEmpty ? "it" : mail.recipients), then acknowledge it or send it again; it is never sent again on its own (the message is \(mail.messagePath))")
        }
    }
}
