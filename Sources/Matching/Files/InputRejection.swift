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
            "\(path), line 1: no column with a name and address (Name/Nachname, Straße, PLZ), a phone number (Telefon/Mobil) or an e-mail address (E-Mail) was found in the header [\(header.prefix(12).joined(separator: " | "))]. Name the columns as the README lists them and upload the file again."
        case .mostlyRagged(let path, let ragged, let rows, let firstLine):
            "\(path), line \(firstLine): \(ragged) of \(rows) rows have a different number of fields than the header, so the columns cannot be trusted. Check the delimiter and quoting (save as CSV from Excel) and upload the file again."
        }
    }
}
