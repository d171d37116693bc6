import CZstd

/// A zstd file, decompressed with `ZSTD_decompressStream`. Several frames in a
/// row are read as one stream.
public final class ZstdSource: ByteSource {
    private let input: CompressedInput
    private let path: String
    private let context: OpaquePointer
    /// The last `ZSTD_decompressStream` result: 0 once a frame is complete and
    /// flushed, otherwise more is needed. Starts non-zero: no frame seen yet.
    private var pending = 1

    /// Decompresses the bytes of `source`; `path` names the file in errors.
    public init(reading source: any ByteSource, path: String) throws(InputError) {
        self.path = path
        input = CompressedInput(source: source, path: path)
        guard let context = ZSTD_createDCtx() else {
            throw .corruptStream(path: path, detail: "zstd: cannot create a decompression context")
        }
        self.context = context
    }

    deinit { ZSTD_freeDCtx(context) }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        var out = ZSTD_outBuffer(dst: base, size: buffer.count, pos: 0)
        while true {
            try input.refillIfEmpty()
            let noMoreInput = input.isEmpty && input.atEnd
            if noMoreInput && pending == 0 { return 0 }
            var inBuffer = ZSTD_inBuffer(src: input.block.baseAddress, size: input.end, pos: input.start)
            let result = ZSTD_decompressStream(context, &out, &inBuffer)
            input.start = inBuffer.pos
            if ZSTD_isError(result) != 0 {
                throw .corruptStream(path: path, detail: "zstd: " + String(cString: ZSTD_getErrorName(result)))
            }
            pending = result
            if out.pos > 0 { return out.pos }
            // No output and no input left: a frame that never finished.
            if noMoreInput { throw .truncatedStream(path: path) }
        }
    }
}
