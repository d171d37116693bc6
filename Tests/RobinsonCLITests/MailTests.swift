import Foundation
import Testing

@Suite("Ready e-mail delivery", .serialized)
struct MailTests {
    /// A sendmail stand-in: appends the message to a file, or fails while `fail` exists.
    static func fakeSendmail(in folder: String) throws -> String {
        let script = folder + "/fake-sendmail"
        try """
        #!/bin/sh
        if [ -e "\(folder)/fail" ]; then echo "connection refused" >&2; exit 75; fi
        cat >> "\(folder)/delivered.txt"
        echo "----" >> "\(folder)/delivered.txt"
        """.write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        return script
    }

    @Test func failedDeliveryIsRetriedAndNeverSentTwice() throws {
        let cli = try CLI()
        try cli.setUp()
        let tools = cli.root + "-tools"
        try FileManager.default.createDirectory(atPath: tools, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: tools) }
        let sendmail = try Self.fakeSendmail(in: tools) + " -t -i"
        _ = FileManager.default.createFile(atPath: tools + "/fail", contents: nil)

        try cli.drop(CLI.fixture("inbox/K1001/crm-export.csv"), customer: "K1001")
        let first = try cli.run(["run"], env: ["ROBINSON_NOTIFY_SENDMAIL": sendmail])
        #expect(first.status == 69, "the job completes although the e-mail failed; exit 69: sendmail unavailable")
        #expect(first.stderr.contains("e-mail not sent") && first.stderr.contains("connection refused"))
        #expect(cli.files(under: "mail/outgoing").count == 1)

        try FileManager.default.removeItem(atPath: tools + "/fail")
        try cli.ok(["run"], env: ["ROBINSON_NOTIFY_SENDMAIL": sendmail])
        try cli.ok(["run"], env: ["ROBINSON_NOTIFY_SENDMAIL": sendmail])
        let delivered = String(decoding: try cli.read(tools + "/delivered.txt"), as: UTF8.self)
        #expect(delivered.components(separatedBy: "----").count == 2, "exactly one message delivered")
        #expect(delivered.contains("To: dialog@versandhaus-nord.example"))
        #expect(delivered.contains("crm-export_robinson.csv"))
        #expect(cli.files(under: "mail/outgoing").isEmpty)
        #expect(cli.files(under: "mail/sent").count == 1)
        #expect(try cli.sql("SELECT state, attempts FROM outgoingMail") == ["sent|2"])
    }

    /// A run dies after sendmail took the message but before it was recorded: the next runs report it (nothing
    /// is lost with the run that died), `status`, `audit` and `mail list` show it, nothing is sent twice until ops decide.
    @Test func anInterruptedHandOverIsReportedUntilAcknowledged() throws {
        let cli = try CLI()
        try cli.setUp()
        let tools = cli.root + "-tools"
        try FileManager.default.createDirectory(atPath: tools, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: tools) }
        let mail = ["ROBINSON_NOTIFY_SENDMAIL": try Self.fakeSendmail(in: tools) + " -t -i"]
        func delivered() throws -> Int {
            let text = (try? String(contentsOfFile: tools + "/delivered.txt", encoding: .utf8)) ?? ""
            return text.components(separatedBy: "----").count - 1
        }

        try cli.drop(CLI.fixture("inbox/K1001/crm-export.csv"), customer: "K1001")
        let crashed = try cli.run(["run"], env: mail.merging(["ROBINSON_FAULT": "mail:handed-over"]) { $1 })
        #expect(crashed.status == 75, "\(crashed.stderr)")
        #expect(try delivered() == 1)
        let job = try #require(try cli.sql("SELECT id FROM job").first)

        // Every later run says so until someone decides; none sends it again.
        for now in ["2026-11-23T08:05:00Z", "2026-11-24T08:05:00Z"] {
            let run = try cli.run(["run"], env: mail.merging(["ROBINSON_NOW": now]) { $1 })
            #expect(run.stderr.contains("e-mail job:\(job): a run stopped while handing it to sendmail"), "\(now): \(run.stderr)")
        }
        #expect(try delivered() == 1)
        #expect(try cli.sql("SELECT state FROM outgoingMail") == ["unknown"])
        let status = try JSONValue.parse(try cli.ok(["status", "--format", "json"]))
        #expect(status["jobs"].items.first?["mail"] == .string("unknown"))
        #expect(status["conditions"].items.contains { $0["key"].text == "mail-unknown:job:\(job)" }, "a lasting condition until settled")
        #expect(try cli.ok(["audit", "--filter", "mail"]).contains("hand-over to sendmail interrupted"))
        let listed = try cli.ok(["mail", "list", "--state", "unknown"])
        #expect(listed.contains("job:\(job)") && listed.contains("dialog@versandhaus-nord.example"), "\(listed)")
        let json = try JSONValue.parse(try cli.ok(["mail", "list", "--format", "json"]))
        #expect(json["mails"].items.map { $0["state"].text } == ["unknown"])

        // The mail log shows it left: acknowledged, the reports stop.
        #expect(try cli.ok(["mail", "acknowledge", job]).contains("acknowledged"))
        let quiet = try cli.run(["run"], env: mail)
        #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet.stderr)")
        #expect(try cli.ok(["audit", "--filter", "mail"]).contains("acknowledged by hand"))

        // Had it not left, resend sends it now, once; a sent message is never sent again.
        #expect(try cli.ok(["mail", "resend", job], env: mail).contains("sent to dialog@versandhaus-nord.example"))
        #expect(try delivered() == 2)
        let again = try cli.run(["mail", "resend", job], env: mail)
        #expect(again.status == 65 && again.stderr.contains("never sent twice"), "\(again.stderr)")
        #expect(try delivered() == 2)
        #expect(try cli.run(["mail", "acknowledge", "20991231-000000-000000"]).status == 66)
    }
}
