import Foundation
// stat() is declared, for this module, in CoreFoundation once ZIPFoundation's zlib module is in the build.
import CoreFoundation
import GRDB
import Matching
import Pipeline
import Store
import Testing

/// Names, folders and times in the inbox as an attacker or an unlucky
/// uploader makes them.
@Suite("Hostile names and folders in the inbox")
struct HostileNameTests {
    static let good = PipelineFixture.fixture("inbox/K1001/crm-export.csv")

    /// Creates `inbox/<customer>/<name bytes>` with `contents`, settled.
    @discardableResult
    static func writeRaw(_ f: PipelineFixture, customer: String, name: [UInt8], contents: Data, age: TimeInterval = 3600) throws -> [UInt8] {
        let path = Array((f.root.inbox + "/" + customer + "/").utf8) + name
        let fd = (path + [0]).withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_EXCL, 0o644) } }
        #expect(fd >= 0, "create \(String(decoding: name, as: UTF8.self))")
        _ = contents.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        var times = [timespec(tv_sec: Int(f.now.timeIntervalSince1970 - age), tv_nsec: 0), timespec(tv_sec: Int(f.now.timeIntervalSince1970 - age), tv_nsec: 0)]
        futimens(fd, &times)
        close(fd)
        return path
    }

    static func exists(_ path: [UInt8]) -> Bool {
        var info = stat()
        return (path + [0]).withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { lstat($0.baseAddress!, &info) } } == 0
    }

    static func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! NSNumber).intValue
    }

    @Test func aNameWithControlCharactersIsRefusedAtClaimAndKept() throws {
        let f = try PipelineFixture()
        let name = "Liste\nBcc: someone@example.org\n\nText.csv"
        try Self.writeRaw(f, customer: "K1001", name: Array(name.utf8), contents: try Data(contentsOf: URL(fileURLWithPath: Self.good)))
        let report = try f.run()
        let escaped = #"Liste\nBcc: someone@example.org\n\nText.csv"#
        #expect(report.problemLines.count == 1)
        let line = try #require(report.problemLines.first)
        #expect(line.hasPrefix("rejected inbox/K1001/\(escaped): "), "\(line)")
        #expect(line.contains("control characters"))
        #expect(!line.contains("\n"))
        let job = try #require(try f.jobs().first)
        #expect(job.state == .rejected)
        #expect(job.inputName == escaped)
        let kept = try #require(job.outputPath)
        #expect(kept == f.root.rejected + "/K1001/\(job.id)/\(escaped)")
        #expect(try f.read(kept) == (try f.read(Self.good)), "the file is kept as it came")
        let note = String(decoding: try f.read(kept + ".error.txt"), as: UTF8.self)
        #expect(note.contains("File:     \(escaped)\n"))
        #expect(!note.contains("\nBcc:"))
        #expect(f.files(under: "mail").isEmpty, "nothing goes to the customer")
    }

    @Test func aLatin1NameIsClaimedAndReadAsWindows1252() throws {
        let f = try PipelineFixture()
        let raw = Array("Adressen_M".utf8) + [0xE4] + Array("rz.csv".utf8)
        let path = try Self.writeRaw(f, customer: "K1001", name: raw, contents: try Data(contentsOf: URL(fileURLWithPath: Self.good)))
        let report = try f.run()
        #expect(!report.hasFailures, "\(report.problemLines)")
        #expect(!Self.exists(path), "claimed")
        let job = try #require(try f.jobs().first)
        #expect(job.state == .done)
        #expect(job.inputName == "Adressen_März.csv")
        #expect(job.outputPath?.hasSuffix("/Adressen_März_robinson.csv") == true)
        let audit = try f.runtime().database.read { try AuditEntry.filter(AuditEntry.Columns.action == "claim").fetchAll($0) }
        #expect(audit.first?.detail.contains(#"read as Windows-1252 (bytes: Adressen_M\xE4rz.csv)"#) == true, "\(audit)")
    }

    @Test func aNameThatIsNeitherUTF8NorWindows1252IsClaimedEscaped() throws {
        let f = try PipelineFixture()
        try Self.writeRaw(f, customer: "K1001", name: Array("liste".utf8) + [0x81, 0xFF] + Array(".csv".utf8),
                          contents: try Data(contentsOf: URL(fileURLWithPath: Self.good)))
        let report = try f.run()
        #expect(!report.hasFailures, "\(report.problemLines)")
        #expect(try f.jobs().first?.inputName == #"liste\x81\xFF.csv"#)
    }

    @Test func aLongNameIsProcessedWithANameThatFits() throws {
        let f = try PipelineFixture()
        let name = String(repeating: "ä", count: 123) + ".csv" // 250 bytes
        try f.drop(Self.good, customer: "K1001", as: name)
        let report = try f.run()
        #expect(!report.hasFailures, "\(report.problemLines)")
        let job = try #require(try f.jobs().first)
        #expect(job.state == .done)
        #expect(job.inputName == name)
        let output = try #require(job.outputPath)
        let outputName = (output as NSString).lastPathComponent
        #expect(outputName.utf8.count <= InputName.maxBytes)
        #expect(outputName.hasPrefix("ääää") && outputName.hasSuffix(".csv") && outputName.contains("~"), "\(outputName)")
        #expect(f.files(under: "mail/outgoing").count == 1)
    }

    @Test func aLongBadNameIsRejectedWithItsNoteAndFinishes() throws {
        let f = try PipelineFixture()
        let name = String(repeating: "b", count: 242) + ".csv" // 246 bytes
        try f.drop(PipelineFixture.fixture("bad/empty.csv"), customer: "K1001", as: name)
        let report = try f.run()
        #expect(report.problemLines.count == 1)
        #expect(report.problemLines.first?.hasPrefix("rejected inbox/K1001/\(name):") == true, "\(report.problemLines)")
        let job = try #require(try f.jobs().first)
        #expect(job.state == .rejected)
        let kept = try #require(job.outputPath)
        #expect(FileManager.default.fileExists(atPath: kept) && FileManager.default.fileExists(atPath: kept + ".error.txt"))
        // The next run has nothing left to do.
        #expect(try f.run().problemLines.isEmpty)
    }

    @Test func outputNamesFitAndStayApart() {
        let long = String(repeating: "x", count: 240)
        let a = InputName.output(for: long + "a.csv.zst", zstd: true)
        let b = InputName.output(for: long + "b.csv.zst", zstd: true)
        #expect(a != b)
        #expect(a.utf8.count <= InputName.maxBytes && a.hasSuffix(".csv.zst"))
        #expect(InputName.output(for: "adressen.csv", zstd: false) == "adressen_robinson.csv")
        #expect(InputName.output(for: "adressen.txt.zst", zstd: false) == "adressen_robinson.txt")
        #expect(InputName.output(for: "adressen", zstd: false) == "adressen_robinson.csv")
        #expect(InputName.fitted(String(repeating: "€", count: 100)).utf8.count <= InputName.maxBytes, "cut at a character boundary")
    }

    @Test func aSymlinkedCustomerFolderIsRefused() throws {
        let f = try PipelineFixture()
        try FileManager.default.removeItem(atPath: f.root.inbox + "/K1001")
        try FileManager.default.createSymbolicLink(atPath: f.root.inbox + "/K1001", withDestinationPath: f.root.inbox + "/K1003")
        try f.drop(PipelineFixture.fixture("inbox/K1003/newsletter.csv.zst"), customer: "K1003")
        let outside = f.root.path + "-outside"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try FileManager.default.copyItem(atPath: Self.good, toPath: outside + "/fremd.csv")
        try f.setModified(outside + "/fremd.csv", f.now.addingTimeInterval(-3600))
        try FileManager.default.removeItem(atPath: f.root.inbox + "/K1002")
        try FileManager.default.createSymbolicLink(atPath: f.root.inbox + "/K1002", withDestinationPath: outside)

        let report = try f.run()
        let jobs = try f.jobs()
        #expect(jobs.map(\.customerId) == ["K1003"], "K1003's file once, as K1003's")
        #expect(FileManager.default.fileExists(atPath: outside + "/fremd.csv"), "nothing outside the root is moved")
        #expect(report.heldLines.contains { $0.hasPrefix("held inbox/K1001: a symbolic link") }, "\(report.heldLines)")
        #expect(report.heldLines.contains { $0.hasPrefix("held inbox/K1002: a symbolic link (to \(outside))") }, "\(report.heldLines)")
    }

    @Test func symlinksAndFoldersInsideACustomerFolderAreNamed() throws {
        let f = try PipelineFixture()
        try FileManager.default.createSymbolicLink(atPath: f.root.inbox + "/K1001/link.csv", withDestinationPath: Self.good)
        try FileManager.default.createDirectory(atPath: f.root.inbox + "/K1001/unterordner", withIntermediateDirectories: true)
        let report = try f.run()
        #expect(try f.jobs().isEmpty)
        #expect(report.heldLines.contains { $0.hasPrefix("held inbox/K1001/link.csv: a symbolic link") }, "\(report.heldLines)")
        #expect(report.heldLines.contains { $0.hasPrefix("held inbox/K1001/unterordner/: a folder") }, "\(report.heldLines)")
    }

    @Test func aFileFromTheFutureIsReportedNotHeldSilently() throws {
        let f = try PipelineFixture()
        let path = try f.drop(Self.good, customer: "K1001", age: -7200)
        let report = try f.run()
        #expect(try f.jobs().isEmpty)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(report.heldLines.count == 1)
        #expect(report.heldLines.first?.contains("later than now") == true, "\(report.heldLines)")
        // A file still being copied (modified a moment ago) is not reported.
        f.now = f.now.addingTimeInterval(7200 + 10)
        #expect(try f.run().heldLines.isEmpty)
    }

    @Test func claimedInputsAndRejectedFilesAre0600() throws {
        let f = try PipelineFixture()
        let good = try f.drop(Self.good, customer: "K1001")
        let bad = try f.drop(PipelineFixture.fixture("bad/ragged.csv"), customer: "K1001")
        chmod(good, 0o644)
        chmod(bad, 0o644)
        _ = try f.run()
        let jobs = try f.jobs()
        #expect(jobs.count == 2)
        for job in jobs {
            if job.state == .done {
                let input = try #require(JobFolder(work: f.root.work, jobId: job.id).claimedInput)
                #expect(try Self.mode(input) == 0o600)
            } else {
                #expect(try Self.mode(try #require(job.outputPath)) == 0o600)
            }
        }
    }

    @Test func rejectedFilesBelongToTheirJobAndArePurgedWithIt() throws {
        let f = try PipelineFixture()
        try f.drop(PipelineFixture.fixture("bad/ragged.csv"), customer: "K1001", as: "x.csv")
        _ = try f.run()
        let first = try #require(try f.jobs().first)
        // Ops put the file back; it is still bad and rejected again a day later.
        f.now = f.now.addingTimeInterval(86_400)
        try FileManager.default.moveItem(atPath: try #require(first.outputPath), toPath: f.root.inbox + "/K1001/x.csv")
        try f.setModified(f.root.inbox + "/K1001/x.csv", f.now.addingTimeInterval(-3600))
        _ = try f.run()
        let second = try #require(try f.jobs().last)
        #expect(second.id != first.id && second.state == .rejected)
        #expect(second.outputPath != first.outputPath)

        // The first job's hold period ends: only its own folder goes.
        f.now = try #require(first.expiresAt).addingTimeInterval(60)
        let purged = try Purge(runtime: f.runtime()).run()
        #expect(purged.jobs == [first.id])
        #expect(FileManager.default.fileExists(atPath: try #require(second.outputPath)))
        #expect(FileManager.default.fileExists(atPath: try #require(second.outputPath) + ".error.txt"))
        let deletions = try f.runtime().database.read { try AuditEntry.filter(AuditEntry.Columns.action == "delete").fetchAll($0) }
        #expect(!deletions.isEmpty)
        #expect(deletions.allSatisfy { $0.detail.hasPrefix("job \(first.id):") && $0.subject.contains("/\(first.id)") }, "\(deletions)")
    }

    @Test func aFileWithoutHeaderIsRejectedWithoutQuotingPersonalData() throws {
        let f = try PipelineFixture()
        try f.drop(PipelineFixture.fixture("bad/no-header.csv"), customer: "K1001")
        let report = try f.run()
        let line = try #require(report.problemLines.first)
        #expect(line.contains("line 1"), "\(line)")
        let job = try #require(try f.jobs().first)
        let note = String(decoding: try f.read(try #require(job.outputPath) + ".error.txt"), as: UTF8.self)
        let audit = try f.runtime().database.read { try AuditEntry.fetchAll($0) }.map { $0.subject + " " + $0.detail }.joined(separator: "\n")
        for text in [line, note, job.error ?? "", audit] {
            for personal in ["Hans", "Mustermann", "Hauptstr", "10115", "example.org"] {
                #expect(!text.contains(personal), "\(personal) in \(text)")
            }
        }
    }

    @Test func anIndexPointerLeadingOutsideIsRefused() throws {
        let f = try PipelineFixture()
        let version = try #require(f.runtime().indexDirectory.currentVersion())
        // A valid index where "../../elsewhere" leads from index/.
        let elsewhere = (f.root.path as NSString).deletingLastPathComponent + "/elsewhere.rbx"
        try? FileManager.default.removeItem(atPath: elsewhere)
        try FileManager.default.copyItem(atPath: f.root.index + "/\(version).rbx", toPath: elsewhere)
        defer { try? FileManager.default.removeItem(atPath: elsewhere) }
        try Data("../../elsewhere\n".utf8).write(to: URL(fileURLWithPath: f.root.index + "/CURRENT"))
        try f.drop(Self.good, customer: "K1001")
        let report = try f.run()
        #expect(report.problemLines.first?.contains("not an index version file") == true, "\(report.problemLines)")
        #expect(try f.jobs().isEmpty, "the file waits in the inbox until the index is usable again")
        #expect(FileManager.default.fileExists(atPath: f.root.index + "/\(version).rbx"), "no version pruned")
    }
}
