import Pipeline

/// The JSON form of a listing: one object, `listing` and `version` first, then
/// each section under its key (an array of objects for a table, an object for
/// a record), fields in column order. Times are ISO 8601 strings in
/// Europe/Berlin with offset, money integer cents, missing values null.
enum ListingJSON {
    static func render(_ listing: Listing) -> String {
        var out = "{\"listing\":" + string(listing.name) + ",\"version\":" + String(listing.version)
        for section in listing.sections {
            out += "," + string(section.key) + ":"
            switch section {
            case .record(let record):
                out += object(record.fields.map { ($0.key, $0.value) })
            case .table(let table):
                out += "[" + table.rows.map { row in object(Array(zip(table.columns, row))) }.joined(separator: ",") + "]"
            }
        }
        return out + "}\n"
    }

    private static func object(_ fields: [(String, Cell)]) -> String {
        "{" + fields.map { string($0.0) + ":" + value($0.1) }.joined(separator: ",") + "}"
    }

    private static func value(_ cell: Cell) -> String {
        switch cell {
        case .text(let text): string(text)
        case .integer(let value): String(value)
        case .cents(let value): String(value)
        case .time(let date): string(BerlinCalendar.timestamp(date))
        case .date(let day): string(day)
        case .flag(let value): value ? "true" : "false"
        case .list(let items): "[" + items.map(string).joined(separator: ",") + "]"
        case .none: "null"
        }
    }

    /// A JSON string (RFC 8259): quote, backslash and control characters
    /// escaped; U+2028/2029 too, so the text is also valid JavaScript.
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
