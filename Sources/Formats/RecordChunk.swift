/// A run of complete records with their raw bytes, as ``RecordReader`` hands
/// them out. Spans index into `bytes`; the flat arrays avoid an allocation per
/// record. A chunk never splits a record.
public struct RecordChunk: Sendable {
    /// The records' bytes exactly as in the (decompressed) file; the file's
    /// first record includes the BOM, if any.
    public var bytes: [UInt8]
    /// One span per record, in file order.
    public var records: [RecordSpan]
    /// The fields of all records, in order; a record's fields start at its `firstField`.
    public var fields: [FieldSpan]
    /// Number of records.
    public var count: Int

    public init(bytes: [UInt8], records: [RecordSpan], fields: [FieldSpan]) {
        self.bytes = bytes
        self.records = records
        self.fields = fields
        count = records.count
    }

    /// The record's bytes without its line terminator.
    public func content(_ record: Int) -> ArraySlice<UInt8> {
        let span = records[record]
        return bytes[span.start..<span.contentEnd]
    }

    /// The record's line terminator: `\r\n`, `\n`, `\r`, or empty at the end of the file.
    public func terminator(_ record: Int) -> ArraySlice<UInt8> {
        let span = records[record]
        return bytes[span.contentEnd..<span.end]
    }

    @inlinable
    public func fieldCount(_ record: Int) -> Int {
        records[record].fieldCount
    }

    /// Where field `field` of record `record` lies.
    @inlinable
    public func fieldSpan(_ record: Int, _ field: Int) -> FieldSpan {
        precondition(field < records[record].fieldCount, "field index out of range")
        return fields[records[record].firstField + field]
    }

    /// The field's raw bytes: for a quoted field, inside the quotes and still escaped.
    public func rawField(_ record: Int, _ field: Int) -> ArraySlice<UInt8> {
        let span = fieldSpan(record, field)
        return bytes[span.start..<span.end]
    }

    /// The field's value: quotes removed and `""` turned into `"`.
    public func fieldBytes(_ record: Int, _ field: Int) -> [UInt8] {
        let span = fieldSpan(record, field)
        let raw = bytes[span.start..<span.end]
        guard span.quoted, raw.contains(ASCII.quote) else { return Array(raw) }
        var value: [UInt8] = []
        value.reserveCapacity(raw.count)
        var inQuotes = true
        var i = raw.startIndex
        while i < raw.endIndex {
            let byte = raw[i]
            if inQuotes && byte == ASCII.quote {
                if i + 1 < raw.endIndex && raw[i + 1] == ASCII.quote {
                    value.append(ASCII.quote)
                    i += 2
                    continue
                }
                // The closing quote; what follows it is kept as it is.
                inQuotes = false
            } else {
                value.append(byte)
            }
            i += 1
        }
        return value
    }

    /// The field's value as text, or `nil` if its bytes are not valid in `encoding`.
    public func fieldString(_ record: Int, _ field: Int, encoding: TextEncoding) -> String? {
        let span = fieldSpan(record, field)
        if !span.quoted { return TextDecoding.decode(bytes[span.start..<span.end], as: encoding) }
        return TextDecoding.decode(fieldBytes(record, field), as: encoding)
    }

    /// The line is empty or holds only spaces and tabs (and the BOM).
    public func isBlank(_ record: Int) -> Bool {
        let span = records[record]
        // Read in place: this runs for every row the matcher keys.
        return bytes.withUnsafeBufferPointer { p in
            var i = span.start
            if span.contentEnd - i >= 3, p[i] == 0xEF, p[i + 1] == 0xBB, p[i + 2] == 0xBF { i += 3 }
            while i < span.contentEnd {
                if p[i] != ASCII.space && p[i] != ASCII.tab { return false }
                i += 1
            }
            return true
        }
    }

    /// Every field is empty or spaces and tabs, like the `;;;;` rows Excel
    /// writes for empty spreadsheet rows. True for blank lines too.
    public func allFieldsBlank(_ record: Int) -> Bool {
        let span = records[record]
        for field in fields[span.firstField..<span.firstField + span.fieldCount] {
            if !bytes[field.start..<field.end].allSatisfy({ $0 == ASCII.space || $0 == ASCII.tab }) {
                return false
            }
        }
        return true
    }
}
