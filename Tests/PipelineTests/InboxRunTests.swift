import Foundation
import Formats
import GRDB
import Matching
import Pipeline
import Store
import Testing

@Suite("robinson run on the fixtures")
struct InboxRunTests {
    static let excelSuffixes: [String] = [
        ";robinson;robinson_listen;robinson_grund",
        ";ja;\"post;telefon\";person,telefon",   // exact person + landline on the telefon list
        ";ja;post;person",                       // Heidestr. = Heidestraße
        ";ja;post;person",                       // Karl Marx Str. = Karl-Marx-Straße
        ";ja;post;phonetisch",                   // Maier ~ Meier
        ";ja;post;person",                       // Bülow = von Bülow, Str. des 17. Juni
        ";ja;post;person",                       // Schaefer = Schäfer, 1067 = 01067
        ";nein;;haushalt",                       // other first name at a listed address
        ";nein;;",                               // not listed
        ";pruefen;;plz-ungueltig",
        ";pruefen;;adresse-unvollstaendig",      // no house number
        ";pruefen;;telefon-ungueltig",           // bare local number
        "",                                      // blank line stays as it was
        ";ja;post;person",                       // Im Ried (no suffix)
    ]

    @Test func excelWindows1252FileIsAnnotatedByteForByte() throws {
        let f = try PipelineFixture()
        let input = try f.read(PipelineFixture.fixture("inbox/K1001/kunden-excel.csv"))
        try f.drop(PipelineFixture.fixture("inbox/K1001/kunden-excel.csv"), customer: "K1001")
        let report = try f.run()
        #expect(!report.hasFailures, "\(report.problemLines)")
        let job = try #require(try f.jobs().first)
        #expect(job.state == .done && job.lastStage == "meter")
        #expect(job.rows == 12 && job.hits == 7 && job.unchecked == 3)
        let output = try f.read(try #require(job.outputPath))
        #expect(job.outputPath!.hasSuffix("/outbox/K1001/\(job.id)/kunden-excel_robinson.csv"))

        let inputLines = split(input, by: [13, 10])
        let outputLines = split(output, by: [13, 10])
        #expect(outputLines.count == inputLines.count)
        for (i, suffix) in Self.excelSuffixes.enumerated() {
            #expect(outputLines[i] == inputLines[i] + Array(suffix.utf8), "line \(i + 1)")
        }
        // Windows-1252 stays Windows-1252 (€ is 0x80).
        #expect(output.contains(0x80))
    }

    @Test func quotedUTF8FileWithBOMKeepsQuotingAndEmbeddedNewline() throws {
        let f = try PipelineFixture()
        try f.drop(PipelineFixture.fixture("inbox/K1001/crm-export.csv"), customer: "K1001")
        _ = try f.run()
        let job = try #require(try f.jobs().first)
        let text = String(decoding: try f.read(job.outputPath!), as: UTF8.self)
        #expect(text.hasPrefix("\u{FEFF}\"Kundennummer\""))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].hasSuffix(",\"Notiz\",\"robinson\",\"robinson_listen\",\"robinson_grund\""))
        #expect(lines[1].hasSuffix("\"Stammkunde, seit 2019\",\"ja\",\"post\",\"person\""))
        #expect(lines[2].hasSuffix("\"mehrzeilige"))
        #expect(lines[3] == "Notiz\",\"ja\",\"post;mobil\",\"person,telefon\"")
        #expect(lines[4].hasSuffix(",\"ja\",\"post;email\",\"person,email\""))
        #expect(lines[5].hasSuffix("\"Zitat: \"\"Hallo\"\"\",\"ja\",\"mobil\",\"telefon\""))
        #expect(lines[6].hasSuffix(",\"pruefen\",\"\",\"email-ungueltig\""))
        #expect(lines[7].hasSuffix(",\"ja\",\"post\",\"person\""))
        #expect(lines.count == 9 && lines[8].isEmpty)
    }

    @Test func zstdInputGivesZstdOutput() throws {
        let f = try PipelineFixture()
        try f.drop(PipelineFixture.fixture("inbox/K1003/newsletter.csv.zst"), customer: "K1003")
        _ = try f.run()
        let job = try #require(try f.jobs().first)
        #expect(job.outputPath!.hasSuffix("newsletter_robinson.csv.zst"))
        let output = try readAll(try openByteSource(path: job.outputPath!))
        #expect(String(decoding: output, as: UTF8.self) == """
        email;vorname;nachname;robinson;robinson_listen;robinson_grund
        erika.mustermann@example.org;Erika;Mustermann;ja;email;email
        k.schmidt@example.net;Karl;Schmidt;ja;email;email
        jemand@example.com;Jemand;Anders;nein;;
        info@beispiel-gmbh.example;;;ja;email;email
        keine-adresse;;;pruefen;;email-ungueltig

        """)
    }

    @Test func finishedJobHasUsageRecordMailAndSummary() throws {
        let f = try PipelineFixture()
        try f.drop(PipelineFixture.fixture("inbox/K1001/kunden-excel.csv"), customer: "K1001")
        try f.drop(PipelineFixture.fixture("inbox/K1003/newsletter.csv.zst"), customer: "K1003")
        _ = try f.run()
        let runtime = try f.runtime()
        let usage = try runtime.database.read { try UsageRecord.fetchAll($0) }.sorted { $0.customerId < $1.customerId }
        #expect(usage.count == 2)
        #expect(usage[0].customerId == "K1001" && usage[0].month == "2026-11" && usage[0].rowsChecked == 12)
        #expect(usage[0].hitsPost == 7 && usage[0].hitsTelefon == 1 && usage[0].hitsEmail == 0)
        #expect(usage[1].hitsEmail == 3)
        let mails = f.files(under: "mail/outgoing")
        #expect(mails.count == 2)
        let mail = String(decoding: try f.read(f.root.outgoingMail + "/" + mails[0]), as: UTF8.self)
        #expect(mail.contains("To: dialog@versandhaus-nord.example") || mail.contains("To: ops@newsletter-ost.example"))
        #expect(mail.contains("Subject: Robinson-Abgleich fertig"))
        #expect(mail.contains("bereit"))
        let summaries = f.files(under: "outbox").filter { $0.hasSuffix("zusammenfassung.txt") }
        #expect(summaries.count == 2)
        // Inbox emptied, work files kept until purge.
        #expect(f.files(under: "inbox").isEmpty)
    }

    @Test func runtimeFoldersAndFilesArePrivate() throws {
        let f = try PipelineFixture()
        try f.drop(PipelineFixture.fixture("inbox/K1001/kunden-excel.csv"), customer: "K1001")
        _ = try f.run()
        let job = try #require(try f.jobs().first)
        for folder in f.root.folders {
            #expect(try mode(folder) == 0o700, "\(folder)")
        }
        #expect(try mode(job.outputPath!) == 0o600)
        #expect(try mode((job.outputPath! as NSString).deletingLastPathComponent) == 0o700)
        #expect(try mode(f.root.defaultKeyFile) == 0o600)
    }

    func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! NSNumber).intValue
    }
}

func split(_ bytes: [UInt8], by separator: [UInt8]) -> [[UInt8]] {
    var lines: [[UInt8]] = []
    var current: [UInt8] = []
    var i = 0
    while i < bytes.count {
        if i + separator.count <= bytes.count, Array(bytes[i..<i + separator.count]) == separator {
            lines.append(current)
            current = []
            i += separator.count
        } else {
            current.append(bytes[i])
            i += 1
        }
    }
    lines.append(current)
    return lines
}
