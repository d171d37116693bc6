import Foundation
import Matching
import Pipeline
import Store
import Testing

@Suite("Bad input is rejected with a note, nothing else disturbed")
struct BadInputTests {
    struct Case: Sendable, CustomStringConvertible {
        let file: String
        let fragment: String
        var description: String { file }
    }

    static let cases: [Case] = [
        Case(file: "empty.csv", fragment: "empty"),
        Case(file: "header-only.csv", fragment: "no data rows"),
        Case(file: "no-usable-column.csv", fragment: "line 1: none of its"),
        Case(file: "no-header.csv", fragment: "may lack its header line"),
        Case(file: "duplicate-columns.csv", fragment: "line 1: the columns \"PLZ\" (column 3) and \"PLZ\" (column 6) all name the postcode"),
        Case(file: "zwei-blaetter.xlsx", fragment: "2 sheets with data (\"Kunden 2025\", \"Kunden 2026\")"),
        Case(file: "makro.xlsm", fragment: "workbook with macros"),
        Case(file: "alt.xls", fragment: "Excel 97–2003 workbook (.xls)"),
        Case(file: "unbalanced-quote.csv", fragment: "line 2"),
        Case(file: "ragged.csv", fragment: "different number of fields"),
        Case(file: "undecodable.csv", fragment: "undecodable.csv"),
        Case(file: "binary.csv", fragment: "binary.csv"),
        Case(file: "empty.csv.zst", fragment: "empty.csv.zst"),
        Case(file: "truncated.csv.zst", fragment: "truncated.csv.zst"),
    ]

    @Test(arguments: cases)
    func rejected(_ c: Case) throws {
        let f = try PipelineFixture()
        try f.drop(PipelineFixture.fixture("bad/" + c.file), customer: "K1001")
        try f.drop(PipelineFixture.fixture("inbox/K1001/crm-export.csv"), customer: "K1001")
        let report = try f.run()
        #expect(report.hasFailures)
        let lines = report.problemLines
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("rejected inbox/K1001/\(c.file):") == true, "\(lines)")
        #expect(lines.first?.contains(c.fragment) == true, "\(lines)")

        let jobs = try f.jobs()
        let rejectedJob = try #require(jobs.first { $0.state == .rejected })
        let rejected = f.root.rejected + "/K1001/\(rejectedJob.id)/" + c.file
        #expect(rejectedJob.outputPath == rejected)
        #expect(try f.read(rejected) == (try f.read(PipelineFixture.fixture("bad/" + c.file))))
        let note = String(decoding: try f.read(rejected + ".error.txt"), as: UTF8.self)
        #expect(note.contains(c.fragment))
        #expect(note.contains("put the file into inbox/K1001/ again"))
        #expect(!note.contains(f.root.work), "the note names the customer's file, not our work folder")

