import Formats

/// `robinson match` in one pass: a reader thread reads chunks of the file once,
/// worker threads normalize (byte-level, `ByteRowKeyer`), key, look up and
/// write back each chunk's rows with their markers, and the calling thread
/// writes the chunks in input order, so the output equals the staged job's
/// byte for byte. Memory is bounded by the chunk size.
///
/// Unlike the job pipeline there is no separate decode pass, so conditions
/// that reject a file (no data rows, mostly ragged rows) are known only at the
/// end; the caller writes to a temporary file and discards it then.
public enum StreamingMatch {
    public struct Result: Sendable {
        public var stats: MatchStats
        public var blankLines: Int
        public var raggedRows: Int
        /// Rows of a UTF-8 file that are not UTF-8 (read as Windows-1252).
        public var mixedEncodingRows: Int
    }

    /// `dialect`: as the decode stage found it; nil to detect it here.
    public static func run(
        input: String, dialect known: Dialect? = nil, fingerprinter: Fingerprinter, index: IndexFile, policy: VerdictPolicy,
        sink: any ByteSink, columns: OutputColumns = OutputColumns(), workers: Int, chunkRows: Int = 16_384,
        progress: ((Int) -> Void)? = nil
    ) throws -> Result {
        let dialect: Dialect
        if let known {
            dialect = known
        } else {
            let (sample, whole, _) = try InputInspector.readSample(path: input, limit: 1 << 16)
            dialect = try DialectSniffer.sniff(sample: sample, sampleIsWholeFile: whole, path: input)
        }
        let sink = dialect.encoding(sink)
        let reader = RecordReader(source: try openByteSource(path: input), dialect: dialect, path: input)
        let markers = MarkerWriter(dialect: dialect, columns: columns)
        // The header alone: the workers can start on the first rows as soon as it is read.
        guard let first = try reader.nextChunk(maxRecords: 1) else { throw InputError.empty(path: input) }
        let header = (0..<first.fieldCount(0)).map { first.fieldString(0, $0, encoding: dialect.encoding) ?? "" }
        let detected = try AddressColumns.required(header: header, path: input)
        var line = Array(first.content(0))
        markers.appendHeader(to: &line)
        line.append(contentsOf: first.terminator(0))
        sink.write(line)

        let workers = max(1, workers)
        let utf8 = dialect.encoding == .utf8
        let states = UnsafeSendable((0..<workers).map { _ in
            WorkerState(keyer: ByteRowKeyer(
                columns: detected, headerFieldCount: header.count, encoding: dialect.encoding, fingerprinter: fingerprinter))
        })
        let spareBuffers = SpareBuffers(limit: workers + 3)
        let process: @Sendable (Int, RecordChunk) -> SlicePart = { worker, chunk in
            let state = states.value[worker]
            // Bound once: read through `state` in the loops, each would be retained per row.
            let keyer = state.keyer, probes = state.probes, firstKey = state.firstKey
            var part = SlicePart(output: spareBuffers.take())
            let out = part.output
            out.bytes.reserve(chunk.bytes.count + chunk.count * 24)
            chunk.bytes.withUnsafeBufferPointer { bytes in
                // Rows split the chunk at line ends (ASCII), so when all its rows
                // together are UTF-8 each one is: one check instead of one per row.
                let checksRows = utf8 && !TextDecoding.isValidUTF8(
                    UnsafeBufferPointer(rebasing: bytes[chunk.records[0].start..<chunk.records[chunk.count - 1].end]))
                // Rows in groups: all keys of a group are looked up at once, so their cache misses overlap.
                var group = 0
                while group < chunk.count {
                    let end = min(chunk.count, group + WorkerState.groupSize)
                    state.fingerprints.removeAll()
                    for record in group..<end {
                        let probe = record - group
                        if record + 1 < chunk.count { keyer.prepare(chunk, record + 1) }
                        keyer.probe(chunk, record, into: &probes[probe])
                        firstKey[probe] = state.fingerprints.count
                        // By index: `for key in` would retain the key array per row.
                        for key in 0..<probes[probe].keys.count { state.fingerprints.append(probes[probe].keys[key].fingerprint) }
                    }
                    firstKey[end - group] = state.fingerprints.count
                    state.found.removeAll()
                    for _ in 0..<state.fingerprints.count { state.found.append([]) }
                    index.lookup(state.fingerprints.buffer, into: UnsafeMutableBufferPointer(mutating: state.found.buffer))
                    for record in group..<end {
                        let probe = record - group
                        let answers = state.found.slice(firstKey[probe]..<firstKey[probe + 1])
                        let verdict = policy.decide(probes[probe], found: answers)
                        let span = chunk.records[record]
                        out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[span.start..<span.contentEnd]))
                        markers.append(verdict, to: &out.bytes)
                        out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[span.contentEnd..<span.end]))
                        if probes[probe].isBlank {
                            part.counts.blank += 1
                        } else if checksRows, !TextDecoding.isValidUTF8(UnsafeBufferPointer(rebasing: bytes[span.start..<span.contentEnd])) {
                            part.counts.mixed += 1
                        }
                        if probes[probe].rowProblem == .fieldCount {
                            part.counts.ragged += 1
                            if part.counts.firstRagged == nil { part.counts.firstRagged = span.line }
                        }
                        part.counts.stats.add(verdict, line: span.line)
                    }
                    group = end
                }
            }
            return part
        }

        var total = Counts()
        var done = 0
        func consume(_ part: consuming SlicePart, rows: Int) {
            sink.write(UnsafeRawBufferPointer(part.output.bytes.buffer))
            total.add(part.counts)
            done += rows
            progress?(done)
            spareBuffers.put(part.output)
        }
        try ChunkPipeline.run(reader: reader, chunkRows: chunkRows, workers: workers) { worker, chunk in
            (process(worker, chunk), chunk.count)
        } consume: { part, rows in
            consume(part, rows: rows)
        }
        try sink.finish()
        var stats = total.stats.stats
        stats.indexVersion = index.version
        guard stats.rows > 0 else { throw InputRejection.headerOnly(path: input) }
        if total.ragged * InputInspector.maxRaggedShare > stats.rows {
            throw InputRejection.mostlyRagged(path: input, ragged: total.ragged, rows: stats.rows, firstLine: total.firstRagged ?? 2)
        }
        return Result(stats: stats, blankLines: total.blank, raggedRows: total.ragged, mixedEncodingRows: total.mixed)
    }

    /// One worker's keyer and the reused buffers of a group of rows.
    private final class WorkerState {
        static let groupSize = 32
        let keyer: ByteRowKeyer
        /// Plain memory, not arrays: reached several times per row, without a uniqueness check each time.
        let probes = UnsafeMutablePointer<RowProbe>.allocate(capacity: groupSize)
        let firstKey = UnsafeMutablePointer<Int>.allocate(capacity: groupSize + 1)
        @exclusivity(unchecked) var fingerprints = ScratchBuffer<UInt64>(capacity: groupSize * 8)
        @exclusivity(unchecked) var found = ScratchBuffer<ListSet>(capacity: groupSize * 8)

        init(keyer: ByteRowKeyer) {
            self.keyer = keyer
            probes.initialize(repeating: RowProbe(), count: Self.groupSize)
            firstKey.initialize(repeating: 0, count: Self.groupSize + 1)
        }

        deinit {
            probes.deinitialize(count: Self.groupSize)
            probes.deallocate()
            firstKey.deallocate()
            fingerprints.release()
            found.release()
        }
    }

    /// What a chunk's rows add up to, and for the whole file.
    private struct Counts: Sendable {
        var stats = StatsCounter()
        var blank = 0
        var ragged = 0
        var mixed = 0
        var firstRagged: Int?

        mutating func add(_ other: Counts) {
            stats.merge(other.stats)
            blank += other.blank
            ragged += other.ragged
            mixed += other.mixed
            if firstRagged == nil { firstRagged = other.firstRagged }
        }
    }

    private struct SlicePart: Sendable {
        let output: OutputBuffer
        var counts = Counts()
    }
}
