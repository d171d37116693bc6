import Formats

/// `robinson match` in one pass: each chunk of the file is read once, and its
/// rows are normalized, keyed, looked up and written back with their markers
/// on all workers; chunks are written in input order, so the output equals the
/// staged job's byte for byte. Memory is bounded by the chunk size.
///
/// Unlike the job pipeline there is no separate decode pass, so conditions
/// that reject a file (no data rows, mostly ragged rows) are known only at the
/// end; the caller writes to a temporary file and discards it then.
public enum StreamingMatch {
    public struct Result: Sendable {
        public var stats: MatchStats
        public var blankLines: Int
        public var raggedRows: Int
    }

    public static func run(
        input: String, fingerprinter: Fingerprinter, index: IndexFile, policy: VerdictPolicy, sink: any ByteSink,
        columns: OutputColumns = OutputColumns(), workers: Int, chunkRows: Int = 32_768, progress: ((Int) -> Void)? = nil
    ) throws -> Result {
        let (sample, whole, _) = try InputInspector.readSample(path: input, limit: 1 << 16)
        let dialect = try DialectSniffer.sniff(sample: sample, sampleIsWholeFile: whole, path: input)
        let sink = dialect.encoding(sink)
        let reader = RecordReader(source: try openByteSource(path: input), dialect: dialect, path: input)
        let markers = MarkerWriter(dialect: dialect, columns: columns)
        var keyer: RowKeyer?
        var stats = MatchStats()
        stats.indexVersion = index.version
        var blank = 0, ragged = 0, done = 0
        var firstRagged: Int?
        let memos = (0..<max(1, workers)).map { _ in NormalizationMemo() }

        while let chunk = try reader.nextChunk(maxRecords: chunkRows) {
            var first = 0
            if keyer == nil {
                guard chunk.count > 0 else { continue }
                let header = (0..<chunk.fieldCount(0)).map { chunk.fieldString(0, $0, encoding: dialect.encoding) ?? "" }
                let detected = try AddressColumns.required(header: header, path: input)
                keyer = RowKeyer(columns: detected, headerFieldCount: header.count, encoding: dialect.encoding, fingerprinter: fingerprinter)
                var line = Array(chunk.content(0))
                markers.appendHeader(to: &line)
                line.append(contentsOf: chunk.terminator(0))
                sink.write(line)
                first = 1
            }
            let rowKeyer = keyer!
            let start = first
            let parts = ParallelSlices.map(count: chunk.count - start, workers: workers) { slice, range in
                let memo = memos[slice]
                var part = SlicePart()
                part.bytes.reserveCapacity(range.count * 120)
                for row in range {
                    let record = row + start
                    let probe = rowKeyer.probe(chunk, record, memo: memo)
                    let verdict = policy.decide(probe, index: index)
                    part.bytes.append(contentsOf: chunk.content(record))
                    markers.append(verdict, to: &part.bytes)
                    part.bytes.append(contentsOf: chunk.terminator(record))
                    if probe.isBlank { part.blank += 1 }
                    if probe.rowProblem == .fieldCount {
                        part.ragged += 1
                        if part.firstRagged == nil { part.firstRagged = chunk.records[record].line }
                    }
                    part.stats.add(verdict, line: chunk.records[record].line)
                }
                return part
            }
            for part in parts {
                sink.write(part.bytes)
                stats.merge(part.stats)
                blank += part.blank
                ragged += part.ragged
                if firstRagged == nil { firstRagged = part.firstRagged }
            }
            done += chunk.count - start
            progress?(done)
        }
        try sink.finish()
        guard keyer != nil else { throw InputError.empty(path: input) }
        guard stats.rows > 0 else { throw InputRejection.headerOnly(path: input) }
        if ragged * InputInspector.maxRaggedShare > stats.rows {
            throw InputRejection.mostlyRagged(path: input, ragged: ragged, rows: stats.rows, firstLine: firstRagged ?? 2)
        }
        return Result(stats: stats, blankLines: blank, raggedRows: ragged)
    }

    private struct SlicePart: Sendable {
        var bytes: [UInt8] = []
        var stats = MatchStats()
        var blank = 0
        var ragged = 0
        var firstRagged: Int?
    }
}
