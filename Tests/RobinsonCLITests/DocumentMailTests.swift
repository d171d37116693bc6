import Foundation
import GRDB
import Store
import Testing

/// Invoices, credit notes and dunning letters reach the customers through the
/// same exactly-once queue as the job e-mails: a fake sendmail records every
/// message; the process is killed between queuing and sending and after
/// sending; every document goes out exactly once with attachments
/// byte-identical to the files; a customer without e-mail gets a print copy.
@Suite("Documents by e-mail", .serialized)
struct DocumentMailTests {
    /// One message the fake sendmail received: its headers and its attachments decoded.
    struct Received {
        var headers: [String: String]
        var attachments: [String: Data]
        var text: String

        init(_ raw: String) {
            let (head, body) = raw.range(of: "\n\n").map { (String(raw[..<$0.lowerBound]), String(raw[$0.upperBound...])) } ?? (raw, "")
            var headers: [String: String] = [:]
            var last: String?
            for line in head.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix(" ") || line.hasPrefix("\t"), let last { headers[last, default: ""] += String(line); continue }
                guard let colon = line.firstIndex(of: ":") else { continue }
                last = String(line[..<colon])
                headers[last!] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            self.headers = headers
            text = body
            // Each attachment part: its filename, a blank line, base64 lines up to the next boundary.
            var attachments: [String: Data] = [:]
            for part in body.components(separatedBy: "\n--").dropFirst() {
                guard let name = part.firstMatch(of: /filename="([^"]+)"/)?.1, let start = part.range(of: "\n\n") else { continue }
                let base64 = part[start.upperBound...].split(separator: "\n").filter { !$0.hasPrefix("--") }.joined()
                attachments[String(name)] = Data(base64Encoded: base64)
            }
            self.attachments = attachments
        }
    }

    struct Tools {
        let folder: String
        let sendmail: [String: String]

        init(_ cli: CLI) throws {
            folder = cli.root + "-tools"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            sendmail = ["ROBINSON_NOTIFY_SENDMAIL": try MailTests.fakeSendmail(in: folder) + " -t -i"]
        }

        func received() -> [Received] {
            let text = (try? String(contentsOfFile: folder + "/delivered.txt", encoding: .utf8)) ?? ""
            return text.components(separatedBy: "----\n").filter { !$0.isEmpty }.map(Received.init)
        }

        /// How often each Message-ID arrived.
        func counts() -> [String: Int] {
            Dictionary(received().compactMap { $0.headers["Message-ID"] }.map { ($0, 1) }, uniquingKeysWith: +)
        }
    }

    /// K1004 without invoice e-mail (the import requires one; a customer imported before billing existed has none).
    func withoutInvoiceEmail(_ cli: CLI) throws {
        let database = try StateDatabase(path: cli.root + "/state/robinson.sqlite")
        try database.write { db in try db.execute(sql: "UPDATE customer SET invoiceEmail = NULL WHERE id = 'K1004'") }
    }

    @Test("bill: killed between queuing and sending, the next command sends each invoice once, with its PDF and XML as written")
    func invoicesOnceWithTheirFiles() throws {
        let cli = try BillingCommandTests().monthWithUsage()
        let tools = try Tools(cli)
        defer { try? FileManager.default.removeItem(atPath: tools.folder) }
        try withoutInvoiceEmail(cli)

        let crashed = try cli.run(["bill", "--period", "2026-10"], env: BillingCommandTests.billingDay.merging(tools.sendmail) { $1 }
            .merging(["ROBINSON_FAULT": "billing:mail-queued"]) { $1 })
        #expect(crashed.status == 75)
        #expect(tools.received().isEmpty)
        #expect(try cli.sql("SELECT key, state FROM outgoingMail WHERE kind = 'invoice' ORDER BY key")
                == ["invoice:2026-000001|queued", "invoice:2026-000002|queued", "invoice:2026-000003|queued"])

        let again = try cli.ok(["bill", "--period", "2026-10"], env: BillingCommandTests.billingDay.merging(tools.sendmail) { $1 })
        #expect(again.contains("nothing new to issue"))
        try cli.ok(["bill", "--period", "2026-10"], env: BillingCommandTests.billingDay.merging(tools.sendmail) { $1 })
        try cli.ok(["run"], env: BillingCommandTests.billingDay.merging(tools.sendmail) { $1 })
        let invoices = tools.received().filter { $0.headers["Subject"]?.hasPrefix("Rechnung ") == true }
        #expect(invoices.count == 3)
        #expect(tools.counts().values.allSatisfy { $0 == 1 }, "\(tools.counts())")
        for message in invoices {
            let number = try #require(message.headers["Subject"]?.firstMatch(of: /20\d\d-\d{6}/).map { String($0.0) })
            #expect(message.headers["Message-ID"] == "<invoice.\(number)@robinson-abgleich.example>")
            #expect(message.headers["Content-Type"]?.hasPrefix("multipart/mixed;") == true)
            #expect(message.headers["MIME-Version"] == "1.0" && message.headers["Date"] != nil)
            for name in message.attachments.keys {
                let file = try cli.read(cli.root + "/billing/2026-10/" + name)
                #expect(message.attachments[name] == file, "\(name) is the file, byte for byte")
            }
            #expect(Set(message.attachments.keys.map { ($0 as NSString).pathExtension }) == ["pdf", "xml"])
        }
        #expect(try cli.sql("SELECT COUNT(*) FROM outgoingMail WHERE kind = 'invoice' AND state = 'sent'") == ["3"])

        // K1004 has no invoice e-mail: its invoice waits in the print folder of the day.
        #expect(FileManager.default.fileExists(atPath: cli.root + "/billing/druck/2026-11-02/2026-000004-K1004-rechnung.pdf"))
        let show = try JSONValue.parse(try cli.ok(["customers", "show", "K1004", "--format", "json"]))
        #expect(show["correspondence"].items.first?["delivery"] == .string("print"))
        let k1001 = try JSONValue.parse(try cli.ok(["customers", "show", "K1001", "--format", "json"]))
        #expect(k1001["correspondence"].items.contains { $0["kind"] == .string("invoice") && $0["delivery"] == .string("sent") })
        #expect(k1001["correspondence"].items.contains { $0["kind"] == .string("jobReady") })

        // A credit note goes out too; --no-mail keeps it a file.
        let cancelled = try cli.ok(["invoice", "cancel", "2026-000002", "--reason", "Falscher Tarif"],
                                   env: ["ROBINSON_NOW": "2026-11-05T10:00:00+01:00"].merging(tools.sendmail) { $1 })
        #expect(cancelled.contains("e-mailed: 1 credit notes"))
        let credit = try #require(tools.received().first { $0.headers["Subject"]?.hasPrefix("Rechnungskorrektur 2026-000005") == true })
        #expect(credit.attachments["2026-000005-K1002-rechnungskorrektur.pdf"] == (try cli.read(cli.root + "/billing/2026-10/2026-000005-K1002-rechnungskorrektur.pdf")))
        #expect(credit.attachments["2026-000005-K1002-rechnungskorrektur.xml"] == (try cli.read(cli.root + "/billing/2026-10/2026-000005-K1002-rechnungskorrektur.xml")))
        try cli.ok(["invoice", "cancel", "2026-000001", "--reason", "Doppelt", "--no-mail"],
                   env: ["ROBINSON_NOW": "2026-11-05T10:05:00+01:00"].merging(tools.sendmail) { $1 })
        #expect(try cli.sql("SELECT COUNT(*) FROM outgoingMail WHERE reference = '2026-000006'") == ["0"])
    }

    @Test("dunning: killed after sendmail took a letter, nothing is sent twice and the other letters go out once")
    func lettersOnceAfterACrash() throws {
        let cli = try BillingCommandTests().monthWithUsage()
        let tools = try Tools(cli)
        defer { try? FileManager.default.removeItem(atPath: tools.folder) }
        try cli.ok(["bill", "--period", "2026-10", "--no-mail"], env: BillingCommandTests.billingDay)
        let day = ["ROBINSON_NOW": "2026-11-23T07:00:00+01:00"].merging(tools.sendmail) { $1 }
        let crashed = try cli.run(["dunning"], env: day.merging(["ROBINSON_FAULT": "mail:handed-over"]) { $1 })
        #expect(crashed.status == 75)
        #expect(tools.received().count == 1)
        #expect(try cli.sql("SELECT COUNT(*) FROM outgoingMail WHERE state = 'sending'") == ["1"])

        _ = try cli.run(["run"], env: day)
        try cli.ok(["dunning"], env: day)
        try cli.ok(["dunning"], env: day)
        let letters = tools.received().filter { $0.headers["Subject"]?.hasPrefix("Zahlungserinnerung") == true }
        let expected = try cli.sql("SELECT COUNT(*) FROM dunningNotice").first.flatMap { Int($0) } ?? 0
        #expect(expected >= 2 && letters.count == expected, "\(letters.count) of \(expected)")
        #expect(tools.counts().values.allSatisfy { $0 == 1 })
        #expect(try cli.sql("SELECT COUNT(*) FROM outgoingMail WHERE state = 'unknown'") == ["1"], "the interrupted one is reported, not resent")
        for letter in letters {
            let name = try #require(letter.attachments.keys.first)
            let path = try #require(try cli.sql("SELECT path FROM dunningNotice").first { $0.hasSuffix("/" + name) })
            #expect(letter.attachments[name] == (try cli.read(path)))
        }
    }
}
