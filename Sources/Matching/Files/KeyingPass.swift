import Formats

/// The normalize+key stage: reads the input once more and writes one probe
/// per data row to `probes.bin`, normalizing and hashing on all workers.
public enum KeyingPass {
    public static func run(
        input: String, description: InputDescription, fingerprinter: Fingerprinter,
        output: String, workers: Int, chunkRows: Int = 32_768, progress: ((Int) -> Void)? = nil
    ) throws {
        let reader = RecordReader(source: try openByteSource(path: input), dialect: description.dialect, path: input)
        let keyer = RowKeyer(
            columns: description.columns, headerFieldCount: description.header.count,
            encoding: description.dialect.encoding, fingerprinter: fingerprinter
        )
        let sink = try FileSink(path: output)
        var skipHeader = true
        let keyers = UnsafeSendable((0..<max(1, workers)).map { _ in ByteRowKeyer(keyer) })
        var done = 0
        while let chunk = try reader.nextChunk(maxRecords: chunkRows) {
            let first = skipHeader ? 1 : 0
            skipHeader = skipHeader && chunk.count == 0
            let rows = max(0, chunk.count - first)
            let parts = ParallelSlices.map(count: rows, workers: workers) { slice, range in
                var out = [UInt8]()
                out.reserveCapacity(range.count * 40)
                var probe = RowProbe()
                for row in range {
                    let record = row + first
                    keyers.value[slice].probe(chunk, record, into: &probe)
                    ProbeCoding.encode(probe, line: chunk.records[record].line, into: &out)
                }
                return out
            }
            for part in parts { sink.write(part) }
            done += rows
            progress?(done)
        }
        try sink.finish()
    }
}
