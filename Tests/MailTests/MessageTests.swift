import Foundation
import Mail
import Testing

@Suite("RFC 5322 and MIME messages")
struct MessageTests {
    static let from = MailAddress(parsing: "Robinson-Abgleich <robinson@abgleich.example>")!
    static let to = MailAddress(parsing: "dialog@versandhaus-nord.example")!
    static let date = ISO8601DateFormatter().date(from: "2026-11-23T08:00:00Z")!

    static func message(subject: String, text: String = "Guten Tag,\n\nIhre Datei ist fertig.\n", to: [MailAddress] = [to],
                        attachments: [MailAttachment] = []) -> MailMessage {
        MailMessage(from: from, to: to, subject: subject, date: date, messageId: MailMessage.messageId(for: "job:20261123-080000-3fa2c1", from: from),
                    text: text, attachments: attachments)
    }

    /// The header block: the lines before the first empty line.
    static func headerLines(_ bytes: [UInt8]) -> [String] {
        let text = String(decoding: bytes, as: UTF8.self)
        return Array(text.components(separatedBy: "\n\n")[0].split(separator: "\n").map(String.init))
    }

    @Test func aFileNameCannotAddHeadersOrRecipients() throws {
        let attack = "Robinson-Abgleich fertig: Liste\nBcc: someone@example.org\n\nText.csv"
        let crlf = "Liste\r\nBcc: someone@example.org\r\n\r\nText.csv"
        let messages = [Self.message(subject: attack), Self.message(subject: crlf)]
        for message in messages {
            let lines = Self.headerLines(message.rendered())
            #expect(!lines.contains { $0.hasPrefix("Bcc") }, "\(lines)")
            #expect(lines.filter { !$0.hasPrefix(" ") }.map { $0.prefix { $0 != ":" } }
                    == ["From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type", "Content-Transfer-Encoding"])
        }
        let parsed = try PythonEmail.parse(messages.map { $0.rendered() })
        for (index, message) in parsed.enumerated() {
            #expect(message.defects.isEmpty, "\(message.defects)")
            #expect(message.headers["Bcc"] == nil)
            #expect(message.headers["To"] == ["dialog@versandhaus-nord.example"])
            #expect(message.text == "Guten Tag,\n\nIhre Datei ist fertig.\n")
            let subject = try #require(message.headers["Subject"]?.first)
            #expect(!subject.contains("\n") && !subject.contains("\r"))
            #expect(subject.contains(index == 0 ? #"Liste\nBcc: someone@example.org\n\nText.csv"# : #"Liste\r\nBcc"#), "\(subject)")
        }
    }

    @Test func nonASCIIHeadersAreEncodedWordsAndFolded() throws {
        let subject = "Robinson-Abgleich fertig: Adressen März 2026 – Kunden (Süd) „Frühjahrsaktion“ mit einem sehr langen Namen, der gefaltet werden muss.csv"
        let sender = MailAddress(name: "Müller & Söhne, Versand", address: "versand@mueller.example")!
        let quoted = MailAddress(name: "Versandhaus \"Nord\", Vertrieb", address: "vertrieb@nord.example")!
        let message = MailMessage(from: sender, to: [Self.to, quoted], subject: subject, date: Self.date, messageId: "x@nord.example",
                                  text: "Straße: Hauptstraße 5\nÄnderung: \(String(repeating: "ä", count: 120))\n. ein Punkt\nFrom here\n")
        let bytes = message.rendered()
        #expect(!bytes.contains { $0 > 127 }, "7-bit throughout")
        #expect(Self.headerLines(bytes).allSatisfy { $0.count <= 78 }, "\(Self.headerLines(bytes))")
        #expect(String(decoding: bytes, as: UTF8.self).contains("Subject: =?UTF-8?B?"))
        let parsed = try #require(try PythonEmail.parse([bytes]).first)
        #expect(parsed.defects.isEmpty, "\(parsed.defects)")
        #expect(parsed.maxLineLength <= 78)
        #expect(parsed.headers["Subject"] == [subject])
        #expect(parsed.headers["From"] == [#""Müller & Söhne, Versand" <versand@mueller.example>"#])
        #expect(parsed.headers["To"] == [#"dialog@versandhaus-nord.example, "Versandhaus \"Nord\", Vertrieb" <vertrieb@nord.example>"#])
        #expect(parsed.headers["Date"] == ["Mon, 23 Nov 2026 09:00:00 +0100"])
        #expect(parsed.headers["Message-ID"] == ["<x@nord.example>"])
        #expect(parsed.text == message.text)
    }

    @Test func attachmentsAreBase64PartsWithTheirNames() throws {
        let pdf = (0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let xml = Array("<?xml version=\"1.0\"?><rsm:CrossIndustryInvoice/>".utf8)
        let csv = Array("Name;Betrag\nMüller;58,41\n".utf8)
        let longName = "Offene Posten für Müller & Söhne – Stand 2026-11-23 mit einem sehr langen Dateinamen.csv"
        let message = Self.message(subject: "Rechnung 2026-000042", text: "Anbei Ihre Rechnung.\n", attachments: [
            MailAttachment(fileName: "2026-000042-K1001-rechnung.pdf", mediaType: "application/pdf", content: pdf),
            MailAttachment(fileName: "2026-000042-K1001-rechnung.xml", mediaType: "application/xml", content: xml),
            MailAttachment(fileName: longName, mediaType: "text/csv; charset=utf-8", content: csv),
        ])
        let bytes = message.rendered()
        #expect(bytes == message.rendered(), "the same message gives the same bytes")
        let parsed = try #require(try PythonEmail.parse([bytes]).first)
        #expect(parsed.defects.isEmpty, "\(parsed.defects)")
        #expect(!parsed.nonASCII)
        #expect(parsed.maxLineLength <= 78)
        #expect(parsed.text == "Anbei Ihre Rechnung.\n")
        #expect(parsed.attachments.map(\.filename) == ["2026-000042-K1001-rechnung.pdf", "2026-000042-K1001-rechnung.xml", longName])
        #expect(parsed.attachments.map(\.contentType) == ["application/pdf", "application/xml", "text/csv"])
        #expect(parsed.attachments.map(\.content) == [pdf, xml, csv])
    }

    @Test func addressesAreChecked() {
        #expect(MailAddress(parsing: "Robinson-Abgleich <robinson@localhost>")?.address == "robinson@localhost")
        #expect(MailAddress(parsing: "\"Nord, Vertrieb\" <a.b+c@nord.example>")?.name == "Nord, Vertrieb")
        for bad in ["", "kein-at", "a@b@c", "a b@c.example", "a@b.example\nBcc: x@y", "<a@b.example>\r\n", "a@-b.example", "ä@b.example", "a@b..example"] {
            #expect(MailAddress(parsing: bad) == nil, "\(bad)")
        }
    }
}