        #expect(jobs.map(\.state).sorted { $0.rawValue < $1.rawValue } == [.done, .rejected])
        #expect(f.files(under: "work").filter { $0.contains("input/") }.count == 1) // only the good job's input
        // A file found unprocessable while its rows were matched leaves no partial output behind.
        #expect(f.files(under: "work").filter { $0.contains("annotated") }.isEmpty, "\(f.files(under: "work"))")
        #expect(f.files(under: "outbox").count == 2) // the good file's output and summary
    }

    @Test func blankLinesAreKeptAndCountedInTheSummary() throws {
        let f = try PipelineFixture()
        let text = "Vorname;Name;Strasse;PLZ;Telefon\nHans;Mueller;Hauptstr. 5a;10115;030 23125 001\n\n  \nOtto;Meier;Weg 2;10117;\n"
        let job = try f.runGoodFile(Array(text.utf8), name: "luecken.csv")
        #expect(job.rows == 2)
        let lines = String(decoding: try f.read(job.outputPath!), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[2] == "" && lines[3] == "  ", "blank lines pass through unchanged")
        let summary = String(decoding: try f.read(f.root.outbox + "/K1001/\(job.id)/zusammenfassung.txt"), as: UTF8.self)
        #expect(summary.contains("Leerzeilen (unverändert übernommen): 2"), "\(summary)")
        #expect(!summary.contains("Windows-1252"))
    }

    @Test func raggedRowsBelowHalfArePruefen() throws {
        let f = try PipelineFixture()
        let text = "Vorname;Name;Strasse;PLZ;Telefon\nHans;Mueller;Hauptstr. 5a;10115;030 23125 001\nErika;Muster\nOtto;Meier;Weg 2;10117;\nAnna;Schulz;Weg 3;10117;030 7654321\n"
        let job = try f.runGoodFile(Array(text.utf8), name: "teils.csv")
        let lines = String(decoding: try f.read(job.outputPath!), as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(lines[2] == "Erika;Muster;pruefen;;feldanzahl")
        #expect(lines[1].hasSuffix(";ja;\"post;telefon\";person,telefon"))
    }

    @Test func mixedEncodingRowsAreReadAndCounted() throws {
        let f = try PipelineFixture()
        // UTF-8 file (with an umlaut in the header) where one row was pasted from a Windows-1252 source.
        let pasted: [UInt8] = [0x50, 0x65, 0x74, 0x72, 0x61, 0x3B, 0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72] // "Petra;M\u{FC}ller" in Windows-1252
            + Array(";Hauptstr. 5a;10115;".utf8)
        let bytes = Array("Vorname;Name;Straße;PLZ;Telefon\nHans;Müller;Hauptstr. 5a;10115;\n".utf8) + pasted + [0x0A]
        let job = try f.runGoodFile(bytes, name: "gemischt.csv")
        let lines = split(try f.read(job.outputPath!), by: [10])
        #expect(lines[0] == Array("Vorname;Name;Straße;PLZ;Telefon;robinson;robinson_listen;robinson_grund".utf8))
        #expect(lines[1] == Array("Hans;Müller;Hauptstr. 5a;10115;;ja;post;person".utf8))
        // The pasted row keeps its bytes and is matched like the others: Petra at Hans Müller's address.
        #expect(lines[2] == pasted + Array(";nein;;haushalt".utf8))
        let summary = String(decoding: try f.read(f.root.outbox + "/K1001/\(job.id)/zusammenfassung.txt"), as: UTF8.self)
        #expect(summary.contains("Zeilen in Windows-1252 statt UTF-8 (so gelesen): 1"))
    }

    @Test func unknownCustomerFolderIsRejected() throws {
        let f = try PipelineFixture()
        try f.drop(PipelineFixture.fixture("inbox/K1001/crm-export.csv"), customer: "K9999")
        let report = try f.run()
        #expect(report.problemLines.first?.contains("not a known customer id") == true)
        let job = try #require(try f.jobs().first)
        #expect(FileManager.default.fileExists(atPath: f.root.rejected + "/K9999/\(job.id)/crm-export.csv.error.txt"))
    }

    @Test func fileOutsideACustomerFolderIsReportedAndKept() throws {
        let f = try PipelineFixture()
        let stray = f.root.inbox + "/adressen.csv"
        try FileManager.default.copyItem(atPath: PipelineFixture.fixture("inbox/K1001/crm-export.csv"), toPath: stray)
        let report = try f.run()
        #expect(report.problemLines == ["held inbox/adressen.csv: not in a customer folder; move it into inbox/<customer-id>/"])
        #expect(FileManager.default.fileExists(atPath: stray))
    }

    @Test func suspendedCustomerFilesAreHeld() throws {
        let f = try PipelineFixture()
        let path = try f.drop(PipelineFixture.fixture("inbox/K1001/crm-export.csv"), customer: "K1004")
        let report = try f.run()
        #expect(report.conditions.count == 1 && report.problemLines.first?.contains("customer K1004 is suspended") == true)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try f.jobs().isEmpty)
    }

    @Test func fileStillBeingCopiedIsLeftAlone() throws {
        let f = try PipelineFixture()
        let fresh = try f.drop(PipelineFixture.fixture("inbox/K1001/crm-export.csv"), customer: "K1001", age: 10)
        let part = try f.drop(PipelineFixture.fixture("inbox/K1001/crm-export.csv"), customer: "K1001", as: "gross.csv.part")
        let hidden = try f.drop(PipelineFixture.fixture("inbox/K1001/crm-export.csv"), customer: "K1001", as: ".~lock.csv")
        _ = try f.run()
        #expect(try f.jobs().isEmpty)
        for path in [fresh, part, hidden] { #expect(FileManager.default.fileExists(atPath: path)) }
        // Once settled it is taken.
        f.now = f.now.addingTimeInterval(120)
        _ = try f.run()
        #expect(try f.jobs().count == 1)
        #expect(!FileManager.default.fileExists(atPath: fresh))
    }

    @Test func sameFileTwiceIsProcessedTwiceAndMarkedRepeat() throws {
        let f = try PipelineFixture()
        try f.drop(PipelineFixture.fixture("inbox/K1001/crm-export.csv"), customer: "K1001")
        _ = try f.run()
        f.now = f.now.addingTimeInterval(600)
        try f.drop(PipelineFixture.fixture("inbox/K1001/crm-export.csv"), customer: "K1001")
        _ = try f.run()
        let jobs = try f.jobs()
        #expect(jobs.count == 2)
        #expect(jobs.allSatisfy { $0.state == .done })
        #expect(jobs[1].repeatOf == jobs[0].id)
        let summary = String(decoding: try f.read(f.root.outbox + "/K1001/\(jobs[1].id)/zusammenfassung.txt"), as: UTF8.self)
        #expect(summary.contains("Wiederholung"))
        #expect(try f.read(jobs[0].outputPath!) == (try f.read(jobs[1].outputPath!)))
    }

    @Test func indexOfAnotherKeyIsRefused() throws {
        let f = try PipelineFixture()
        // Rotate the key without rebuilding the index.
        try FileManager.default.removeItem(atPath: f.root.defaultKeyFile)
        try HashingKey.createIfAbsent(path: f.root.defaultKeyFile)
        try f.drop(PipelineFixture.fixture("inbox/K1001/crm-export.csv"), customer: "K1001")
        let report = try f.run()
        #expect(report.problemLines.first?.contains("was built with hashing key") == true, "\(report.problemLines)")
        #expect(try f.jobs().isEmpty, "held in the inbox, not rejected: the installation is at fault, not the file")
    }
}
