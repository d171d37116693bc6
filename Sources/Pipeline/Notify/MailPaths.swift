/// Where a job's e-mail lives: `mail/outgoing/<job>.eml` until it was handed
/// to sendmail, then `mail/sent/<job>.eml`.
struct MailPaths {
    let outgoing: String
    let sent: String

    init(root: RuntimeRoot, jobId: String) {
        outgoing = "\(root.outgoingMail)/\(jobId).eml"
        sent = "\(root.sentMail)/\(jobId).eml"
    }
}
