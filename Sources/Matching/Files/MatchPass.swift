import Formats

/// The match stage: looks every probe up in the index and writes one verdict
/// per data row to `verdicts.bin`.
public enum MatchPass {
    public static func run(probes: String, index: IndexFile, policy: VerdictPolicy, output: String) throws -> MatchStats {
        let reader = try BufferedFileReader(path: probes)
        let sink = try FileSink(path: output)
        var stats = MatchStats()
        stats.indexVersion = index.version
        var out = [UInt8]()
        while try reader.withAvailable({ raw in
            var offset = 0
            out.removeAll(keepingCapacity: true)
            while let (probe, line, size) = ProbeCoding.decode(raw, at: offset) {
                let verdict = policy.decide(probe, index: index)
                VerdictCoding.encode(verdict, into: &out)
                stats.add(verdict, line: line)
                offset += size
            }
            return offset
        }) {
            sink.write(out)
        }
        try sink.finish()
        return stats
    }
}
