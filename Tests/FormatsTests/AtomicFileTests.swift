import Formats
import Foundation
import Testing

private func mode(_ file: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: file)
    return (attributes[.posixPermissions] as! NSNumber).intValue
}

private func contents(_ file: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: file)))
}

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

@Suite struct FileSinkTests {
    @Test(arguments: [1, 4096, 70_000])
    func writesAllBytesInOrder(_ pieceSize: Int) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.file("out.csv")
        let sink = try FileSink(path: file, bufferSize: 8192)
        var expected: [UInt8] = []
        var random = SeededGenerator(state: UInt64(pieceSize))
        while expected.count < 300_000 {
            let piece = (0..<Int.random(in: 1...pieceSize, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            expected += piece
            sink.write(piece)
        }
        sink.write([UInt8]())
        try sink.finish()
        try sink.finish()
        #expect(try contents(file) == expected)
        #expect(try mode(file) == 0o600)
    }

    @Test func writesAnyCollection() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.file("out.csv")
        let sink = try FileSink(path: file)
        sink.write(utf8("a;b").dropFirst())
        sink.write("\r\n".utf8)
        sink.write(Set([UInt8(ascii: "x")]))
        try sink.finish()
        #expect(try contents(file) == utf8(";b\r\nx"))
    }

    @Test func writeErrorsSurfaceAtFinish() throws {
        // /dev/full accepts the open and fails every write with ENOSPC.
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let sink = try FileSink(path: "/dev/full", mode: 0o666, bufferSize: 4096)
        sink.write([UInt8](repeating: 1, count: 10_000))
        #expect(sink.failure != nil)
        #expect(throws: OutputError.self) { try sink.finish() }
    }

    @Test func openFailsInMissingFolder() {
        #expect(throws: OutputError.self) { try FileSink(path: "/nonexistent/folder/out.csv") }
    }

    @Test func zstdSinkWritesA0600File() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.file("out.csv.zst")
        _ = try zstd(utf8("Name;robinson\r\n"), file: file)
        #expect(try mode(file) == 0o600)
        #expect(try readFile(file) == utf8("Name;robinson\r\n"))
    }
}
