#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a CSV file as chunks of records, with bounded memory: about two
/// read blocks plus the longest record. Quoting rules: see ``RecordScanner``.
///
/// A chunk's bytes are the very buffer the file was read into: the reader hands
/// it over whole and carries only the unfinished record at its end into the
/// next buffer (a spare chunk's, when its user gives one back), so the bytes
/// are not copied once more.
public final class RecordReader {
    private let source: any ByteSource
    private let path: String
    private let scanner: RecordScanner
    private let readSize: Int
    private let maxRecordBytes: Int
    /// Bytes read but not yet handed out start at `position`; valid up to `filled`.
    /// Its count is the room to read into: it only grows (zero-filling the new
    /// bytes), so a buffer that comes back from a spare chunk is read into as it is.
    private var storage: [UInt8] = []
    private var filled = 0
    private var position = 0
    /// Line of the record at `position`.
    private var line = 1
    private var atEnd = false
    /// No record has been handed out yet: a BOM may come first.
    private var atFileStart = true
    /// Fields per record in the last chunk, to size the next chunk's field array.
    private var fieldsPerRecord = 8

    /// Reads `source` (from ``openByteSource(path:)``) in blocks of `readSize`
    /// bytes. A record longer than `maxRecordBytes` is an error: in practice
    /// a stray quote that swallows the rest of the file.
    public init(
        source: any ByteSource, dialect: Dialect, path: String, readSize: Int = 1 << 20,
        maxRecordBytes: Int = 16 << 20
    ) {
        self.source = dialect.utf16.map { UTF16Source(source, form: $0, path: path) } ?? source
        self.path = path
        scanner = RecordScanner(delimiter: dialect.delimiter)
        self.readSize = max(readSize, 1)
        self.maxRecordBytes = maxRecordBytes
    }

    /// The next records, `nil` after the last one. A chunk holds at most
    /// `maxRecords` records, and ends early where the bytes read so far run
    /// out once it holds half of `readSize` bytes, so it stays below about
    /// `readSize` plus one record, and only the unfinished record at its end
    /// is carried into the next buffer.
    ///
    /// `spare`: a chunk its user is done with, whose arrays are reused (when
    /// nothing else holds them) instead of allocating new ones: a long file
    /// then needs no new memory after its first chunks.
    public func nextChunk(maxRecords: Int, reusing spare: consuming RecordChunk? = nil) throws(InputError) -> RecordChunk? {
        precondition(maxRecords > 0, "maxRecords must be positive")
        var records: [RecordSpan] = []
        var fields: [FieldSpan] = []
        var next: [UInt8] = []
        if var spare = spare.take() {
            swap(&records, &spare.records)
            swap(&fields, &spare.fields)
            swap(&next, &spare.bytes)
            records.removeAll(keepingCapacity: true)
            fields.removeAll(keepingCapacity: true)
        }
        records.reserveCapacity(min(maxRecords, 1 << 14))
        // As many fields per record as the last chunk had: growing the array
        // by doubling would copy it several times per chunk.
        fields.reserveCapacity(min(maxRecords, 1 << 14) * (fieldsPerRecord + 1))
        scanning: while true {
            var position = self.position, line = self.line
            let (scanner, filled, atEnd, checkBOM) = (self.scanner, self.filled, self.atEnd, atFileStart)
            let stop = storage.withUnsafeBufferPointer { stored in
                scanner.scan(
                    UnsafeBufferPointer(rebasing: stored[0..<filled]), position: &position, line: &line, atEnd: atEnd,
                    checkBOM: checkBOM, maxRecords: maxRecords, records: &records, fields: &fields)
            }
            self.position = position
            self.line = line
            if !records.isEmpty { atFileStart = false }
            switch stop {
            case .recordLimit, .endOfInput:
                break scanning
            case .unbalancedQuote(let openLine):
                throw .unbalancedQuote(path: path, line: openLine)
            case .needMore(let quoteLine):
                // A chunk that holds half a read block leaves the partial record
                // for the next one, so only that record is carried over.
                if !records.isEmpty && position * 2 >= readSize { break scanning }
                let partial = filled - position
                if partial > maxRecordBytes {
                    if let quoteLine { throw .unbalancedQuote(path: path, line: quoteLine) }
                    throw .recordTooLong(path: path, line: line, limit: maxRecordBytes)
                }
                // Reading at least the partial record's length again keeps
                // rescanning a long record linear overall.
                try readMore(max(readSize, partial))
            }
        }
        if records.isEmpty { return nil }
        fieldsPerRecord = min(fields.count / records.count, 256)
        handOut(&next)
        return RecordChunk(bytes: next, records: records, fields: fields)
    }

    /// Leaves the bytes up to `position` in `next`, for a chunk (its spans start
    /// at 0), and the rest at the front of the storage. A chunk that fills most of
    /// the storage takes it over: the rest moves to the front of `next`, and the
    /// two swap. A smaller one (a header read alone, a few records of a long read)
    /// is copied out, so that the storage keeps its room.
    private func handOut(_ next: inout [UInt8]) {
        let rest = filled - position
        if position * 2 < storage.count {
            next.removeAll(keepingCapacity: true)
            storage.withUnsafeMutableBufferPointer { stored in
                next.append(contentsOf: UnsafeBufferPointer(rebasing: stored[0..<position]))
                if rest > 0 { _ = memmove(stored.baseAddress!, stored.baseAddress! + position, rest) }
            }
            filled = rest
            position = 0
            return
        }
        if next.count < rest { next.append(contentsOf: repeatElement(0, count: rest - next.count)) }
        if rest > 0 {
            next.withUnsafeMutableBufferPointer { target in
                storage.withUnsafeBufferPointer { source in
                    target.baseAddress!.update(from: source.baseAddress! + position, count: rest)
                }
            }
        }
        swap(&next, &storage)
        next.removeSubrange(position...)
        filled = rest
        position = 0
    }

    private func readMore(_ count: Int) throws(InputError) {
        if storage.count < filled + count { storage.append(contentsOf: repeatElement(0, count: filled + count - storage.count)) }
        let (filled, source, path) = (self.filled, self.source, self.path)
        let got = storage.withUnsafeMutableBytes { stored in
            Result { () throws(InputError) in
                try readMapped(source, into: UnsafeMutableRawBufferPointer(rebasing: stored[filled..<filled + count]), path: path)
            }
        }
        let count = try got.get()
        if count == 0 { atEnd = true }
        self.filled += count
    }
}
