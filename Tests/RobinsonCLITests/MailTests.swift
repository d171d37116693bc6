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
        #expect(try cli.sql("SELECT state, attempts FROM notification") == ["sent|2"])
    }
}
