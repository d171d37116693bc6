import CZlib
import Formats
import Foundation
import Testing

/// Gzip-compresses `bytes` with zlib (windowBits 31 = gzip wrapper).
func gzip(_ bytes: [UInt8]) -> [UInt8] {
    var stream = z_stream()
    precondition(deflateInit2_(&stream, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK)
    defer { deflateEnd(&stream) }
    var input = bytes
    var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))) + 64)
    let produced = input.withUnsafeMutableBufferPointer { inBuffer in
        output.withUnsafeMutableBufferPointer { outBuffer in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = UInt32(inBuffer.count)
            stream.next_out = outBuffer.baseAddress
            stream.avail_out = UInt32(outBuffer.count)
            precondition(deflate(&stream, Z_FINISH) == Z_STREAM_END)
            return outBuffer.count - Int(stream.avail_out)
        }
    }
    return Array(output[0..<produced])
}

/// Zstd-compresses `bytes` through ``ZstdSink`` into `file` and returns the compressed bytes.
func zstd(_ bytes: [UInt8], file: String) throws -> [UInt8] {
    let sink = try ZstdSink(path: file)
    // Several writes, to cross the sink's buffers.
    var offset = 0
    while offset < bytes.count {
        let end = min(bytes.count, offset + 50_000)
        sink.write(bytes[offset..<end])
        offset = end
    }
    try sink.finish()
    return Array(try Data(contentsOf: URL(fileURLWithPath: file)))
}

func write(_ bytes: [UInt8], to file: String) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: file))
}

/// Reads `file` through ``openByteSource(path:)``.
func readFile(_ file: String) throws(InputError) -> [UInt8] {
    try readAll(try openByteSource(path: file), path: file)
}

/// A CSV big enough to span many read blocks and zstd blocks.
let sampleCSV: [UInt8] = {
    var random = SeededGenerator(state: 7)
    var text = "Name;Vorname;Straße;PLZ;Ort\r\n"
    for row in 0..<20_000 {
        text += "Müller\(UInt32.random(in: 0...99_999, using: &random));Hans;Hauptstr. \(row % 200);0\(row % 10_000);Köln\r\n"
    }
    return utf8(text)
}()

@Suite struct CompressionTests {
    @Test(arguments: [
        ([0x28, 0xB5, 0x2F, 0xFD, 0x04] as [UInt8], Compression.zstd),
        ([0x1F, 0x8B, 0x08], .gzip),
        ([0x1F, 0x8B], .gzip),
        ([0x28, 0xB5, 0x2F], .none),
        ([0x1F], .none),
        ([], .none),
        (utf8("Name;Ort"), .none),
        ([0xEF, 0xBB, 0xBF, 0x28], .none),
    ])
    func detectsCompressionByMagic(_ magic: [UInt8], _ expected: Compression) {
        #expect(Compression.detect(magic: magic) == expected)
    }

    @Test(arguments: [[UInt8](), utf8("a;b\n"), sampleCSV])
    func zstdRoundTrip(_ content: [UInt8]) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // No .zst extension: detection goes by magic bytes.
        let file = folder.file("upload.csv")
        let compressed = try zstd(content, file: file)
        #expect(Compression.detect(magic: Array(compressed.prefix(4))) == .zstd)
        if content.count > 1000 { #expect(compressed.count < content.count / 2) }
        #expect(try openByteSource(path: file) is ZstdSource)
        #expect(try Compression.detect(path: file) == .zstd)
        #expect(try readFile(file) == content)
    }