@Suite("Quoted-printable text")
struct QuotedPrintableTests {
    @Test func longLinesBreakBetweenWordsAndDecodeToTheText() throws {
        let texts = [
            "Die Ergebnisdatei „crm-export_robinson.csv“ liegt bis zum 28.11.2026, 09:00 Uhr in Ihrem Download-Bereich, Ordner K1001/20261123-080000-3fa2c1 bereit.\n",
            String(repeating: "x", count: 200) + " " + String(repeating: "ü", count: 60) + "\n",
            "Zeile mit Leerzeichen am Ende   \nund\tTab\t\n=Gleich= und . Punkt\n.\nFrom me\n",
        ]
        let messages = texts.map { MessageTests.message(subject: "Test", text: $0) }
        for message in messages {
            let body = String(decoding: message.rendered(), as: UTF8.self).components(separatedBy: "\n\n").dropFirst().joined(separator: "\n\n")
            #expect(body.split(separator: "\n").allSatisfy { $0.count <= 76 }, "\(body)")
        }
        #expect(String(decoding: messages[0].rendered(), as: UTF8.self).contains("crm-export_robinson.csv"), "a file name stays whole")
        let parsed = try PythonEmail.parse(messages.map { $0.rendered() })
        for (index, message) in parsed.enumerated() {
            #expect(message.defects.isEmpty, "\(message.defects)")
            #expect(message.text == texts[index])
        }
    }
}
