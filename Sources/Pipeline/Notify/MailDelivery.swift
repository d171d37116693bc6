import Foundation
import Mail
import Store

/// The run's part of e-mail delivery: hands queued messages to sendmail
/// (``MailQueue``, exactly once) and says what ops must know.
public struct MailDelivery: Sendable {
    let runtime: Runtime

    public init(runtime: Runtime) { self.runtime = runtime }

    /// Tries every queued message; returns the lines ops should read.
    @discardableResult
    public func deliverPending() -> [String] {
        runtime.mailQueue.deliverPending().map(\.message)
    }

    /// Messages whose hand-over a run interrupted: reported on every run
    /// until ops acknowledge them or send them again, so the line is not
    /// lost with the run that found them.
    public func unknownMessages() -> [String] {
        let unknown = ((try? runtime.mailQueue.attention()) ?? []).filter { $0.state == .unknown }
        return unknown.map { mail in
            "e-mail \(mail.key): a run stopped while handing it to sendmail; whether it left is unknown. Check the mail log for \(mail.recipients.isEmpty ? "it" : mail.recipients), then acknowledge it or send it again; it is never sent again on its own (the message is \(mail.messagePath))"
        }
    }
}
