import Foundation
import Formats

/// Reading, processing and writing overlap: a reader thread reads chunks of
/// records ahead, `workers` threads process one chunk each, and the calling
/// thread consumes the results in input order. At most `workers + 2` chunks
/// are in flight, so memory is bounded by the chunk size; a processed chunk's
/// arrays are handed back to the reader for the next one, so a long file
/// allocates no new memory after its first chunks (glibc would otherwise keep
/// freed multi-megabyte blocks in its per-thread heaps and the resident size
/// would grow with the file).
enum ChunkPipeline {
    /// `process(worker, chunk)` runs on a worker thread; `worker` is below
    /// `workers` and used by one thread at a time, so per-worker state may hang
    /// on it. `consume` runs on the calling thread in chunk order; an error it
    /// throws stops the pipeline and is rethrown, as is a read error after the
    /// chunks read before it are consumed.
    static func run<Output: Sendable>(
        reader: RecordReader, chunkRows: Int, workers: Int,
        process: @escaping @Sendable (Int, RecordChunk) -> Output,
        consume: (Output) throws -> Void
    ) throws {
        let workers = max(1, workers)
        let state = State<Output>(limit: workers + 2)
        let group = DispatchGroup()
        let source = UnsafeSendable(reader)

        group.enter()
        Thread.detachNewThread {
            defer { group.leave() }
            state.read(source.value, chunkRows: chunkRows)
        }
        for worker in 0..<workers {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                while let (sequence, chunk) = state.take() {
                    let output = process(worker, chunk)
                    state.finish(sequence, output, spare: consume chunk)
                }
            }
        }
        defer {
            state.cancel()
            group.wait()
        }
        var next = 0
        while let output = try state.result(next) {
            try consume(output)
            next += 1
        }
    }

    private final class State<Output: Sendable>: @unchecked Sendable {
        private let condition = NSCondition()
        private let limit: Int
        private var pending: [(Int, RecordChunk)] = []
        /// Processed chunks, for the reader to reuse.
        private var spares: [RecordChunk] = []
        private var results: [Int: Output] = [:]
        private var read = 0
        private var consumed = 0
        private var readDone = false
        private var readError: (any Error)?
        private var cancelled = false

        init(limit: Int) { self.limit = limit }

        func read(_ reader: RecordReader, chunkRows: Int) {
            while true {
                condition.lock()
                while read - consumed >= limit && !cancelled { condition.wait() }
                let stop = cancelled
                let spare = spares.popLast()
                condition.unlock()
                if stop { return }
                let chunk: RecordChunk?
                var failure: (any Error)?
                do { chunk = try reader.nextChunk(maxRecords: chunkRows, reusing: spare) } catch { chunk = nil; failure = error }
                condition.lock()
                if let chunk {
                    pending.append((read, chunk))
                    read += 1
                } else {
                    readDone = true
                    readError = failure
                }
                condition.broadcast()
                condition.unlock()
                if chunk == nil { return }
            }
        }

        func take() -> (Int, RecordChunk)? {
            condition.lock()
            defer { condition.unlock() }
            while pending.isEmpty && !readDone && !cancelled { condition.wait() }
            guard !pending.isEmpty, !cancelled else { return nil }
            // At most `limit` items: removing the first moves a few.
            return pending.removeFirst()
        }

        func finish(_ sequence: Int, _ output: Output, spare: consuming RecordChunk) {
            condition.lock()
            if spares.count < limit { spares.append(spare) }
            results[sequence] = output
            condition.broadcast()
            condition.unlock()
        }

        /// The output of chunk `sequence`, nil after the last chunk.
        func result(_ sequence: Int) throws -> Output? {
            condition.lock()
            defer { condition.unlock() }
            while results[sequence] == nil && !(readDone && sequence >= read) { condition.wait() }
            guard let output = results.removeValue(forKey: sequence) else {
                if let readError { throw readError }
                return nil
            }
            consumed += 1
            condition.broadcast()
            return output
        }

        func cancel() {
            condition.lock()
            cancelled = true
            condition.broadcast()
            condition.unlock()
        }
    }
}

/// A chunk's output bytes, filled by a worker and written by the calling
/// thread; one owner at a time, handed over through the pipeline.
final class OutputBuffer: @unchecked Sendable {
    @exclusivity(unchecked) var bytes = ScratchBuffer<UInt8>(capacity: 1 << 16)

    deinit { bytes.release() }
}

/// Output buffers handed back from the thread that writes them out to the
/// workers that fill them, for the same reason as the chunks.
final class SpareBuffers: @unchecked Sendable {  // state behind the lock
    private let lock = NSLock()
    private var buffers: [OutputBuffer] = []
    private let limit: Int

    init(limit: Int) { self.limit = limit }

    /// An empty buffer, with the capacity of one handed back if there is one.
    func take() -> OutputBuffer {
        lock.lock()
        let buffer = buffers.popLast() ?? OutputBuffer()
        lock.unlock()
        buffer.bytes.removeAll()
        return buffer
    }

    func put(_ buffer: OutputBuffer) {
        lock.lock()
        if buffers.count < limit { buffers.append(buffer) }
        lock.unlock()
    }
}
