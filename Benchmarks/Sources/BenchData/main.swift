import Foundation
import Matching
import Synthetic

// bench-data delivery OUT [--post N --telefon N --mobil N --email N] [--seed S]
// bench-data input OUT --rows N [--seed S] [same list sizes]
// bench-data differential INPUT   (every row keyed by the byte-level path and the reference; exits 1 on a difference)
// bench-data hashes COUNT         (CPU time per fingerprint: HMAC-SHA256 and SipHash-2-4)
// bench-data keying INPUT         (CPU time per row of reading and scanning, and of keying with the byte-level keyer, one thread)

func option(_ name: String, _ arguments: [String], default value: Int) -> Int {
    guard let index = arguments.firstIndex(of: "--" + name), index + 1 < arguments.count, let n = Int(arguments[index + 1]) else { return value }
    return n
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2 else {
    FileHandle.standardError.write("usage: bench-data delivery|input|differential|hashes PATH [options]\n".data(using: .utf8)!)
    exit(2)
}
let seed = UInt64(option("seed", arguments, default: 7))
let lists = HardBenchmarkData.Lists(
    post: option("post", arguments, default: 1_000_000), telefon: option("telefon", arguments, default: 800_000),
    mobil: option("mobil", arguments, default: 300_000), email: option("email", arguments, default: 900_000)
)
let path = arguments[1]
do {
    switch arguments[0] {
    case "delivery":
        try HardBenchmarkData.writeDelivery(lists, seed: seed, to: path)
        print("delivery: post \(lists.post), telefon \(lists.telefon), mobil \(lists.mobil), email \(lists.email); pools: \(HardBenchmarkData.distinctSurnames) surnames, \(HardBenchmarkData.distinctStreets) streets")
    case "input":
        let composition = try HardBenchmarkData.writeInput(
            rows: option("rows", arguments, default: 1_000_000), seed: seed, lists: lists, to: path,
            soundsAlike: { KoelnerPhonetik.encode($0) == KoelnerPhonetik.encode($1) }
        )
        print(composition)
    case "differential":
        let report = try KeyingDifferential.run(path: path, workers: ProcessInfo.processInfo.activeProcessorCount)
        print(report)
        if report.differenceCount > 0 { exit(1) }
    case "keying":
        print(try KeyingTiming.run(path: path))
    case "hashes":
        // CPU time of the two keyed functions on key strings as the matcher builds them.
        let messages = (0..<1_000).map { i in
            Array("person\u{1F}mueller\(i)\u{1F}hans\u{1F}hauptstr\u{1F}\(i % 200)a\u{1F}1\(String(10_000 + i))".utf8)
        }
        let count = Int(path) ?? 10_000_000
        for function in [Fingerprinter.Function.hmacSHA256, .sipHash24] {
            let fingerprinter = Fingerprinter(key: HashingKey(bytes: Array(0..<32)), function: function)
            var sink: UInt64 = 0
            let start = clock()
            for i in 0..<count {
                sink &+= messages[i % 1_000].withUnsafeBufferPointer { fingerprinter.fingerprint(message: $0) }
            }
            let seconds = Double(clock() - start) / Double(CLOCKS_PER_SEC)
            print("\(function): \(Int(seconds * 1e9 / Double(count))) ns CPU per fingerprint (\(messages[0].count)-byte keys, \(count) calls, sink \(sink % 10))")
        }
    default:
        FileHandle.standardError.write("unknown command \(arguments[0])\n".data(using: .utf8)!)
        exit(2)
    }
} catch {
    FileHandle.standardError.write("bench-data: \(error)\n".data(using: .utf8)!)
    exit(1)
}
