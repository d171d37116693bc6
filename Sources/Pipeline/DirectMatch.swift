import Foundation
import Formats
import Matching

/// `robinson match INPUT -o OUTPUT`: one file checked in a single streaming
/// pass (`StreamingMatch`), without inbox, job, e-mail or usage record. The
/// output appears under its name only when complete.
public struct DirectMatch: Sendable {
    let runtime: Runtime

    public init(runtime: Runtime) { self.runtime = runtime }

    public func run(input: String, output: String, lists: ListSet, zstd: Bool?,
                    progress: (@Sendable (Int, Int?) -> Void)? = nil) throws -> StreamingMatch.Result {
        let fingerprinter = try runtime.fingerprinter()
        let index = try runtime.indexDirectory.openCurrent(keyId: fingerprinter.keyId)
        FaultInjection.pause("index-opened")
        let policy = VerdictPolicy(hitKinds: runtime.settings.hitKinds, booked: lists)
        let compress = try zstd ?? (Compression.detect(path: input) == .zstd || output.lowercased().hasSuffix(".zst"))

        let folder = (output as NSString).deletingLastPathComponent
        let temporary = (folder.isEmpty ? "." : folder) + "/." + (output as NSString).lastPathComponent + ".tmp-\(getpid())"
        // A workbook is converted to a CSV beside the output first; the output is that CSV, annotated.
        let converted = temporary + "-workbook"
        defer {
            unlink(converted + ".csv")
            try? FileManager.default.removeItem(atPath: converted)
        }
        var input = input
        if Workbook.signature(path: input) != nil {
            try FileManager.default.createDirectory(atPath: converted, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            _ = try Workbook.convert(path: input, to: converted + ".csv", scratch: converted)
            input = converted + ".csv"
        }
        let estimate = Self.estimatedRows(input)
        do {
            let sink: any ByteSink = compress ? try ZstdSink(path: temporary) : try FileSink(path: temporary, bypassingCache: true)
            let result = try StreamingMatch.run(
                input: input, fingerprinter: fingerprinter, index: index, policy: policy, sink: sink,
                columns: runtime.settings.outputColumns, workers: runtime.settings.workers,
                progress: progress.map { report in { report($0, estimate) } }
            )
            try AtomicFile.commit(temporary: temporary, to: output)
            return result
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Rows in a plain file, estimated from the line length of its first 64 KiB (for the ETA).
    static func estimatedRows(_ path: String) -> Int? {
        guard (try? Compression.detect(path: path)) == Compression.none,
              let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue,
              let handle = FileHandle(forReadingAtPath: path)
        else { return nil }
        defer { try? handle.close() }
        let sample = (try? handle.read(upToCount: 1 << 16)) ?? Data()
        let lines = sample.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        guard lines > 0 else { return nil }
        return size * lines / sample.count
    }
}
