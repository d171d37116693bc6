/// Where one field lies in ``RecordChunk/bytes``.
public struct FieldSpan: Sendable, Equatable {
    /// Start of the field's raw content; for a quoted field, just after the opening quote.
    public var start: Int
    /// End (exclusive) of the raw content; for a quoted field, the closing quote
    /// (or, with text after the closing quote, the delimiter or line end).
    public var end: Int
    /// The field began with a quote: its content may hold `""` escapes.
    public var quoted: Bool

    public init(start: Int, end: Int, quoted: Bool) {
        self.start = start
        self.end = end
        self.quoted = quoted
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
