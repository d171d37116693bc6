import Foundation
import Formats
import Matching

/// `robinson match INPUT -o OUTPUT`: the decode, key, match and emit stages on
/// one file, without inbox, job or e-mail; the work files live in a private
/// folder under `work/` that is removed afterwards.
public struct DirectMatch: Sendable {
    let runtime: Runtime

    public init(runtime: Runtime) { self.runtime = runtime }

    public struct Result: Sendable {
        public var description: InputDescription
        public var stats: MatchStats
    }

    public func run(input: String, output: String, lists: ListSet, zstd: Bool?,
                    progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> Result {
        let fingerprinter = try runtime.fingerprinter()
        let index = try runtime.indexDirectory.openCurrent(keyId: fingerprinter.keyId)
        let description = try InputInspector.inspect(path: input)
        let scratch = "\(runtime.root.work)/.match-\(getpid())-\(UInt32.random(in: 0..<UInt32.max))"
        try runtime.root.makeFolder(scratch)
        defer { try? FileManager.default.removeItem(atPath: scratch) }

        let total = description.rows + description.blankLines
        try KeyingPass.run(input: input, description: description, fingerprinter: fingerprinter,
                           output: scratch + "/probes.bin", workers: runtime.settings.workers,
                           progress: progress.map { report in { report($0, total) } })
        let policy = VerdictPolicy(hitKinds: runtime.settings.hitKinds, booked: lists)
        let stats = try MatchPass.run(probes: scratch + "/probes.bin", index: index, policy: policy, output: scratch + "/verdicts.bin")

        let compress = zstd ?? (description.compression == .zstd || output.lowercased().hasSuffix(".zst"))
        let outputFolder = (output as NSString).deletingLastPathComponent
        let temporary = (outputFolder.isEmpty ? "." : outputFolder) + "/." + (output as NSString).lastPathComponent + ".tmp-\(getpid())"
        do {
            let sink: any ByteSink = compress ? try ZstdSink(path: temporary) : try FileSink(path: temporary)
            try EmitPass.run(input: input, description: description, verdicts: scratch + "/verdicts.bin", sink: sink,
                             columns: runtime.settings.outputColumns)
            try AtomicFile.commit(temporary: temporary, to: output)
        } catch {
            unlink(temporary)
            throw error
        }
        return Result(description: description, stats: stats)
    }
}
