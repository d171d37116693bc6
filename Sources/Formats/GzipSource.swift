import CGzip

/// A gzip file, inflated with zlib. Concatenated gzip members (as `cat a.gz b.gz`
/// makes) are read as one stream.
public final class GzipSource: ByteSource {
    private let input: CompressedInput
    private let path: String
    // zlib keeps a pointer back to the stream, so it must not move: heap-allocate it.
    private let stream: UnsafeMutablePointer<z_stream>
    /// The current member ended; another may follow.
    private var memberEnded = false
    private var finished = false

    /// Inflates the bytes of `source`; `path` names the file in errors.
    public init(reading source: any ByteSource, path: String) throws(InputError) {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // 15 + 32: largest window, and accept both gzip and zlib headers.
        let status = inflateInit2_(stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            // Before any property is set, so deinit does not run.
            stream.deallocate()
            throw .corruptStream(path: path, detail: "gzip: cannot initialise zlib (\(status))")
        }
        self.stream = stream
        self.path = path
        input = CompressedInput(source: source, path: path)
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        guard let out = buffer.baseAddress, buffer.count > 0, !finished else { return 0 }
        let capacity = UInt32(clamping: buffer.count)
        stream.pointee.next_out = out.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = capacity
        while true {
            try input.refillIfEmpty()
            if input.isEmpty {
                if memberEnded { finished = true; return Int(capacity - stream.pointee.avail_out) }
                throw .truncatedStream(path: path)
            }
            if memberEnded {
                // More bytes after a complete member: the next member starts.
                inflateReset(stream)
                memberEnded = false
            }
            let available = input.end - input.start
            stream.pointee.next_in = (input.block.baseAddress! + input.start).assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_in = UInt32(clamping: available)
            let status = inflate(stream, Z_NO_FLUSH)
            input.start += available - Int(stream.pointee.avail_in)
            switch status {
            case Z_STREAM_END: memberEnded = true
            case Z_OK, Z_BUF_ERROR: break
            default: throw .corruptStream(path: path, detail: "gzip: " + message(status))
            }
            let produced = Int(capacity - stream.pointee.avail_out)
            if produced > 0 { return produced }
        }
    }

    private func message(_ status: Int32) -> String {
        if let text = stream.pointee.msg { return String(cString: text) }
        return "zlib error \(status)"
    }
}
