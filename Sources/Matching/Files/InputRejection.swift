import Formats

/// Why a customer's file cannot be processed at all. The file goes to
/// `rejected/` with this text beside it.
public enum InputRejection: Error, Sendable, Equatable, CustomStringConvertible {
    case input(InputError)
    case headerOnly(path: String)
    case noUsableColumns(path: String, header: [String])
    case mostlyRagged(path: String, ragged: Int, rows: Int, firstLine: Int)
    /// Several columns name the same address part; `names` are their header fields, `columns` 1-based.
    case duplicateColumns(path: String, part: String, names: [String], columns: [Int])

    public var description: String {
        switch self {
        case .input(let error):
            error.description
        case .headerOnly(let path):
            "\(path): the file has a header line but no data rows. Export the addresses again and upload the complete file."
        case .noUsableColumns(let path, let header):
            // The "header" may be the first data row of a file without one: never quoted, it may name a person.
            "\(path), line 1: none of its \(header.count) fields names a column with a name and address (Name/Nachname, Straße, PLZ), a phone number (Telefon/Mobil) or an e-mail address (E-Mail); the file may lack its header line. Name the columns as docs/formats.md lists them and upload the file again."
        case .duplicateColumns(let path, let part, let names, let columns):
            "\(path), line 1: the columns " + zip(names, columns).map { "\"\(Self.shown($0))\" (column \($1))" }.joined(separator: " and ")
                + " all name the \(part), so which one to check cannot be known. Rename or delete all but one of them and upload the file again."
        case .mostlyRagged(let path, let ragged, let rows, let firstLine):
            "\(path), line \(firstLine): \(ragged) of \(rows) rows have a different number of fields than the header, so the columns cannot be trusted. Check the delimiter and quoting (save as CSV from Excel) and upload the file again."
        }
    }
}

extension InputRejection {
    /// A header name as shown in a note: control characters replaced, at most 40 characters.
    static func shown(_ name: String) -> String {
        let cleaned = String(String.UnicodeScalarView(name.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : $0 }))
        return cleaned.count > 40 ? cleaned.prefix(39) + "…" : cleaned
    }
}

extension AddressColumns {
    /// The columns of the file at `path` with `header`, or why it cannot be checked.
    static func required(header: [String], path: String) throws(InputRejection) -> AddressColumns {
        if let conflict = conflicts(header: header).first {
            throw .duplicateColumns(path: path, part: conflict.part, names: conflict.columns.map { header[$0] },
                                    columns: conflict.columns.map { $0 + 1 })
        }
        let columns = detect(header: header)
        guard columns.isUsable else { throw .noUsableColumns(path: path, header: header) }
        return columns
    }
}
