import Foundation
import Formats

/// The decode stage: detects compression, encoding and dialect, maps the
/// columns and reads the whole file once to find what would make it
/// unprocessable, before any output is produced.
public enum InputInspector {
    /// More ragged rows than this share rejects the file (the delimiter or quoting is wrong).
    public static let maxRaggedShare = 2 // one half

    public static func inspect(path: String) throws(InputRejection) -> InputDescription {
        do {
            return try inspectThrowing(path: path)
        } catch let error as InputRejection {
            throw error
        } catch let error as InputError {
            throw .input(error)
        } catch {
            throw .input(.io(path: path, detail: "\(error)"))
        }
    }

    private static func inspectThrowing(path: String) throws -> InputDescription {
        let (sample, whole, compression) = try readSample(path: path, limit: 1 << 16)
        let dialect = try DialectSniffer.sniff(sample: sample, sampleIsWholeFile: whole, path: path)
        let reader = RecordReader(source: try openByteSource(path: path), dialect: dialect, path: path)

        var header: [String]?
        var columns = AddressColumns()
        var rows = 0, blank = 0, ragged = 0, mixed = 0
        var firstRagged: Int?
        while let chunk = try reader.nextChunk(maxRecords: 65_536) {
            var start = 0
            if header == nil {
                guard chunk.count > 0 else { continue }
                let fields = (0..<chunk.fieldCount(0)).map { chunk.fieldString(0, $0, encoding: dialect.encoding) ?? "" }
                header = fields
                columns = try AddressColumns.required(header: fields, path: path)
                start = 1
            }
            let width = header!.count
            for record in start..<chunk.count {
                if chunk.isBlank(record) {
                    blank += 1
                    continue
                }
                rows += 1
                if chunk.fieldCount(record) != width {
                    ragged += 1
                    if firstRagged == nil { firstRagged = chunk.records[record].line }
                }
                if dialect.encoding == .utf8, !TextDecoding.isValidUTF8(chunk.content(record)) {
                    mixed += 1
                }
            }
        }
        guard let header else { throw InputError.empty(path: path) }
        guard rows > 0 else { throw InputRejection.headerOnly(path: path) }
        if ragged * maxRaggedShare > rows {
            throw InputRejection.mostlyRagged(path: path, ragged: ragged, rows: rows, firstLine: firstRagged ?? 2)
        }
        return InputDescription(
            compression: compression, dialect: dialect, header: header, columns: columns, rows: rows,
            blankLines: blank, raggedRows: ragged, mixedEncodingRows: mixed
        )
    }

    /// The first `limit` decompressed bytes, whether that is the whole file, and the compression.
    static func readSample(path: String, limit: Int) throws -> ([UInt8], Bool, Compression) {
        let source = try openByteSource(path: path)
        var sample = [UInt8](repeating: 0, count: limit)
        var filled = 0
        var whole = false
        while filled < limit {
            let n = try sample.withUnsafeMutableBytes { raw in
                try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[filled...]))
            }
            if n == 0 { whole = true; break }
            filled += n
        }
        sample.removeLast(limit - filled)
        return (sample, whole, try compressionOf(path: path))
    }

    static func compressionOf(path: String) throws -> Compression {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw InputError.io(path: path, detail: "cannot open") }
        defer { close(fd) }
        var magic = [UInt8](repeating: 0, count: 4)
        let n = magic.withUnsafeMutableBytes { read(fd, $0.baseAddress, 4) }
        return Compression.detect(magic: Array(magic.prefix(max(0, n))))
    }
}
