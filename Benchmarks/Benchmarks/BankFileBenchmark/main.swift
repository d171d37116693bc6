import Billing
import Foundation
import Synthetic

// Reads one generated bank file and prints its size, the time `BankFile.read`
// took and the process's peak RSS. One file per process, so the peak belongs
// to it; `../bankfiles.sh` runs the series.
//
//   BankFileBenchmark KIND ENTRIES [SCHEMA-FOLDER]
//   KIND: camt.053.001.02 camt.053.001.08 camt.054.001.02 camt.054.001.08 pain.002.001.03 pain.002.001.10 csv

let arguments = CommandLine.arguments
guard arguments.count >= 3, let kind = SyntheticBankFile.Kind(rawValue: arguments[1]), let entries = Int(arguments[2]) else {
    FileHandle.standardError.write(Data("usage: BankFileBenchmark KIND ENTRIES [SCHEMA-FOLDER]\n".utf8))
    exit(2)
}
let schemas = arguments.count > 3 ? arguments[3] : nil
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("robinson-bankbench-\(getpid())").path
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: folder) }
let path = folder + "/bank." + (kind == .returnsCSV ? "csv" : "xml")
let expected = try SyntheticBankFile.write(kind, entries: entries, seed: 7, to: path)
let bytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0

let start = DispatchTime.now().uptimeNanoseconds
let report = try BankFile.read(path: path, schemas: schemas)
let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
let found = report.returnedDebits.count + report.credits.count
let expectedCount = expected.returnedEndToEndIds.count + expected.creditCents.count
print(String(format: "%@\t%d entries\t%.1f MB\t%.2f s\tpeak RSS %d MB\t%d read%@", kind.rawValue, entries, Double(bytes) / 1e6, seconds,
             usage.ru_maxrss / 1024, found, found == expectedCount ? "" : " (expected \(expectedCount))"))

// ROBINSON_BENCH_DUMP=FILE writes every entry and skipped line, to compare two builds' readings.
if let dump = ProcessInfo.processInfo.environment["ROBINSON_BENCH_DUMP"] {
    let lines = report.entries.map { "\($0)" } + report.skipped.map { "skipped \($0)" }
    try (lines.joined(separator: "\n") + "\n").write(toFile: dump, atomically: true, encoding: .utf8)
}
