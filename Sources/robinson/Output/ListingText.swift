import Billing
import Formats
import Pipeline

/// The table and TSV forms of a listing.
enum ListingText {
    /// Aligned columns under a header line; numbers right-aligned, the last
    /// column not padded; a record as `key  value` lines. Every text escaped
    /// for the terminal. Several sections get their key as a title.
    static func table(_ listing: Listing) -> String {
        let titled = listing.sections.count > 1
        return listing.sections.map { section in
            let title = titled ? section.key + "\n" : ""
            switch section {
            case .record(let record):
                let width = record.fields.map(\.key.count).max() ?? 0
                return title + record.fields.map { pad($0.key, width) + "  " + show($0.value) + "\n" }.joined()
            case .table(let table):
                return title + aligned(table.forPeople)
            }
        }.joined(separator: "\n")
    }

    private static func aligned(_ table: Listing.Table) -> String {
        let cells = table.rows.map { $0.map(show) }
        let widths = table.columns.indices.map { column in
            max(table.columns[column].count, cells.map { $0[column].count }.max() ?? 0)
        }
        let rightAligned = table.columns.indices.map { column in
            table.rows.contains { $0[column].isNumber } && table.rows.allSatisfy { $0[column].isNumber || $0[column].isNone }
        }
        func line(_ texts: [String]) -> String {
            texts.enumerated().map { column, text in
                if column == texts.count - 1 && !rightAligned[column] { return text }
                return rightAligned[column] ? padLeft(text, widths[column]) : pad(text, widths[column])
            }.joined(separator: "  ") + "\n"
        }
        return line(table.columns) + cells.map(line).joined()
    }

    /// A header line of column keys, then one line per row, fields separated
    /// by tabs; tab, newline, carriage return and backslash escaped (`\t`,
    /// `\n`, `\r`, `\\`). Several sections: each starts with `# key`, a blank line between.
    static func tsv(_ listing: Listing) -> String {
        let titled = listing.sections.count > 1
        return listing.sections.map { section in
            let (columns, rows): ([String], [[Cell]]) = switch section {
            case .table(let table): (table.columns, table.rows)
            case .record(let record): (record.fields.map(\.key), [record.fields.map(\.value)])
            }
            var text = titled ? "# \(section.key)\n" : ""
            text += columns.joined(separator: "\t") + "\n"
            for row in rows {
                text += row.map(tsvField).joined(separator: "\t") + "\n"
            }
            return text
        }.joined(separator: "\n")
    }

    static func show(_ cell: Cell) -> String {
        switch cell {
        case .text(let text): TerminalText.escaped(text)
        case .integer(let value): String(value)
        case .cents(let cents): Money(cents: cents).germanFormatted
        case .time(let date): BerlinCalendar.timestamp(date)
        case .date(let day): day
        case .flag(let value): value ? "yes" : "no"
        case .list(let items): items.isEmpty ? "-" : TerminalText.escaped(items.joined(separator: ","))
        case .none: "-"
        }
    }

    private static func tsvField(_ cell: Cell) -> String {
        switch cell {
        case .text(let text): TerminalText.tsvEscaped(text)
        case .cents(let cents): String(cents)
        case .list(let items): TerminalText.tsvEscaped(items.joined(separator: ","))
        case .flag(let value): value ? "true" : "false"
        case .none: ""
        default: show(cell)
        }
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    private static func padLeft(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}

private extension Cell {
    var isNumber: Bool {
        switch self {
        case .integer, .cents: true
        default: false
        }
    }

    var isNone: Bool { if case .none = self { true } else { false } }
}
