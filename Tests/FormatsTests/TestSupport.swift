import Formats
import Foundation
import TestSupport

/// The bytes of `text` as UTF-8.
func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

/// An in-memory byte source that hands out at most `step` bytes per read,
/// to exercise short reads.
final class MemorySource: ByteSource {
    private let bytes: [UInt8]
    private let step: Int
    private var offset = 0

    init(_ bytes: [UInt8], step: Int = .max) {
        self.bytes = bytes
        self.step = step
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count = min(buffer.count, step, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { raw in
            buffer.baseAddress!.copyMemory(from: raw.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return count
    }
}

/// A source that never ends: `prefix`, then `filler` forever.
final class EndlessSource: ByteSource {
    private var prefix: [UInt8]
    private let filler: UInt8

    init(prefix: [UInt8], filler: UInt8) {
        self.prefix = prefix
        self.filler = filler
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if !prefix.isEmpty {
            let count = min(buffer.count, prefix.count)
            buffer.copyBytes(from: prefix[0..<count])
            prefix.removeFirst(count)
            return count
        }
        for index in buffer.indices { buffer[index] = filler }
        return buffer.count
    }
}

/// One record as read, in a form easy to compare.
struct ReadRecord: Equatable, CustomStringConvertible {
    var content: [UInt8]
    var terminator: [UInt8]
    var line: Int
    var fields: [[UInt8]]

    var description: String {
        "line \(line): \(fields.map { String(decoding: $0, as: UTF8.self) }) term \(terminator)"
    }
}

/// All records of `bytes`, read through a ``RecordReader`` with the given sizes.
/// Also checks that no chunk exceeds `maxRecords`.
func readRecords(
    _ bytes: [UInt8], delimiter: Character = ";", readSize: Int = 1 << 20, maxRecords: Int = 1000,
    step: Int = .max, maxRecordBytes: Int = 16 << 20
) throws(InputError) -> [ReadRecord] {
    let dialect = Dialect(delimiter: delimiter.asciiValue!)
    let reader = RecordReader(
        source: MemorySource(bytes, step: step), dialect: dialect, path: "/in/test.csv",
        readSize: readSize, maxRecordBytes: maxRecordBytes)
    var result: [ReadRecord] = []
    while let chunk = try reader.nextChunk(maxRecords: maxRecords) {
        precondition(chunk.count <= maxRecords && chunk.count > 0 && chunk.count == chunk.records.count)
        for record in 0..<chunk.count {
            result.append(ReadRecord(
                content: Array(chunk.content(record)), terminator: Array(chunk.terminator(record)),
                line: chunk.records[record].line,
                fields: (0..<chunk.fieldCount(record)).map { chunk.fieldBytes(record, $0) }))
        }
    }
    return result
}

/// The error `body` throws, or `nil`.
func inputError<T>(_ body: () throws(InputError) -> T) -> InputError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error
    }
}

/// A fresh folder under the system temp folder, removed by `remove()`.
struct TemporaryFolder {
    let path: String

    init() throws {
        path = try TemporaryFolders.make("formats-tests")
    }

    func file(_ name: String) -> String { path + "/" + name }

    func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// A small deterministic generator (SplitMix64), so generated tests repeat exactly.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A sink that keeps everything written to it.
final class MemorySink: ByteSink {
    private(set) var bytes: [UInt8] = []
    private(set) var finished = false

    func write(_ buffer: UnsafeRawBufferPointer) { bytes.append(contentsOf: buffer) }

    func finish() throws(OutputError) { finished = true }
}

/// The permission bits of `file`.
func mode(_ file: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: file)
    return (attributes[.posixPermissions] as! NSNumber).intValue
}

/// The bytes of `file`.
func contents(_ file: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: file)))
}

/// The type of the file system holding `path`, as `stat -f` names it ("ext2/ext3" for ext4).
func fileSystem(_ path: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/stat")
    process.arguments = ["-f", "-c", "%T", path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    process.waitUntilExit()
    return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        .trimmingCharacters(in: .whitespacesAndNewlines)
}

/// `count` pseudo-random bytes, the same for the same seed.
func randomBytes(_ count: Int, seed: UInt64) -> [UInt8] {
    var generator = SeededGenerator(state: seed)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(count + 8)
    while bytes.count < count { withUnsafeBytes(of: generator.next()) { bytes.append(contentsOf: $0) } }
    return Array(bytes.prefix(count))
}
