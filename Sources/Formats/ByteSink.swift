/// Where output bytes go: a plain file (``FileSink``) or a zstd-compressed one
/// (``ZstdSink``), so writers need not care which.
///
/// Writes do not throw: the first failure is kept and writes after it are
/// dropped; ``finish()`` throws it. Output is always written under a temporary
/// name and only committed after `finish()` succeeds, so a failed write never
/// leaves a half-written result.
public protocol ByteSink: AnyObject {
    /// Appends the bytes in `buffer`.
    func write(_ buffer: UnsafeRawBufferPointer)
    /// Writes out everything buffered, makes it durable (fsync) and closes.
    /// Throws the first error of any earlier write.
    func finish() throws(OutputError)
}

extension ByteSink {
    /// Appends `bytes`.
    public func write(_ bytes: some Collection<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { write(UnsafeRawBufferPointer($0)) }
        if done == nil {
            Array(bytes).withUnsafeBytes { write($0) }
        }
    }
}
