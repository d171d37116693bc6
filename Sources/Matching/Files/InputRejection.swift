import Formats

/// Why a customer's file cannot be processed at all. The file goes to
/// `rejected/` with this text beside it.
public enum InputRejection: Error, Sendable, Equatable, CustomStringConvertible {
    case input(InputError)
    case headerOnly(path: String)
    case noUsableColumns(path: String, header: [String])
    case mostlyRagged(path: String, ragged: Int, rows: Int, firstLine: Int)

    public var description: String {
        switch self {
        case .input(let error):
            error.description
        case .headerOnly(let path):
            "\(path): the file has a header line but no data rows. Export the addresses again and upload the complete file."
        case .noUsableColumns(let path, let header):
            // The "header" may be the first data row of a file without one: never quoted, it may name a person.
            "\(path), line 1: none of its \(header.count) fields names a column with a name and address (Name/Nachname, Straße, PLZ), a phone number (Telefon/Mobil) or an e-mail address (E-Mail); the file may lack its header line. Name the columns as docs/formats.md lists them and upload the file again."
        case .mostlyRagged(let path, let ragged, let rows, let firstLine):
            "\(path), line \(firstLine): \(ragged) of \(rows) rows have a different number of fields than the header, so the columns cannot be trusted. Check the delimiter and quoting (save as CSV from Excel) and upload the file again."
        }
    }
}
