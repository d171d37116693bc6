import Foundation
import Formats
import GRDB
import Store

/// The customers' e-mails, each sent at most once, none lost: a message is
/// written to `mail/outgoing/<name>.eml`, queued in the state database (in
/// the transaction of the change it reports), and handed to sendmail by
/// ``deliverPending(where:)``: `queued` → `sending` (committed before the
/// hand-over) → `sent`, then the file moves to `mail/sent/`. A run that dies
/// during a hand-over leaves `sending`; ``recoverInterrupted()`` makes it
/// `unknown`, and it stays in ``attention()`` until ops acknowledge it or
/// send it again (``acknowledge(_:)``, ``resend(_:)``).
///
/// Several processes may deliver at once (`run`, `dunning`): taking a message
/// from `queued` to `sending` is one conditional update, so only one of them
/// hands it over.
public struct MailQueue: Sendable {
    public let database: StateDatabase
    public let outgoing: String
    public let sent: String
    public let sendmail: Sendmail
    public let actor: String
    public let clock: @Sendable () -> Date

    public init(database: StateDatabase, outgoing: String, sent: String, sendmail: Sendmail, actor: String,
                clock: @escaping @Sendable () -> Date) {
        self.database = database
        self.outgoing = outgoing
        self.sent = sent
        self.sendmail = sendmail
        self.actor = actor
        self.clock = clock
    }

    /// `mail/outgoing/<name>.eml`.
    public func path(name: String) -> String { "\(outgoing)/\(name).eml" }

    // MARK: Queueing

