import Foundation

/// Why a generated file could not be written.
public struct SyntheticFileError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let detail: String

    public var description: String { "\(path): \(detail)" }
}

/// Writes a file through a 1 MiB buffer, so memory stays bounded however many rows are generated.
final class BufferedFileWriter {
    private let path: String
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private let capacity = 1 << 20

    init(path: String) throws(SyntheticFileError) {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { throw SyntheticFileError(path: path, detail: String(cString: strerror(errno))) }
        buffer.reserveCapacity(capacity + 4096)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Appends one line: the text and `\n`.
    func line(_ text: String) throws(SyntheticFileError) {
        buffer.append(contentsOf: text.utf8)
        buffer.append(0x0A)
        if buffer.count >= capacity { try flush() }
    }

    func finish() throws(SyntheticFileError) {
        try flush()
    }

    private func flush() throws(SyntheticFileError) {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw SyntheticFileError(path: path, detail: String(cString: strerror(errno)))
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
