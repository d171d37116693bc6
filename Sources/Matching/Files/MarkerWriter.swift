import Formats

/// Appends the three marker fields to a line in the file's own dialect. The
/// few possible values are encoded once, so the hot loop only copies bytes.
struct MarkerWriter: Sendable {
    private let dialect: Dialect
    private let columns: OutputColumns
    private let quote: Bool
    private let markers: [[UInt8]]
    private let listFields: [[UInt8]]
    /// `robinson_grund` for each combination of deciding kinds (by `kinds` bits), and for each reason.
    private let kindFields: [[UInt8]]
    private let reasonFields: [[UInt8]]

    init(dialect: Dialect, columns: OutputColumns) {
        self.dialect = dialect
        self.columns = columns
        quote = dialect.headerQuoted
        markers = [Marker.nein, .ja, .pruefen].map { FieldWriter.encodedField($0.text, dialect: dialect, forceQuote: dialect.headerQuoted) }
        listFields = (0...ListSet.all.rawValue).map {
            FieldWriter.encodedField(ListSet(rawValue: $0).joined(separator: columns.listSeparator), dialect: dialect, forceQuote: dialect.headerQuoted)
        }
        kindFields = (0...UInt8.max).map {
            FieldWriter.encodedField(Verdict(marker: .ja, kinds: $0).grund, dialect: dialect, forceQuote: dialect.headerQuoted)
        }
        reasonFields = (0...UInt8.max).map {
            FieldWriter.encodedField(Reason(rawValue: $0)?.grund ?? "", dialect: dialect, forceQuote: dialect.headerQuoted)
        }
    }

    func appendHeader(to line: inout [UInt8]) {
        for name in [columns.marker, columns.lists, columns.reason] {
            FieldWriter.append(name, to: &line, dialect: dialect, forceQuote: quote)
        }
    }

    /// Nothing is appended to a blank line: it stays as it was.
    func append(_ verdict: Verdict, to line: inout [UInt8]) {
        guard verdict.marker != .blank else { return }
        // Encoded fields start with their delimiter.
        line.append(contentsOf: markers[Int(verdict.marker.rawValue)])
        line.append(contentsOf: listFields[Int(verdict.lists.rawValue & ListSet.all.rawValue)])
        if let reason = verdict.reason {
            line.append(contentsOf: reasonFields[Int(reason.rawValue)])
        } else {
            line.append(contentsOf: kindFields[Int(verdict.kinds)])
        }
    }
}
