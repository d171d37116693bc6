import Foundation
import Formats
import Matching

/// CPU time per row of the matcher's stages on one thread, without the index:
/// reading and scanning the file into chunks, then keying every row with the
/// byte-level keyer (normalizing and hashing). For comparing changes to the
/// normalizers while other processes share the machine (CPU time, not wall time).
enum KeyingTiming {
    static func run(path: String) throws -> String {
        let dialect = try DialectSniffer.sniff(path: path)
        let fingerprinter = Fingerprinter(key: HashingKey(bytes: Array(0..<32)))

        var start = clock()
        var reader = RecordReader(source: try openByteSource(path: path), dialect: dialect, path: path)
        var rows = 0
        while let chunk = try reader.nextChunk(maxRecords: 16_384) { rows += chunk.count }
        let scan = Double(clock() - start) / Double(CLOCKS_PER_SEC)

        reader = RecordReader(source: try openByteSource(path: path), dialect: dialect, path: path)
        var keyer: ByteRowKeyer?
        var probe = RowProbe()
        var keys = 0
        var keying = 0.0
        while let chunk = try reader.nextChunk(maxRecords: 16_384) {
            var first = 0
            if keyer == nil {
                let header = (0..<chunk.fieldCount(0)).map { chunk.fieldString(0, $0, encoding: dialect.encoding) ?? "" }
                keyer = ByteRowKeyer(
                    columns: AddressColumns.detect(header: header), headerFieldCount: header.count,
                    encoding: dialect.encoding, fingerprinter: fingerprinter)
                first = 1
            }
            start = clock()
            for record in first..<chunk.count {
                keyer!.probe(chunk, record, into: &probe)
                keys += probe.keys.count
            }
            keying += Double(clock() - start) / Double(CLOCKS_PER_SEC)
        }
        let perRow = { (seconds: Double) in String(format: "%.0f ns", seconds * 1e9 / Double(rows)) }
        return "\(rows) rows: read + scan \(perRow(scan)) CPU per row, keying \(perRow(keying)) CPU per row "
            + "(\(keys) keys, \(keyer?.referenceFields ?? 0) fields to the reference normalizers); "
            + "first-name memo: \(memoRate(keyer)) hits"
    }

    private static func memoRate(_ keyer: ByteRowKeyer?) -> String {
        guard let keyer, keyer.givenNameMemoHits + keyer.givenNameMemoMisses > 0 else { return "no" }
        let rate = Double(keyer.givenNameMemoHits) / Double(keyer.givenNameMemoHits + keyer.givenNameMemoMisses)
        return String(format: "%.1f %% of %d lookups", rate * 100, keyer.givenNameMemoHits + keyer.givenNameMemoMisses)
    }
}
