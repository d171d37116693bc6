/// How an input file is compressed. Detected from the first bytes, never from
/// the file name: customers rename files freely.
public enum Compression: String, Sendable, Codable {
    case none, gzip, zstd

    /// The compression whose magic number starts `magic` (zstd `28 B5 2F FD`,
    /// gzip `1F 8B`); `.none` for anything else, including fewer bytes.
    public static func detect(magic: [UInt8]) -> Compression {
        if magic.starts(with: [0x28, 0xB5, 0x2F, 0xFD]) { return .zstd }
        if magic.starts(with: [0x1F, 0x8B]) { return .gzip }
        return .none
    }

    /// The compression of the file at `path`, from its first bytes.
    public static func detect(path: String) throws(InputError) -> Compression {
        detect(magic: try FileSource(path: path).peek(4))
    }
}

/// Opens `path` for reading, decompressing gzip or zstd as its magic bytes say.
///
/// An empty file opens as a plain, empty source (the dialect sniffer then
/// reports ``InputError/empty(path:)``).
public func openByteSource(path: String) throws(InputError) -> any ByteSource {
    let file = try FileSource(path: path)
    switch Compression.detect(magic: try file.peek(4)) {
    case .none: return file
    case .gzip: return try GzipSource(reading: file, path: path)
    case .zstd: return try ZstdSource(reading: file, path: path)
    }
}
