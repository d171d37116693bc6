/// A stream of bytes: a plain file or a decompressed gzip/zstd file.
///
/// Readers pull from it in blocks; a source never needs the whole file in memory.
public protocol ByteSource: AnyObject {
    /// Fills the start of `buffer` with the next bytes and returns how many
    /// were written; 0 means the end of the stream. May return fewer bytes
    /// than fit. Throws ``InputError`` (``FormatError``) for unreadable,
    /// corrupt or truncated data.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// Reads the rest of `source` into one array. For small files (samples,
/// configs, tests); large files go through ``RecordReader``.
public func readAll(_ source: any ByteSource, path: String = "input") throws(InputError) -> [UInt8] {
    var bytes: [UInt8] = []
    let block = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
    defer { block.deallocate() }
    while true {
        let count = try readMapped(source, into: block, path: path)
        if count == 0 { return bytes }
        bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: block[0..<count]))
    }
}

/// Calls `source.read`, turning foreign errors into ``InputError/io(path:detail:)``
/// so that callers see one error type.
func readMapped(
    _ source: any ByteSource, into buffer: UnsafeMutableRawBufferPointer, path: String
) throws(InputError) -> Int {
    do {
        return try source.read(into: buffer)
    } catch let error as InputError {
        throw error
    } catch {
        throw .io(path: path, detail: String(describing: error))
    }
}
