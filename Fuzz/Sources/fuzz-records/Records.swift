import Formats
import FuzzSupport
#if canImport(Glibc)
import Glibc
#endif

/// The input is a customer's upload: a CSV in any encoding, gzip or zstd
/// compressed, or an .xlsx workbook. Properties beyond "no crash":
/// - reading in 1 MiB blocks and in tiny pieces gives the same records
///   (or the same error);
/// - text that decodes in an encoding encodes back to the same bytes.
@main enum Target {
    static func main() { runFuzzer { data, size in fuzzRecords(data, size) } }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRecords(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data!, count: size))
    roundTrip(bytes)
    if bytes.starts(with: [0x50, 0x4B]) {
        workbook(bytes)
    } else if bytes.starts(with: [0x1F, 0x8B]) || bytes.starts(with: [0x28, 0xB5, 0x2F, 0xFD]) {
        compressed(bytes)
    } else {
        plain(bytes)
    }
    return 0
}

private func roundTrip(_ bytes: [UInt8]) {
    for encoding in [TextEncoding.utf8, .windows1252, .iso88591] {
        guard let text = TextDecoding.decode(bytes, as: encoding) else { continue }
        guard TextDecoding.encode(text, as: encoding) == bytes else {
            finding("\(encoding) decodes \(bytes.count) bytes to text that does not encode back to them")
        }
    }
}

/// What a reader handed out: per record its line and decoded fields, and the chunks' bytes.
private struct Read: Equatable {
    var records: [[String?]] = []
    var lines: [Int] = []
    var bytes: [UInt8] = []
    var error: String?
}

private func read(_ source: any ByteSource, dialect: Dialect, readSize: Int, maxRecords: Int) -> Read {
    let reader = RecordReader(source: source, dialect: dialect, path: "fuzz.csv", readSize: readSize)
    var result = Read()
    // Each chunk goes back to the reader as the next one's spare, as the matcher's do.
    var spare: RecordChunk?
    do {
        while let chunk = try reader.nextChunk(maxRecords: maxRecords, reusing: spare) {
            result.bytes += chunk.bytes
            defer { spare = chunk }
            for record in 0..<chunk.count {
                _ = chunk.isBlank(record)
                _ = chunk.allFieldsBlank(record)
                result.lines.append(chunk.records[record].line)
                result.records.append((0..<chunk.fieldCount(record)).map { chunk.fieldString(record, $0, encoding: dialect.encoding) })
            }
        }
    } catch {
        result.error = error.description
    }
    return result
}

private func plain(_ bytes: [UInt8]) {
    guard let dialect = try? DialectSniffer.sniff(sample: bytes, sampleIsWholeFile: true, path: "fuzz.csv") else { return }
    let whole = read(MemorySource(bytes), dialect: dialect, readSize: 1 << 20, maxRecords: 10_000)
    let piece = 1 + bytes.count % 7
    let pieces = read(MemorySource(bytes, piece: piece), dialect: dialect, readSize: 1 + bytes.count % 13, maxRecords: 1 + bytes.count % 3)
    // After an error the records handed out before it depend on the chunk size; the error must not.
    let same = whole.error == nil && pieces.error == nil ? whole == pieces : whole.error == pieces.error
    guard same else {
        finding("reading in pieces of \(piece) differs from reading whole: \(whole.records.count) vs \(pieces.records.count) records, errors \(whole.error ?? "none") / \(pieces.error ?? "none")")
    }
}

/// Streams the decompressed text as the matcher does (a sample to sniff, then blocks).
private func compressed(_ bytes: [UInt8]) {
    let path = Scratch.write(bytes, name: "input.csv")
    guard let sampler = try? openByteSource(path: path) else { return }
    var sample: [UInt8] = []
    let block = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
    defer { block.deallocate() }
    var whole = false
    while sample.count < 1 << 16 {
        guard let count = try? sampler.read(into: block) else { return }
        if count == 0 { whole = true; break }
        sample += block[0..<count]
    }
    guard let dialect = try? DialectSniffer.sniff(sample: sample, sampleIsWholeFile: whole, path: path),
          let source = try? openByteSource(path: path) else { return }
    _ = read(source, dialect: dialect, readSize: 1 << 16, maxRecords: 4096)
}

private func workbook(_ bytes: [UInt8]) {
    let path = Scratch.write(bytes, name: "input.xlsx")
    let scratch = Scratch.folder + "/parts"
    let output = Scratch.folder + "/converted.csv"
    Scratch.remove(scratch)
    Scratch.remove(output)
    Glibc.mkdir(scratch, 0o700)
    defer { Scratch.remove(scratch) }
    guard (try? Workbook.convert(path: path, to: output, scratch: scratch)) != nil,
          let source = try? openByteSource(path: output) else { return }
    let csv = (try? readAll(source)) ?? []
    plain(csv)
}
