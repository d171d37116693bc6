import Foundation

/// What a listing command prints, independent of the format: named sections,
/// each a table (rows under named columns) or a record (one set of fields).
/// The section and column keys are the JSON schema (docs/output.md); a key
/// never changes meaning within a version.
struct Listing {
    /// `customers`, `status`, … (the JSON `listing` field).
    let name: String
    /// Raised when a field changes meaning or disappears; adding fields keeps it.
    let version: Int
    var sections: [Section]

    init(_ name: String, version: Int = 1, _ sections: Section...) {
        self.name = name
        self.version = version
        self.sections = sections
    }

    enum Section {
        case table(Table)
        case record(Record)

        var key: String {
            switch self {
            case .table(let table): table.key
            case .record(let record): record.key
            }
        }
    }

    /// Rows of cells under named columns.
    struct Table {
        let key: String
        let columns: [String]
        /// The columns a table for people shows (all when nil); JSON and TSV always carry all.
        let tableColumns: [String]?
        private(set) var rows: [[Cell]] = []

        init(_ key: String, columns: [String], tableColumns: [String]? = nil) {
            precondition(tableColumns.map { Set($0).isSubset(of: columns) } ?? true, "\(key): table columns must be columns")
            self.key = key
            self.columns = columns
            self.tableColumns = tableColumns
        }

        /// The table restricted to its `tableColumns`.
        var forPeople: Table {
            guard let shown = tableColumns else { return self }
            let indices = shown.map { columns.firstIndex(of: $0)! }
            var narrow = Table(key, columns: shown)
            for row in rows { narrow.append(indices.map { row[$0] }) }
            return narrow
        }

        mutating func append(_ row: [Cell]) {
            precondition(row.count == columns.count, "\(key): \(row.count) cells for \(columns.count) columns")
            rows.append(row)
        }
    }

    /// One object's fields, in order.
    struct Record {
        let key: String
        var fields: [(key: String, value: Cell)]

        init(_ key: String, _ fields: [(key: String, value: Cell)]) {
            self.key = key
            self.fields = fields
        }
    }

    func rendered(_ format: OutputFormat) -> String {
        switch format {
        case .table: ListingText.table(self)
        case .json: ListingJSON.render(self)
        case .tsv: ListingText.tsv(self)
        }
    }

    func print(_ format: OutputFormat) {
        let text = rendered(format)
        Swift.print(text, terminator: text.isEmpty || text.hasSuffix("\n") ? "" : "\n")
    }
}

/// One value in a listing, typed so that each format shows it right.
enum Cell {
    case text(String)
    case integer(Int)
    /// Money in euro cents: an integer in JSON, `58,41 €` in a table.
    case cents(Int64)
    /// A moment: ISO 8601 in Europe/Berlin with its offset in every format.
    case time(Date)
    /// A calendar day, `2026-11-23`.
    case date(String)
    case flag(Bool)
    case list([String])
    /// No value: JSON null, `-` in a table, empty in TSV.
    case none

    init(_ text: String?) { self = text.map { .text($0) } ?? .none }
    init(_ integer: Int?) { self = integer.map { .integer($0) } ?? .none }
    init(_ time: Date?) { self = time.map { .time($0) } ?? .none }
}
