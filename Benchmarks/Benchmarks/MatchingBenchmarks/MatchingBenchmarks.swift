import Benchmark
import Foundation
import Formats
import Matching

// Micro-benchmarks of the matching hot path, on generated data:
//   swift package benchmark --target MatchingBenchmarks
// End to end (`robinson match` on 10 M rows) is `./e2e.sh` beside this package.

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .mallocCountTotal], maxDuration: .seconds(3))
    let fingerprinter = Fingerprinter(key: HashingKey(bytes: [UInt8](repeating: 42, count: 32)))

    Benchmark("HMAC-SHA256 fingerprint of a phone key", configuration: .init(scalingFactor: .kilo)) { benchmark in
        for i in benchmark.scaledIterations {
            blackHole(fingerprinter.fingerprint(.phone, i & 1 == 0 ? "+493012345678" : "+4915112345678"))
        }
    }

    // 3 M fingerprints, the size of the real lists together.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("robinson-bench-\(getpid())").path
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let indexPath = folder + "/bench.rbx"
    var state: UInt64 = 1
    func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    var entries = (0..<3_000_000).map { _ in IndexWriter.Entry(fingerprint: next(), lists: ListSet(.post)) }
    let present = entries.prefix(1 << 16).map(\.fingerprint)

    Benchmark("Index write, 3 M fingerprints", configuration: .init(maxIterations: 5)) { _ in
        var copy = entries
        blackHole(try IndexWriter.write(entries: &copy, to: indexPath, keyId: fingerprinter.keyId, sourceDigest: [UInt8](repeating: 0, count: 32),
                                        rowsPerList: [3_000_000, 0, 0, 0, 0], keysPerKind: [3_000_000, 0, 0, 0, 0], buildTime: 0))
    }
    _ = try? IndexWriter.write(entries: &entries, to: indexPath, keyId: fingerprinter.keyId, sourceDigest: [UInt8](repeating: 0, count: 32),
                               rowsPerList: [3_000_000, 0, 0, 0, 0], keysPerKind: [3_000_000, 0, 0, 0, 0], buildTime: 0)
    let index = try? IndexFile(path: indexPath)

    Benchmark("Index lookup, 3 M fingerprints, half hits", configuration: .init(scalingFactor: .mega)) { benchmark in
        guard let index else { return }
        var probe: UInt64 = 7
        for i in benchmark.scaledIterations {
            probe = probe &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            blackHole(index.lookup(i & 1 == 0 ? present[i & 0xFFFF] : probe))
        }
    }

    Benchmark("Index open and verify, 3 M fingerprints", configuration: .init(maxIterations: 20)) { _ in
        blackHole(try IndexFile(path: indexPath))
    }

    // Normalize + key: the per-row work of a match, on a realistic 8-column row mix.
    let rows = sampleRows(count: 20_000)
    let chunk = try? rows.chunk()
    for memoized in [false, true] {
        Benchmark("Normalize + key, 8-column rows\(memoized ? ", with memo" : "")", configuration: .init(scalingFactor: .kilo)) { benchmark in
            guard let chunk else { return }
            let header = (0..<chunk.fieldCount(0)).map { chunk.fieldString(0, $0, encoding: .utf8) ?? "" }
            let keyer = RowKeyer(columns: AddressColumns.detect(header: header), headerFieldCount: header.count, encoding: .utf8, fingerprinter: fingerprinter)
            let memo = memoized ? NormalizationMemo() : nil
            for i in benchmark.scaledIterations {
                blackHole(keyer.probe(chunk, 1 + i % (chunk.count - 1), memo: memo))
            }
        }
    }
}

/// An in-memory 8-column file.
struct SampleRows {
    let bytes: [UInt8]
    func chunk() throws -> RecordChunk? {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("robinson-rows-\(getpid()).csv").path
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        defer { unlink(path) }
        let dialect = try DialectSniffer.sniff(path: path)
        return try RecordReader(source: try openByteSource(path: path), dialect: dialect, path: path).nextChunk(maxRecords: 1_000_000)
    }
}

func sampleRows(count: Int) -> SampleRows {
    let first = ["Hans", "Erika", "Jürgen", "Anna-Lena", "Dr. Karl", "Sophie", "Günther", "Maria"]
    let last = ["Müller", "Schmidt", "von Bülow", "Meyer", "Schäfer", "Weiß", "Müller-Lüdenscheidt", "Becker"]
    let streets = ["Hauptstraße", "Bahnhofstr.", "Karl-Marx-Straße", "Am Anger", "Straße des 17. Juni", "Goethestr.", "Marktplatz", "Lindenallee"]
    var text = "vorname;nachname;strasse;hausnummer;plz;ort;telefon;email\n"
    for i in 0..<count {
        let f = first[i % first.count], l = last[(i / 8) % last.count], s = streets[(i / 64) % streets.count]
        text += "\(f);\(l);\(s);\(1 + i % 180)\(i % 7 == 0 ? "a" : "");\(String(format: "%05d", 1067 + (i * 7919) % 98_000));Berlin;"
        text += "0\(30 + i % 900) \(1_000_000 + i * 37);\(f.lowercased().filter(\.isLetter)).\(i)@example.de\n"
    }
    return SampleRows(bytes: Array(text.utf8))
}
