/// Why an uploaded workbook cannot be read. Every case names the file and
/// says what to do; the text goes verbatim into the note beside a rejected file.
public enum WorkbookError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An OLE2 compound file: an Excel 97–2003 `.xls`, or a password-protected workbook.
    case legacyExcel(path: String)
    /// A ZIP archive that holds no `.xlsx` workbook; `kind` says what it is.
    case notAWorkbook(path: String, kind: String)
    /// A macro workbook (`.xlsm`, a VBA project inside).
    case macros(path: String)
    /// More than one sheet holds data; `sheets` are their names.
    case severalSheets(path: String, sheets: [String])
    /// A part unpacks (or the converted file would grow) beyond `limit` bytes: damage or a ZIP bomb.
    case tooLarge(path: String, part: String, limit: Int)
    /// A part is missing or not well-formed XML, or the ZIP itself is damaged.
    case damaged(path: String, part: String, detail: String)

    public var description: String {
        let again = "Open it in Excel and save it as \"Excel workbook (*.xlsx)\" or \"CSV UTF-8\", then upload that file."
        switch self {
        case .legacyExcel(let path):
            return "The file \(InputError.fileLabel(path)) is an Excel 97–2003 workbook (.xls) or a password-protected workbook; "
                + "neither is read. " + again + " Remove a password first."
        case .notAWorkbook(let path, let kind):
            return "The file \(InputError.fileLabel(path)) is \(kind), not an Excel workbook (.xlsx) or a CSV file. " + again
        case .macros(let path):
            return "The file \(InputError.fileLabel(path)) is a workbook with macros (.xlsm, VBA project); such files are never opened. " + again
        case .severalSheets(let path, let sheets):
            let names = sheets.prefix(5).map { "\"\(Self.shown($0))\"" }.joined(separator: ", ") + (sheets.count > 5 ? " …" : "")
            return "The file \(InputError.fileLabel(path)) has \(sheets.count) sheets with data (\(names)); only one can be checked. "
                + "Delete the other sheets, or save the sheet with the addresses as a file of its own, and upload it again."
        case .tooLarge(let path, let part, let limit):
            return "The file \(InputError.fileLabel(path)) cannot be read as a workbook: \(part) unpacks to more than "
                + "\(limit / 1_048_576) MB (a damaged file or a ZIP bomb). Save the addresses as \"CSV UTF-8\" and upload that file."
        case .damaged(let path, let part, let detail):
            return "The file \(InputError.fileLabel(path)) is a damaged workbook (\(part): \(detail)). " + again
        }
    }

    /// A sheet name as shown in a note: control characters replaced, at most 31 characters (Excel's own limit).
    static func shown(_ name: String) -> String {
        let cleaned = String(String.UnicodeScalarView(name.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : $0 }))
        return cleaned.count > 31 ? cleaned.prefix(30) + "…" : cleaned
    }
}
