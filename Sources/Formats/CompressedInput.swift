/// The compressed bytes a decompressing source has read but not yet consumed.
final class CompressedInput {
    private let source: any ByteSource
    private let path: String
    /// Owned block of compressed bytes; `start..<end` is not yet consumed.
    let block: UnsafeMutableRawBufferPointer
    var start = 0
    var end = 0
    /// The underlying source returned 0.
    private(set) var atEnd = false

    init(source: any ByteSource, path: String, blockSize: Int = 1 << 17) {
        self.source = source
        self.path = path
        block = .allocate(byteCount: blockSize, alignment: 16)
    }

    deinit { block.deallocate() }

    var isEmpty: Bool { start == end }

    /// When everything is consumed, reads the next block (or notes the end).
    func refillIfEmpty() throws(InputError) {
        guard isEmpty, !atEnd else { return }
        start = 0
        end = try readMapped(source, into: block, path: path)
        if end == 0 { atEnd = true }
    }
}
