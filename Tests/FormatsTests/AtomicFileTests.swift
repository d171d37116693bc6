import Formats
import Foundation
import Testing

@Suite struct AtomicFileTests {
    @Test func writesCompleteFileWithMode0600AndNoTemporaryLeft() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.file("status.json")
        try AtomicFile.write(utf8("first"), to: file)
        #expect(try contents(file) == utf8("first"))
        #expect(try mode(file) == 0o600)
        // Replacing a file that others could read still leaves 0600.
        chmod(file, 0o644)
        try AtomicFile.write(utf8("second, longer"), to: file)
        #expect(try contents(file) == utf8("second, longer"))
        #expect(try mode(file) == 0o600)
        #expect(try folder.contents() == ["status.json"])
    }

    @Test func honoursAnExplicitMode() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.file("public.txt")
        try AtomicFile.write(utf8("x"), to: file, mode: 0o640)
        #expect(try mode(file) == 0o640)
    }

    @Test func failureLeavesNothingBehind() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // The target is a folder: the rename fails after the temporary file is written.
        try FileManager.default.createDirectory(atPath: folder.file("taken"), withIntermediateDirectories: false)
        try FileManager.default.createDirectory(atPath: folder.file("taken/inside"), withIntermediateDirectories: false)
        #expect(throws: OutputError.self) { try AtomicFile.write(utf8("x"), to: folder.file("taken")) }
        #expect(try folder.contents() == ["taken"])
        #expect(throws: OutputError.self) { try AtomicFile.write(utf8("x"), to: folder.file("missing/file")) }
        #expect(try folder.contents() == ["taken"])
    }

    @Test func commitsATemporaryFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let final = folder.file("result.csv")
        let temporary = AtomicFile.temporaryPath(for: final)
        #expect(temporary.hasPrefix(final + ".tmp-\(getpid())-"))
        #expect(temporary != AtomicFile.temporaryPath(for: final))
        let sink = try FileSink(path: temporary)
        sink.write(utf8("Name;robinson\r\n"))
        try sink.finish()
        try AtomicFile.commit(temporary: temporary, to: final)
        #expect(try folder.contents() == ["result.csv"])
        #expect(try contents(final) == utf8("Name;robinson\r\n"))
        #expect(try mode(final) == 0o600)
        #expect(throws: OutputError.self) { try AtomicFile.commit(temporary: temporary, to: final) }
    }

    @Test(arguments: [
        ("/srv/out/a.csv", "/srv/out"), ("a.csv", "."), ("/a.csv", "/"), ("out/a.csv", "out"),
    ])
    func directoryOfPath(_ path: String, _ directory: String) {
        #expect(AtomicFile.directory(of: path) == directory)
    }

    @Test func fsyncDirectoryFailsForMissingFolder() {
        #expect(throws: OutputError.self) { try AtomicFile.fsyncDirectory("/nonexistent/folder") }
    }
}
