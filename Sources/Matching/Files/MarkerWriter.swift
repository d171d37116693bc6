import Formats

/// Appends the three marker fields to a line in the file's own dialect. The
/// few possible values are encoded once, so the hot loop only copies bytes.
struct MarkerWriter: Sendable {
    private let dialect: Dialect
    private let columns: OutputColumns
    private let quote: Bool
    private let markers: EncodedFields
    private let listFields: EncodedFields
    /// `robinson_grund` for each combination of deciding kinds (by `kinds` bits), and for each reason.
    private let kindFields: EncodedFields
    private let reasonFields: EncodedFields

    init(dialect: Dialect, columns: OutputColumns) {
        self.dialect = dialect
        self.columns = columns
        quote = dialect.headerQuoted
        func encoded(_ values: [String]) -> EncodedFields {
            EncodedFields(values.map { FieldWriter.encodedField($0, dialect: dialect, forceQuote: dialect.headerQuoted) })
        }
        markers = encoded([Marker.nein, .ja, .pruefen].map(\.text))
        listFields = encoded((0...ListSet.all.rawValue).map { ListSet(rawValue: $0).joined(separator: columns.listSeparator) })
        kindFields = encoded((0...UInt8.max).map { Verdict(marker: .ja, kinds: $0).grund })
        reasonFields = encoded((0...UInt8.max).map { Reason(rawValue: $0)?.grund ?? "" })
    }

    func appendHeader(to line: inout [UInt8]) {
        for name in [columns.marker, columns.lists, columns.reason] {
            FieldWriter.append(name, to: &line, dialect: dialect, forceQuote: quote)
        }
    }

    /// Nothing is appended to a blank line: it stays as it was.
    func append(_ verdict: Verdict, to line: inout ScratchBuffer<UInt8>) {
        guard verdict.marker != .blank else { return }
        // Encoded fields start with their delimiter.
        markers.append(Int(verdict.marker.rawValue), to: &line)
        listFields.append(Int(verdict.lists.rawValue & ListSet.all.rawValue), to: &line)
        if let reason = verdict.reason {
            reasonFields.append(Int(reason.rawValue), to: &line)
        } else {
            kindFields.append(Int(verdict.kinds), to: &line)
        }
    }
}

/// Encoded fields back to back in one array, so appending one copies bytes
/// without touching a reference count per field.
private struct EncodedFields: Sendable {
    private let bytes: [UInt8]
    private let starts: [Int]

    init(_ fields: [[UInt8]]) {
        bytes = fields.flatMap { $0 }
        var starts = [0]
        for field in fields { starts.append(starts[starts.count - 1] + field.count) }
        self.starts = starts
    }

    @inline(__always)
    func append(_ index: Int, to line: inout ScratchBuffer<UInt8>) {
        let start = starts[index], end = starts[index + 1]
        bytes.withUnsafeBufferPointer { line.append(contentsOf: UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }
}
