/// Where one field lies in ``RecordChunk/bytes``.
///
/// Held in 8 bytes, not 24: offsets in a chunk stay far below 2 GiB (a chunk is
/// about two read blocks plus one record, see ``RecordReader``), and a chunk of
/// 16,384 rows has over 100,000 fields, written by the reader thread and read by
/// a worker on the other core.
public struct FieldSpan: Sendable, Equatable {
    private var first: UInt32
    /// The end, and in the top bit whether the field was quoted.
    private var endAndQuoted: UInt32

    /// Start of the field's raw content; for a quoted field, just after the opening quote.
    public var start: Int {
        @inline(__always) get { Int(first) }
        set { self = FieldSpan(start: newValue, end: end, quoted: quoted) }
    }

    /// End (exclusive) of the raw content; for a quoted field, the closing quote
    /// (or, with text after the closing quote, the delimiter or line end).
    public var end: Int {
        @inline(__always) get { Int(endAndQuoted & 0x7FFF_FFFF) }
        set { self = FieldSpan(start: start, end: newValue, quoted: quoted) }
    }

    /// The field began with a quote: its content may hold `""` escapes.
    public var quoted: Bool {
        @inline(__always) get { endAndQuoted >> 31 != 0 }
        set { self = FieldSpan(start: start, end: end, quoted: newValue) }
    }

    @inline(__always)
    public init(start: Int, end: Int, quoted: Bool) {
        precondition(start >= 0 && start < 1 << 31 && end >= 0 && end < 1 << 31, "a field beyond 2 GiB in a chunk")
        first = UInt32(truncatingIfNeeded: start)
        endAndQuoted = UInt32(truncatingIfNeeded: end) | (quoted ? 1 << 31 : 0)
    }
}

/// Where one record lies in ``RecordChunk/bytes``.
public struct RecordSpan: Sendable, Equatable {
    /// First byte of the record (for the file's first record, the BOM if any).
    public var start: Int
    /// End of the record's content = start of its line terminator.
    public var contentEnd: Int
    /// End of the terminator (`contentEnd` when the file's last record has none).
    public var end: Int
    /// 1-based physical line on which the record starts.
    public var line: Int
    /// Index of its first field in ``RecordChunk/fields``.
    public var firstField: Int
    public var fieldCount: Int

    public init(start: Int, contentEnd: Int, end: Int, line: Int, firstField: Int, fieldCount: Int) {
        self.start = start
        self.contentEnd = contentEnd
        self.end = end
        self.line = line
        self.firstField = firstField
        self.fieldCount = fieldCount
    }
}
