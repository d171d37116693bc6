/// A problem with a customer's input file that the customer or ops can fix.
///
/// Every case names the file; `description` is one English sentence (or two)
/// that says what is wrong, where, and what to do. It is written verbatim into
/// the `.error.txt` beside a rejected file.
public enum InputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file has no bytes, or only a byte order mark and whitespace.
    case empty(path: String)
    /// The file holds binary data (a NUL byte or many control characters) at `offset`.
    case binary(path: String, offset: Int)
    /// The file is an Excel workbook (.xlsx or .xls) or another ZIP archive, not CSV text.
    case spreadsheetWorkbook(path: String)
    /// The file is text in an encoding we do not read (UTF-16, UTF-32), named by `encoding`.
    case unsupportedEncoding(path: String, encoding: String)
    /// Bytes that are neither valid UTF-8 nor defined in Windows-1252.
    case undecodableBytes(path: String, line: Int, offset: Int)
    /// A quoted field opened on `line` is never closed.
    case unbalancedQuote(path: String, line: Int)
    /// A record starting on `line` is longer than `limit` bytes (usually a broken file).
    case recordTooLong(path: String, line: Int, limit: Int)
    /// A gzip or zstd stream is damaged; `detail` is the library's message.
    case corruptStream(path: String, detail: String)
    /// A gzip or zstd stream ends before its data is complete.
    case truncatedStream(path: String)
    /// The operating system could not open or read the file.
    case io(path: String, detail: String)

    /// The file the error is about.
    public var path: String {
        switch self {
        case .empty(let path), .binary(let path, _), .spreadsheetWorkbook(let path),
             .unsupportedEncoding(let path, _), .undecodableBytes(let path, _, _),
             .unbalancedQuote(let path, _), .recordTooLong(let path, _, _),
             .corruptStream(let path, _), .truncatedStream(let path), .io(let path, _):
            return path
        }
    }

    public var description: String {
        let file = Self.fileLabel(path)
        let saveAgain = "Save the file again as CSV (UTF-8 or Windows-1252) and upload it again."
        switch self {
        case .empty:
            return "The file \(file) is empty or holds only blank lines. "
                + "Upload a file with a header row and at least one address."
        case .binary(_, let offset):
            return "The file \(file) is not a text file (binary data at byte \(offset)). " + saveAgain
        case .spreadsheetWorkbook:
            return "The file \(file) is an Excel workbook or a ZIP archive, not a CSV file. "
                + "In Excel choose \"Save as\" > \"CSV UTF-8\" and upload the CSV file."
        case .unsupportedEncoding(_, let encoding):
            return "The file \(file) is encoded as \(encoding), which is not supported. " + saveAgain
        case .undecodableBytes(_, let line, let offset):
            return "The file \(file) has characters on line \(line) (byte \(offset)) "
                + "that are neither UTF-8 nor Windows-1252. " + saveAgain
        case .unbalancedQuote(_, let line):
            return "The file \(file) has a quotation mark opened on line \(line) that is never closed. "
                + "Check that line for a stray \" character, fix it and upload the file again."
        case .recordTooLong(_, let line, let limit):
            return "The file \(file) has a record starting on line \(line) that is longer than \(limit) bytes. "
                + "Check that line for a stray \" character or missing line breaks, fix it and upload the file again."
        case .corruptStream(_, let detail):
            return "The compressed file \(file) is damaged (\(detail)). "
                + "Compress the file again, or upload it uncompressed."
        case .truncatedStream:
            return "The compressed file \(file) ends in the middle of its data; it was probably cut off "
                + "while copying. Upload the complete file again."
        case .io(_, let detail):
            return "The file \(file) could not be read (\(detail)). "
                + "Check that it exists and is readable, then run again."
        }
    }

    /// `"name.csv" (/full/path/name.csv)`: the short name for people, the full path for ops.
    static func fileLabel(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name == path ? "\"\(name)\"" : "\"\(name)\" (\(path))"
    }
}

/// The errors a byte source throws; the same type as ``InputError`` so that
/// readers pass them on unchanged.
public typealias FormatError = InputError
