import Formats

/// Reads a stage's binary work file in large blocks and hands out whole
/// records, carrying a partial record over to the next block.
final class BufferedFileReader {
    private let source: any ByteSource
    private var buffer: [UInt8] = []
    private var offset = 0
    private var atEnd = false
    private let blockSize: Int

    init(path: String, blockSize: Int = 1 << 20) throws {
        source = try openByteSource(path: path)
        self.blockSize = blockSize
    }

    /// Calls `body` with the unread bytes; `body` returns how many it consumed.
    /// Returns false at the end of the file.
    func withAvailable(_ body: (UnsafeRawBufferPointer) throws -> Int) throws -> Bool {
        if buffer.count - offset < blockSize / 2, !atEnd { try refill() }
        if offset == buffer.count { return false }
        let consumed = try buffer.withUnsafeBytes { raw in
            try body(UnsafeRawBufferPointer(rebasing: raw[offset...]))
        }
        if consumed == 0 {
            if atEnd { throw StageFileError.truncated }
            try refill()
            return true
        }
        offset += consumed
        return true
    }

    private func refill() throws {
        buffer.removeFirst(offset)
        offset = 0
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: blockSize))
        let n = try buffer.withUnsafeMutableBytes { raw in
            try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[start...]))
        }
        buffer.removeLast(blockSize - n)
        if n == 0 { atEnd = true }
    }
}

enum StageFileError: Error, CustomStringConvertible {
    case truncated
    var description: String { "a work file of this job is truncated; the stage will be redone" }
}
