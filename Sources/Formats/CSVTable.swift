import Foundation

/// A small master-data CSV read whole (dialect and encoding detected), with
/// columns by lower-cased header name and line numbers for error messages.
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        /// The line the record starts on (1 = the header).
        public let line: Int
        public let values: [String: String]
        /// The trimmed value of `column`, "" when the column is absent.
        public subscript(_ column: String) -> String { values[column]?.trimmingCharacters(in: .whitespaces) ?? "" }
    }

    public let path: String
    public let rows: [Row]

    public static func read(path: String, required: [String]) throws -> CSVTable {
        let data = try readAll(try openByteSource(path: path))
        let dialect = try DialectSniffer.sniff(sample: data, sampleIsWholeFile: true, path: path)
        let reader = RecordReader(source: try openByteSource(path: path), dialect: dialect, path: path)
        var header: [String]?
        var rows: [Row] = []
        while let chunk = try reader.nextChunk(maxRecords: 10_000) {
            for record in 0..<chunk.count where !chunk.isBlank(record) {
                let fields = (0..<chunk.fieldCount(record)).map {
                    chunk.fieldString(record, $0, encoding: dialect.encoding) ?? ""
                }
                guard let names = header else {
                    header = fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                    // A column named twice: which one holds the value cannot be known.
                    for (index, name) in header!.enumerated() where !name.isEmpty {
                        guard let again = header![(index + 1)...].firstIndex(of: name) else { continue }
                        throw MasterDataError(path: path, line: chunk.records[record].line, field: name,
                                              message: "the header names the column \(name) twice (columns \(index + 1) and \(again + 1)); delete or rename one of them")
                    }
                    let missing = required.filter { !header!.contains($0) }
                    guard missing.isEmpty else {
                        throw MasterDataError(path: path, line: chunk.records[record].line, field: missing.joined(separator: ", "),
                                              message: "the header lacks the column(s) \(missing.joined(separator: ", "))")
                    }
                    continue
                }
                guard fields.count == names.count else {
                    throw MasterDataError(path: path, line: chunk.records[record].line, field: nil,
                                          message: "the line has \(fields.count) fields, the header \(names.count)")
                }
                rows.append(Row(line: chunk.records[record].line, values: Dictionary(zip(names, fields), uniquingKeysWith: { a, _ in a })))
            }
        }
        return CSVTable(path: path, rows: rows)
    }

    /// An error naming this file, the row's line and `field`.
    public func error(_ row: Row, field: String, _ message: String) -> MasterDataError {
        MasterDataError(path: path, line: row.line, field: field, message: message)
    }
}

/// A bad line in a master-data file; nothing of the file was imported.
public struct MasterDataError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let line: Int
    public let field: String?
    public let message: String

    public init(path: String, line: Int, field: String?, message: String) {
        self.path = path
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        "\(path), line \(line)\(field.map { ", field \($0)" } ?? ""): \(message.hasSuffix(".") ? String(message.dropLast()) : message). Nothing was imported; fix the line and import the file again."
    }
}
