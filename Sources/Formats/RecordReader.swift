#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a CSV file as chunks of records, with bounded memory: about two
/// read blocks plus the longest record. Quoting rules: see ``RecordScanner``.
public final class RecordReader {
    private let source: any ByteSource
    private let path: String
    private let scanner: RecordScanner
    private let readSize: Int
    private let maxRecordBytes: Int
    /// Bytes read but not yet handed out start at `position`; valid up to `filled`.
    /// Managed by hand: growing an array would zero-fill every new byte.
    private var storage = UnsafeMutableBufferPointer<UInt8>(start: nil, count: 0)
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

    deinit { storage.deallocate() }

    /// The next records, `nil` after the last one. A chunk holds at most
    /// `maxRecords` records, and ends early where the bytes read so far run
    /// out once it holds `readSize` bytes, so it stays below about
    /// `2 × readSize` plus one record.
    ///
    /// `spare`: a chunk its user is done with, whose arrays are reused (when
    /// nothing else holds them) instead of allocating new ones: a long file
    /// then needs no new memory after its first chunks.
    public func nextChunk(maxRecords: Int, reusing spare: consuming RecordChunk? = nil) throws(InputError) -> RecordChunk? {
        precondition(maxRecords > 0, "maxRecords must be positive")
        dropHandedOut()
        var records: [RecordSpan] = []
        var fields: [FieldSpan] = []
        var bytes: [UInt8] = []
        if var spare = spare.take() {
            swap(&records, &spare.records)
            swap(&fields, &spare.fields)
            swap(&bytes, &spare.bytes)
            records.removeAll(keepingCapacity: true)
            fields.removeAll(keepingCapacity: true)
            bytes.removeAll(keepingCapacity: true)
        }
        records.reserveCapacity(min(maxRecords, 1 << 14))
        // As many fields per record as the last chunk had: growing the array
        // by doubling would copy it several times per chunk.
        fields.reserveCapacity(min(maxRecords, 1 << 14) * (fieldsPerRecord + 1))
        scanning: while true {
            var position = self.position, line = self.line
            let (scanner, filled, atEnd, checkBOM) = (self.scanner, self.filled, self.atEnd, atFileStart)
            let buffer = UnsafeBufferPointer(rebasing: storage[0..<filled])
            let stop = scanner.scan(
                buffer, position: &position, line: &line, atEnd: atEnd, checkBOM: checkBOM,
                maxRecords: maxRecords, records: &records, fields: &fields)
            self.position = position
            self.line = line
            if !records.isEmpty { atFileStart = false }
            switch stop {
            case .recordLimit, .endOfInput:
                break scanning
            case .unbalancedQuote(let openLine):
                throw .unbalancedQuote(path: path, line: openLine)
            case .needMore(let quoteLine):
                // A full chunk leaves the partial record for the next one.
                if !records.isEmpty && position >= readSize { break scanning }
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
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: storage[0..<position]))
        return RecordChunk(bytes: bytes, records: records, fields: fields)
    }

    /// Moves the bytes not yet handed out to the front, so chunk spans start at 0.
    private func dropHandedOut() {
        guard position > 0 else { return }
        let count = filled - position
        _ = memmove(storage.baseAddress!, storage.baseAddress! + position, count)
        filled = count
        position = 0
    }

    private func readMore(_ count: Int) throws(InputError) {
        if storage.count < filled + count {
            let larger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: filled + count)
            if filled > 0 { larger.baseAddress!.initialize(from: storage.baseAddress!, count: filled) }
            storage.deallocate()
            storage = larger
        }
        let target = UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: storage[filled..<filled + count]))
        let got = try readMapped(source, into: target, path: path)
        if got == 0 { atEnd = true }
        filled += got
    }
}
