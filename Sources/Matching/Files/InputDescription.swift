import Formats

/// What the decode stage learned about an input file; stored as
/// `decoded.json` in the job's work folder and read by the later stages.
/// The row counts are filled in by the match stage, which reads the rows.
public struct InputDescription: Sendable, Codable, Equatable {
    public var compression: Compression
    public var dialect: Dialect
    public var header: [String]
    public var columns: AddressColumns
    /// Data rows (records after the header, blank lines not counted).
    public var rows: Int
    public var blankLines: Int
    public var raggedRows: Int
    /// Rows decoded with the fallback encoding (a mixed file).
    public var mixedEncodingRows: Int
    /// Set when the input was an Excel workbook, converted to CSV before it was read.
    public var workbook: Workbook.Conversion?
}