    @Test func gzipRoundTripAndMultipleMembers() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.file("upload.gz.csv")
        try write(gzip(sampleCSV), to: file)
        #expect(try openByteSource(path: file) is GzipSource)
        #expect(try Compression.detect(path: file) == .gzip)
        #expect(try readFile(file) == sampleCSV)
        let twoMembers = folder.file("two.gz")
        try write(gzip(utf8("a;b\n")) + gzip(utf8("c;d\n")), to: twoMembers)
        #expect(try readFile(twoMembers) == utf8("a;b\nc;d\n"))
    }

    @Test func plainFileIsReadAsIs() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.file("kunden.zst")  // a misleading extension
        try write(sampleCSV, to: file)
        #expect(try openByteSource(path: file) is FileSource)
        #expect(try Compression.detect(path: file) == Compression.none)
        #expect(try readFile(file) == sampleCSV)
    }

    /// Records across read boundaries of a decompressed stream.
    @Test(arguments: [7, 4096, 1 << 20])
    func readerOverCompressedFiles(_ readSize: Int) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let zstdFile = folder.file("a.zst"), gzipFile = folder.file("a.gz")
        _ = try zstd(sampleCSV, file: zstdFile)
        try write(gzip(sampleCSV), to: gzipFile)
        for file in [zstdFile, gzipFile] {
            let reader = RecordReader(source: try openByteSource(path: file), dialect: Dialect(), path: file, readSize: readSize)
            var bytes: [UInt8] = []
            var records = 0
            while let chunk = try reader.nextChunk(maxRecords: 5000) {
                bytes += chunk.bytes
                records += chunk.count
                #expect((0..<chunk.count).allSatisfy { chunk.fieldCount($0) == 5 })
            }
            #expect(records == 20_001)
            #expect(bytes == sampleCSV)
        }
    }

    @Test func truncatedZstdIsReported() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let compressed = try zstd(sampleCSV, file: folder.file("whole.zst"))
        for length in [4, 10, compressed.count / 2, compressed.count - 1] {
            let file = folder.file("cut-\(length).zst")
            try write(Array(compressed.prefix(length)), to: file)
            #expect(inputError { () throws(InputError) in try readFile(file) } == .truncatedStream(path: file), "cut at \(length)")
        }
    }

    @Test func truncatedGzipIsReported() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let compressed = gzip(sampleCSV)
        for length in [2, 10, compressed.count / 2, compressed.count - 1] {
            let file = folder.file("cut-\(length).gz")
            try write(Array(compressed.prefix(length)), to: file)
            #expect(inputError { () throws(InputError) in try readFile(file) } == .truncatedStream(path: file), "cut at \(length)")
        }
    }

    @Test func corruptStreamsAreReported() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var zstdBytes = try zstd(sampleCSV, file: folder.file("whole.zst"))
        for index in stride(from: zstdBytes.count / 2, to: zstdBytes.count / 2 + 16, by: 1) { zstdBytes[index] ^= 0x5A }
        var gzipBytes = gzip(sampleCSV)
        gzipBytes[3] = 0xFF  // reserved header flags
        let trailing = gzip(utf8("a\n")) + utf8("garbage after the member")
        for (name, bytes) in [("bad.zst", zstdBytes), ("bad.gz", gzipBytes), ("trailing.gz", trailing)] {
            let file = folder.file(name)
            try write(bytes, to: file)
            let error = inputError { () throws(InputError) in try readFile(file) }
            guard case .corruptStream(let path, let detail) = error else {
                Issue.record("\(name): expected corruptStream, got \(String(describing: error))")
                continue
            }
            #expect(path == file)
            #expect(!detail.isEmpty)
        }
    }

    @Test func emptyCompressedFileIsAnEmptyFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.file("leer.zst")
        try write([], to: file)
        #expect(try readFile(file) == [])
        #expect(inputError { () throws(InputError) in try DialectSniffer.sniff(path: file) } == .empty(path: file))
    }

    @Test func missingFileIsAnIOError() {
        let error = inputError { () throws(InputError) in try openByteSource(path: "/nonexistent/kunden.csv") }
        guard case .io(let path, let detail) = error else {
            Issue.record("expected io, got \(String(describing: error))")
            return
        }
        #expect(path == "/nonexistent/kunden.csv")
        #expect(detail.contains("No such file"))
    }
}
