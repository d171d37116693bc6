#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CZstd

/// Compresses everything written with zstd (level 3, with a content checksum)
/// and passes the compressed bytes to another sink, usually a ``FileSink``.
public final class ZstdSink: ByteSink {
    private let sink: any ByteSink
    private let context: OpaquePointer
    private let output: UnsafeMutableRawBufferPointer
    private let path: String
    private var failure: OutputError?
    private var finished = false

    /// Compresses into `sink`; `path` names the output in errors.
    public init(wrapping sink: any ByteSink, path: String, level: Int32 = 3) throws(OutputError) {
        guard let context = ZSTD_createCCtx() else {
            throw .io(path: path, operation: "zstd init", detail: "cannot create a compression context")
        }
        ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, level)
        // The checksum lets the reader tell a damaged file from a good one.
        ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, 1)
        self.sink = sink
        self.context = context
        self.path = path
        output = .allocate(byteCount: ZSTD_CStreamOutSize(), alignment: 16)
    }

    /// Writes a zstd file at `path` (mode 0600 unless `mode` says otherwise).
    public convenience init(path: String, mode: mode_t = 0o600, level: Int32 = 3) throws(OutputError) {
        try self.init(wrapping: try FileSink(path: path, mode: mode), path: path, level: level)
    }

    deinit {
        ZSTD_freeCCtx(context)
        output.deallocate()
    }

    public func write(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil, !finished, bytes.count > 0 else { return }
        var input = ZSTD_inBuffer(src: bytes.baseAddress, size: bytes.count, pos: 0)
        while input.pos < input.size, failure == nil {
            _ = compress(&input, ZSTD_e_continue)
        }
    }

    public func finish() throws(OutputError) {
        if !finished {
            finished = true
            var input = ZSTD_inBuffer(src: nil, size: 0, pos: 0)
            // ZSTD_e_end returns how much is still to flush; 0 = frame complete.
            while failure == nil, compress(&input, ZSTD_e_end) != 0 {}
        }
        do {
            try sink.finish()
        } catch {
            if failure == nil { failure = error }
        }
        if let failure { throw failure }
    }

    /// One `ZSTD_compressStream2` step; passes its output on. Returns zstd's
    /// "remaining" hint (0 when nothing is left to flush).
    private func compress(_ input: inout ZSTD_inBuffer, _ directive: ZSTD_EndDirective) -> Int {
        var out = ZSTD_outBuffer(dst: output.baseAddress, size: output.count, pos: 0)
        let remaining = ZSTD_compressStream2(context, &out, &input, directive)
        if ZSTD_isError(remaining) != 0 {
            failure = .io(path: path, operation: "zstd compress", detail: String(cString: ZSTD_getErrorName(remaining)))
            return 0
        }
        if out.pos > 0 { sink.write(UnsafeRawBufferPointer(start: output.baseAddress, count: out.pos)) }
        return remaining
    }
}
