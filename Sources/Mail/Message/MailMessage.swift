import Foundation

/// An e-mail as RFC 5322 and MIME (RFC 2045–2047, 2231) want it: every
/// header value encoded, no line longer than 78 characters, text as
/// quoted-printable UTF-8, attachments as base64 in a `multipart/mixed`.
/// Lines end in LF, as `sendmail` reads them on stdin (it sends CRLF).
///
/// Rendering is deterministic: the same message gives the same bytes (the
/// MIME boundary is derived from the content), so a message written again
/// after a crash is the one that was queued.
public struct MailMessage: Sendable, Equatable {
    public var from: MailAddress
    public var to: [MailAddress]
    public var replyTo: MailAddress?
    public var subject: String
    public var date: Date
    /// `<id>` without the angle brackets, e.g. `job.20261123-080000-3fa2c1@robinson.example`.
    public var messageId: String
    public var text: String
    public var attachments: [MailAttachment]

    public init(from: MailAddress, to: [MailAddress], replyTo: MailAddress? = nil, subject: String, date: Date,
                messageId: String, text: String, attachments: [MailAttachment] = []) {
        self.from = from
        self.to = to
        self.replyTo = replyTo
        self.subject = subject
        self.date = date
        self.messageId = messageId
        self.text = text
        self.attachments = attachments
    }

    /// A Message-ID for `key` (what the message is about, e.g. `job:…`,
    /// `invoice:2026-000001`) at the sender's domain: stable for one key, so a
    /// receiver can tell a message sent again by hand from a new one.
    public static func messageId(for key: String, from: MailAddress) -> String {
        let local = key.unicodeScalars.map { HeaderText.isAtext($0) && $0 != "/" ? String($0) : "." }.joined()
        return "\(local.prefix(64))@\(from.domain)"
    }

    /// The message as bytes, ready for `sendmail -t -i` or a `.eml` file.
    public func rendered() -> [UInt8] {
        var lines: [String] = []
        lines += HeaderText.field("From", addresses: [from])
        if !to.isEmpty { lines += HeaderText.field("To", addresses: to) }
        if let replyTo { lines += HeaderText.field("Reply-To", addresses: [replyTo]) }
        lines += HeaderText.field("Subject", subject)
        lines.append("Date: " + MessageDate.rfc5322(date))
        lines.append("Message-ID: <\(Self.safeId(messageId))>")
        lines.append("MIME-Version: 1.0")
        let textPart = ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable"]
        let body = BodyEncoding.quotedPrintable(text)
        if attachments.isEmpty {
            lines += textPart + [""] + body
        } else {
            let boundary = boundary()
            lines.append("Content-Type: multipart/mixed;")
            lines.append(" boundary=\"\(boundary)\"")
            // The line break before a boundary belongs to the boundary (RFC 2046 §5.1.1): the text's own last one needs a line of its own.
            let ending = text.hasSuffix("\n") ? [""] : []
            lines += ["", "This is a MIME message with attachments.", "--" + boundary] + textPart + [""] + body + ending
            for attachment in attachments {
                lines += ["--" + boundary] + attachment.headerLines + [""] + BodyEncoding.base64(attachment.content)
            }
            lines.append("--" + boundary + "--")
        }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// `=_` never occurs in quoted-printable or base64 text, so a boundary
    /// starting with it cannot appear inside a part.
    private func boundary() -> String {
        var hasher = FNV1a()
        hasher.add(Array(text.utf8))
        for attachment in attachments {
            hasher.add(Array(attachment.fileName.utf8))
            hasher.add(attachment.content)
        }
        hasher.add(Array(messageId.utf8))
        return "=_robinson_" + String(hasher.value, radix: 16)
    }

    /// An id-left@id-right made only of atext and dots.
    private static func safeId(_ id: String) -> String {
        let cleaned = id.unicodeScalars.map { HeaderText.isAtext($0) || $0 == "." || $0 == "@" ? String($0) : "." }.joined()
        return cleaned.contains("@") ? cleaned : cleaned + "@robinson"
    }
}

/// 64-bit FNV-1a: enough to make a boundary depend on the content.
private struct FNV1a {
    var value: UInt64 = 0xCBF2_9CE4_8422_2325

    mutating func add(_ bytes: [UInt8]) {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
        value ^= 0xFF
        value = value &* 0x0000_0100_0000_01B3
    }
}
