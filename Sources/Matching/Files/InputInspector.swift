import Foundation
import Formats

/// The decode stage: detects compression, encoding and dialect and maps the
/// header's columns. The rows are read once, by the match stage
/// (`StreamingMatch`), which also finds what makes a file unprocessable
/// (no data rows, mostly ragged rows, a quote left open) before its output is
/// published, and counts blank, ragged and mixed-encoding rows.
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

    /// Reads the header only; the row counts stay zero until the match stage sets them.
    private static func inspectThrowing(path: String) throws -> InputDescription {
        let (sample, whole, compression) = try readSample(path: path, limit: 1 << 16)
        let dialect = try DialectSniffer.sniff(sample: sample, sampleIsWholeFile: whole, path: path)
        let reader = RecordReader(source: try openByteSource(path: path), dialect: dialect, path: path)
        while let chunk = try reader.nextChunk(maxRecords: 1) {
            guard chunk.count > 0 else { continue }
            let header = (0..<chunk.fieldCount(0)).map { chunk.fieldString(0, $0, encoding: dialect.encoding) ?? "" }
            let columns = try AddressColumns.required(header: header, path: path)
            return InputDescription(
                compression: compression, dialect: dialect, header: header, columns: columns, rows: 0,
                blankLines: 0, raggedRows: 0, mixedEncodingRows: 0
            )
        }
        throw InputError.empty(path: path)
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
