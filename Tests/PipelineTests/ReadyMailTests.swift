import Foundation
import GRDB
import Pipeline
import Store
import Testing

@Suite("The ready e-mail through the mail queue", .serialized)
struct ReadyMailTests {
    /// A sendmail stand-in that keeps each message it is given.
    static func sendmail(in folder: String) throws -> String {
        try FileManager.default.createDirectory(atPath: folder + "/delivered", withIntermediateDirectories: true)
        try "#!/bin/sh\ncat > \"$(mktemp -p \"\(folder)/delivered\")\"\n".write(toFile: folder + "/sendmail", atomically: true, encoding: .utf8)
        chmod(folder + "/sendmail", 0o755)
        return folder + "/sendmail -t -i"
    }

    static func delivered(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/delivered")) ?? [])
            .compactMap { try? String(contentsOfFile: folder + "/delivered/" + $0, encoding: .utf8) }
    }

    /// Without a notification address the message waits; once the master data has one, it is written to it and sent.
    @Test func aMessageWithoutRecipientIsSentOnceTheAddressIsThere() throws {
        let f = try PipelineFixture()
        let tools = f.root.path + "/tools"
        f.settings.sendmail = try Self.sendmail(in: tools)
        try f.runtime().database.write { db in
            try Customer.filter(key: "K1001").updateAll(db, Customer.Columns.notifyEmail.set(to: nil))
        }
        try f.drop(PipelineFixture.fixture("inbox/K1001/crm-export.csv"), customer: "K1001")
        let first = try f.run()
        #expect(first.problemLines.contains { $0.contains("no recipient address") }, "\(first.problemLines)")
        #expect(Self.delivered(tools).isEmpty)

        try f.runtime().database.write { db in
            try Customer.filter(key: "K1001").updateAll(db, Customer.Columns.notifyEmail.set(to: "neu@versandhaus-nord.example"))
        }
        f.now = f.now.addingTimeInterval(300)
        let second = try f.run()
        #expect(second.problemLines.isEmpty, "\(second.problemLines)")
        let sent = Self.delivered(tools)
        #expect(sent.count == 1)
        #expect(sent.first?.contains("To: neu@versandhaus-nord.example") == true)
        #expect(sent.first?.contains("crm-export_robinson.csv") == true)
        _ = try f.run()
        #expect(Self.delivered(tools).count == 1, "sent once")
    }
}
