import Dispatch
import Formats

/// Keys every row of a file twice, with the reference (`RowKeyer`, `String`
/// normalizers) and with `ByteRowKeyer`, and reports every row whose probes
/// differ. Used by the tests on generated rows and random bytes, and by the
/// benchmark on its full input.
public enum KeyingDifferential {
    public struct Report: Sendable, CustomStringConvertible {
        public var rows = 0
        /// Fields the byte-level keyer handed to the reference normalizers.
        public var referenceFields = 0
        /// Line numbers (and the two probes' keys) of rows that differ; the first 20.
        public var differences: [String] = []
        public var differenceCount = 0

        public var description: String {
            var text = "differential: \(rows) rows keyed both ways, \(differenceCount) differ; \(referenceFields) fields went to the reference normalizers"
            for line in differences { text += "\n  " + line }
            return text
        }

        mutating func merge(_ other: Report) {
            rows += other.rows
            referenceFields += other.referenceFields
            differenceCount += other.differenceCount
            differences += other.differences.prefix(max(0, 20 - differences.count))
        }
    }

    /// Reads `path` as the matcher does (dialect, header) and compares every data
    /// row, its keys made with `function`.
    public static func run(path: String, workers: Int, function: Fingerprinter.Function = .sipHash24) throws -> Report {
        let (sample, whole, _) = try InputInspector.readSample(path: path, limit: 1 << 16)
        let dialect = try DialectSniffer.sniff(sample: sample, sampleIsWholeFile: whole, path: path)
        let reader = RecordReader(source: try openByteSource(path: path), dialect: dialect, path: path)
        let fingerprinter = Fingerprinter(key: HashingKey(bytes: Array(0..<32)), function: function)
        var reference: RowKeyer?
        var keyers: [ByteRowKeyer] = []
        var report = Report()
        while let chunk = try reader.nextChunk(maxRecords: 32_768) {
            var first = 0
            if reference == nil {
                guard chunk.count > 0 else { continue }
                let header = (0..<chunk.fieldCount(0)).map { chunk.fieldString(0, $0, encoding: dialect.encoding) ?? "" }
                let keyer = RowKeyer(
                    columns: AddressColumns.detect(header: header), headerFieldCount: header.count,
                    encoding: dialect.encoding, fingerprinter: fingerprinter)
                reference = keyer
                keyers = (0..<max(1, workers)).map { _ in ByteRowKeyer(keyer) }
                first = 1
            }
            let start = first
            let rowKeyer = reference!
            let slices = UnsafeSendable(keyers)
            let parts = ParallelSlices.map(count: chunk.count - start, workers: workers) { slice, range in
                compare(chunk, (range.lowerBound + start)..<(range.upperBound + start), rowKeyer, slices.value[slice])
            }
            for part in parts { report.merge(part) }
        }
        report.referenceFields = keyers.reduce(0) { $0 + $1.referenceFields }
        return report
    }

    /// Compares the probes of `records` of `chunk`.
    public static func compare(_ chunk: RecordChunk, _ records: Range<Int>, _ reference: RowKeyer, _ keyer: ByteRowKeyer) -> Report {
        var report = Report()
        var probe = RowProbe()
        for record in records {
            let expected = reference.probe(chunk, record)
            keyer.probe(chunk, record, into: &probe)
            report.rows += 1
            if probe != expected {
                report.differenceCount += 1
                if report.differences.count < 20 {
                    report.differences.append("line \(chunk.records[record].line): reference \(expected), byte-level \(probe)")
                }
            }
        }
        return report
    }
}

/// Hands per-worker objects to `ParallelSlices`: slice `i` is used by one thread only.
struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
