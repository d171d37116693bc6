import Formats

/// The emit stage: the customer's file byte for byte as it came, with the
/// marker columns appended before each line's own terminator.
public enum EmitPass {
    public static func run(
        input: String, description: InputDescription, verdicts: String, sink: any ByteSink,
        columns: OutputColumns = OutputColumns(), chunkRows: Int = 32_768
    ) throws {
        let dialect = description.dialect
        let sink = dialect.encoding(sink)
        let reader = RecordReader(source: try openByteSource(path: input), dialect: dialect, path: input)
        let verdictReader = try BufferedFileReader(path: verdicts)
        var pending: [Verdict] = []
        var pendingIndex = 0
        var headerDone = false
        var line = [UInt8]()

        func nextVerdict() throws -> Verdict {
            if pendingIndex == pending.count {
                pending.removeAll(keepingCapacity: true)
                pendingIndex = 0
                let more = try verdictReader.withAvailable { raw in
                    var offset = 0
                    while raw.count - offset >= VerdictCoding.size, pending.count < 65_536 {
                        pending.append(VerdictCoding.decode(raw, at: offset))
                        offset += VerdictCoding.size
                    }
                    return offset
                }
                guard more, !pending.isEmpty else { throw StageFileError.truncated }
            }
            defer { pendingIndex += 1 }
            return pending[pendingIndex]
        }

        let markers = MarkerWriter(dialect: dialect, columns: columns)
        var out = [UInt8]()
        while let chunk = try reader.nextChunk(maxRecords: chunkRows) {
            out.removeAll(keepingCapacity: true)
            for record in 0..<chunk.count {
                line.removeAll(keepingCapacity: true)
                line.append(contentsOf: chunk.content(record))
                if !headerDone {
                    headerDone = true
                    markers.appendHeader(to: &line)
                } else {
                    markers.append(try nextVerdict(), to: &line)
                }
                line.append(contentsOf: chunk.terminator(record))
                out.append(contentsOf: line)
            }
            sink.write(out)
        }
        try sink.finish()
    }
}