    /// Writes `message` to `mail/outgoing/<name>.eml` (atomically, 0600).
    /// Until ``enqueue(_:key:kind:reference:message:path:)`` records it in a
    /// committed transaction the file is only a draft: writing it again is harmless.
    @discardableResult
    public func write(_ message: MailMessage, name: String) throws -> String {
        try FileManager.default.createDirectory(atPath: outgoing, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let path = path(name: name)
        try AtomicFile.write(message.rendered(), to: path)
        return path
    }

    /// Queues the message written to `path` under `key`, inside the caller's
    /// transaction. Returns false when `key` was queued before (nothing changes).
    @discardableResult
    public func enqueue(_ db: Database, key: String, kind: OutgoingMail.Kind, reference: String,
                        message: MailMessage, path: String) throws -> Bool {
        if try OutgoingMail.fetchOne(db, key: key) != nil { return false }
        let now = clock()
        let recipients = message.to.map(\.address).joined(separator: ", ")
        try OutgoingMail(key: key, kind: kind, reference: reference, recipients: recipients, subject: message.subject,
                         messagePath: path, queuedAt: now).insert(db)
        try db.audit("mail", subject: key, detail: "queued \(Self.fileName(path)) for \(recipients.isEmpty ? "no recipient" : recipients)",
                     actor: actor, at: now)
        return true
    }

    /// Writes and queues in one step, for callers without a transaction of their own.
    @discardableResult
    public func send(_ message: MailMessage, key: String, kind: OutgoingMail.Kind, reference: String, name: String) throws -> Bool {
        if try database.read({ try OutgoingMail.fetchOne($0, key: key) }) != nil { return false }
        let path = try write(message, name: name)
        return try database.write { db in try enqueue(db, key: key, kind: kind, reference: reference, message: message, path: path) }
    }

    /// Writes a queued message again, e.g. to an address the master data
    /// lacked when it was queued. Only while `queued`: once handed over, a
    /// message never changes. Returns false when it is not queued (any more).
    @discardableResult
    public func rewrite(_ key: String, as message: MailMessage) throws -> Bool {
        guard let mail = try database.read({ try OutgoingMail.fetchOne($0, key: key) }), mail.state == .queued else { return false }
        try AtomicFile.write(message.rendered(), to: mail.messagePath)
        let now = clock()
        let recipients = message.to.map(\.address).joined(separator: ", ")
        return try database.write { db in
            let changed = try OutgoingMail.filter(key: key).filter(OutgoingMail.Columns.state == OutgoingMail.State.queued)
                .updateAll(db, OutgoingMail.Columns.recipients.set(to: recipients), OutgoingMail.Columns.subject.set(to: message.subject)) == 1
            if changed { try db.audit("mail", subject: key, detail: "written again for \(recipients.isEmpty ? "no recipient" : recipients)", actor: actor, at: now) }
            return changed
        }
    }

    // MARK: Delivery

    /// A message that could not be handed over, with what to do.
    public struct Problem: Sendable, Equatable {
        public let key: String
        public let message: String
    }

    /// Marks messages left `sending` by a run that died as `unknown` (they
    /// may or may not have left), and moves files of sent messages that
    /// stayed in `mail/outgoing/`. Returns the messages marked now.
    @discardableResult
    public func recoverInterrupted() throws -> [OutgoingMail] {
        let now = clock()
        let interrupted = try database.write { db -> [OutgoingMail] in
            let stuck = try OutgoingMail.filter(OutgoingMail.Columns.state == OutgoingMail.State.sending).fetchAll(db)
            for mail in stuck {
                try OutgoingMail.filter(key: mail.key).updateAll(db, OutgoingMail.Columns.state.set(to: OutgoingMail.State.unknown))
                try db.audit("mail", subject: mail.key, detail: "hand-over to sendmail interrupted: state unknown, not sent again automatically",
                             actor: actor, at: now)
            }
            return stuck
        }
        let strays = try database.read { db in
            try OutgoingMail.filter(OutgoingMail.Columns.state == OutgoingMail.State.sent).fetchAll(db)
                .filter { $0.messagePath.hasPrefix(outgoing + "/") }
        }
        for mail in strays { try? archive(mail) }
        return interrupted
    }

    /// Hands every queued message (that `include` accepts) to sendmail.
    /// Without a configured sendmail nothing is sent and nothing is said:
    /// the `.eml` files are the delivery.
    public func deliverPending(where include: (OutgoingMail) -> Bool = { _ in true }) -> [Problem] {
        guard sendmail.isConfigured else { return [] }
        let pending = (try? database.read { db in
            try OutgoingMail.filter(OutgoingMail.Columns.state == OutgoingMail.State.queued)
                .order(OutgoingMail.Columns.queuedAt, OutgoingMail.Columns.key).fetchAll(db)
        }) ?? []
        return pending.filter(include).compactMap(deliver)
    }

    private func deliver(_ mail: OutgoingMail) -> Problem? {
        func problem(_ text: String) -> Problem { Problem(key: mail.key, message: "e-mail \(mail.key): \(text)") }
        guard !mail.recipients.isEmpty else {
            return problem("no recipient address in the master data; the message stays in \(Self.folderName(mail.messagePath))")
        }
        let now = clock()
        let taken: Bool
        do {
            taken = try database.write { db in
                try OutgoingMail.filter(key: mail.key).filter(OutgoingMail.Columns.state == OutgoingMail.State.queued)
                    .updateAll(db, OutgoingMail.Columns.state.set(to: OutgoingMail.State.sending),
                               OutgoingMail.Columns.attempts.set(to: OutgoingMail.Columns.attempts + 1)) == 1
            }
        } catch {
            return problem("cannot record the delivery attempt: \(error)")
        }
        guard taken else { return nil } // another process hands it over
        guard let message = FileManager.default.contents(atPath: mail.messagePath) else {
            _ = try? database.write { db in
                try OutgoingMail.filter(key: mail.key).updateAll(db, OutgoingMail.Columns.state.set(to: OutgoingMail.State.queued),
                                                                OutgoingMail.Columns.attempts.set(to: OutgoingMail.Columns.attempts - 1))
            }
            return problem("the message file \(mail.messagePath) is missing")
        }
        FaultInjection.trip("mail:sending")
        let failure = sendmail.send(message)
        FaultInjection.trip("mail:handed-over")
        do {
            try database.write { db in
                if let failure {
                    try OutgoingMail.filter(key: mail.key).updateAll(db, OutgoingMail.Columns.state.set(to: OutgoingMail.State.queued),
                                                                    OutgoingMail.Columns.lastError.set(to: failure))
                } else {
                    try OutgoingMail.filter(key: mail.key).updateAll(db, OutgoingMail.Columns.state.set(to: OutgoingMail.State.sent),
                                                                    OutgoingMail.Columns.sentAt.set(to: now),
                                                                    OutgoingMail.Columns.lastError.set(to: nil))
                    try db.audit("mail", subject: mail.key, detail: "sent to \(mail.recipients)", actor: actor, at: now)
                }
            }
        } catch {
            return problem("the delivery result was not recorded (\(error)); it stays `sending` and is reported as unknown by the next run")
        }
        if let failure {
            return Problem(key: mail.key, message: "e-mail not sent (\(failure)): \(mail.key) stays in \(Self.folderName(mail.messagePath)) and is tried again by the next run")
        }
        var sentMail = mail
        sentMail.state = .sent
        try? archive(sentMail)
        return nil
    }

    /// Moves a sent message's file to `mail/sent/` and records where it is.
    private func archive(_ mail: OutgoingMail) throws {
        guard mail.messagePath.hasPrefix(outgoing + "/") else { return }
        try FileManager.default.createDirectory(atPath: sent, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let target = sent + "/" + Self.fileName(mail.messagePath)
        guard rename(mail.messagePath, target) == 0 else { throw OutputError.fromErrno(target, "rename") }
        try database.write { db in
            try OutgoingMail.filter(key: mail.key).updateAll(db, OutgoingMail.Columns.messagePath.set(to: target))
        }
    }

    // MARK: Ops

    /// Messages ops must look at: `unknown` ones (until acknowledged or sent
    /// again) and queued ones whose last hand-over failed.
    public func attention() throws -> [OutgoingMail] {
        try database.read { db in
            try OutgoingMail.filter(OutgoingMail.Columns.state == OutgoingMail.State.unknown
                                    || (OutgoingMail.Columns.state == OutgoingMail.State.queued && OutgoingMail.Columns.lastError != nil))
                .order(OutgoingMail.Columns.queuedAt, OutgoingMail.Columns.key).fetchAll(db)
        }
    }

    /// Messages, newest first, optionally of some states or about one reference.
    public func list(states: [OutgoingMail.State]? = nil, reference: String? = nil, limit: Int = 100) throws -> [OutgoingMail] {
        try database.read { db in
            var request = OutgoingMail.order(OutgoingMail.Columns.queuedAt.desc, OutgoingMail.Columns.key.desc).limit(limit)
            if let states { request = request.filter(states.contains(OutgoingMail.Columns.state)) }
            if let reference { request = request.filter(OutgoingMail.Columns.reference == reference) }
            return try request.fetchAll(db)
        }
    }

    /// The message with `key`, or the one job's message when `key` is a job id.
    public func find(_ key: String) throws -> OutgoingMail? {
        try database.read { db in
            try OutgoingMail.fetchOne(db, key: key) ?? OutgoingMail.fetchOne(db, key: OutgoingMail.jobKey(key))
        }
    }

    /// Settles an `unknown` message without sending it (ops saw in the mail
    /// log that it left, or decided it need not).
    @discardableResult
    public func acknowledge(_ key: String) throws(MailQueueError) -> OutgoingMail {
        try settle(key, from: [.unknown], to: .acknowledged, detail: "acknowledged by hand: not sent again")
    }

    /// Queues an `unknown` (or acknowledged) message again, by ops' decision;
    /// the next delivery sends it. A sent message is never sent again.
    @discardableResult
    public func resend(_ key: String) throws(MailQueueError) -> OutgoingMail {
        try settle(key, from: [.unknown, .acknowledged, .queued], to: .queued, detail: "queued again by hand")
    }

    private func settle(_ key: String, from allowed: Set<OutgoingMail.State>, to state: OutgoingMail.State,
                        detail: String) throws(MailQueueError) -> OutgoingMail {
        let now = clock()
        do {
            return try database.write { db in
                guard var mail = try OutgoingMail.fetchOne(db, key: key) ?? OutgoingMail.fetchOne(db, key: OutgoingMail.jobKey(key)) else {
                    throw MailQueueError.unknownKey(key)
                }
                guard allowed.contains(mail.state) else { throw MailQueueError.wrongState(key: mail.key, state: mail.state, sentAt: mail.sentAt) }
                mail.state = state
                mail.lastError = nil
                mail.settledAt = now
                mail.settledBy = actor
                try mail.update(db)
                try db.audit("mail", subject: mail.key, detail: detail, actor: actor, at: now)
                return mail
            }
        } catch let error as MailQueueError {
            throw error
        } catch {
            throw .database("\(error)")
        }
    }

    static func fileName(_ path: String) -> String { (path as NSString).lastPathComponent }
    static func folderName(_ path: String) -> String {
        let parts = path.split(separator: "/")
        return parts.count >= 3 ? parts.suffix(3).dropLast().joined(separator: "/") + "/" : path
    }
}

/// Why a message cannot be acknowledged or sent again.
public enum MailQueueError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownKey(String)
    case wrongState(key: String, state: OutgoingMail.State, sentAt: Date?)
    case database(String)

    public var description: String {
        switch self {
        case .unknownKey(let key):
            "no e-mail with key or job id \(key)"
        case .wrongState(let key, let state, _):
            switch state {
            case .sent: "e-mail \(key) was sent; it is never sent twice (its file is in mail/sent/)"
            case .sending: "e-mail \(key) is being handed to sendmail right now"
            case .queued: "e-mail \(key) is queued; the next delivery sends it"
            case .acknowledged: "e-mail \(key) was acknowledged already"
            case .unknown: "e-mail \(key) is unknown"
            }
        case .database(let detail):
            "the state database could not be changed: \(detail)"
        }
    }
}
