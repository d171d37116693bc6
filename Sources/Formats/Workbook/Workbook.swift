import Foundation

/// Excel workbooks uploaded instead of CSV: the one sheet with data of an
/// `.xlsx` is converted to a CSV (UTF-8 with BOM, `;`, CRLF, quoted where
/// needed), which is then checked like any other file; the annotated result
/// is that CSV. Macro workbooks, `.xls`, `.xlsb`, `.ods` and workbooks with
/// several sheets holding data are refused (``WorkbookError``). Rules for
/// cell values: ``CellText``.
public enum Workbook {
    /// What the first bytes of a file say.
    public enum Signature: Sendable, Equatable {
        /// A ZIP archive: an `.xlsx` (or `.xlsm`, `.ods`, any ZIP).
        case zip
        /// An OLE2 compound file: `.xls`, or a password-protected workbook.
        case compoundFile
    }

    /// The workbook kind of the file at `path`, nil for anything else (CSV, compressed CSV).
    public static func signature(path: String) -> Signature? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 8)) ?? Data())
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .zip }
        if head == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] { return .compoundFile }
        return nil
    }

    /// What a conversion read.
    public struct Conversion: Sendable, Codable, Equatable {
        /// The name of the sheet that was read.
        public var sheet: String
        /// Lines written, the header included.
        public var lines: Int
    }

    /// Converts the workbook at `path` to a CSV at `output`, unpacking its parts
    /// into `scratch` (an empty folder the caller removes afterwards).
    ///
    /// - Throws: ``WorkbookError`` for a workbook that cannot or must not be
    ///   read; ``InputError/empty(path:)`` when no sheet holds data;
    ///   ``OutputError`` when `output` cannot be written.
    public static func convert(path: String, to output: String, scratch: String) throws -> Conversion {
        try convert(path: path, to: output, scratch: scratch, limits: WorkbookArchive.Limits())
    }

    static func convert(path: String, to output: String, scratch: String, limits: WorkbookArchive.Limits) throws -> Conversion {
        switch signature(path: path) {
        case .compoundFile: throw WorkbookError.legacyExcel(path: path)
        case .zip: break
        case nil: throw WorkbookError.notAWorkbook(path: path, kind: "no ZIP archive")
        }
        let archive = try WorkbookArchive(path: path, scratch: scratch, limits: limits)
        let parts = try WorkbookParts(archive)
        guard !parts.sheets.isEmpty else { throw WorkbookError.damaged(path: path, part: "workbook", detail: "it has no worksheet") }
        let strings = try parts.sharedStrings.map { part throws(WorkbookError) in
            try SharedStrings(archive.extract(part, limit: limits.sharedStrings), path: path, part: part)
        }
        let cells = try CellText(styles: try parts.styles.flatMap { part throws(WorkbookError) in try archive.extract(part, limit: limits.smallPart) },
                                 date1904: parts.date1904, path: path, part: parts.styles ?? "styles")

        var withData: [(WorkbookParts.Sheet, SheetReader)] = []
        for sheet in parts.sheets {
            guard let file = try archive.extract(sheet.part, limit: limits.sheet) else {
                throw WorkbookError.damaged(path: path, part: sheet.part, detail: "the worksheet is missing")
            }
            let reader = SheetReader(file: file, path: path, part: sheet.part, sharedStrings: strings ?? SharedStrings(), cells: cells)
            var hasData = false
            try reader.read { _, values in
                hasData = !values.isEmpty
                return !hasData
            }
            if hasData { withData.append((sheet, reader)) }
        }
        if withData.count > 1 { throw WorkbookError.severalSheets(path: path, sheets: withData.map(\.0.name)) }
        guard let (sheet, reader) = withData.first else { throw InputError.empty(path: path) }

        let sink = try FileSink(path: output)
        let writer = CSVLineWriter(sink: sink, limit: limits.output)
        var width = 0
        var lastRow = 0
        try reader.read { (number, values) throws(WorkbookError) in
            guard !values.isEmpty else { return true }
            if writer.lines == 0 {
                // Rows before the header are left out; afterwards each missing or empty row is a blank line.
                width = (values.last?.0 ?? 0) + 1
            } else {
                for _ in (lastRow + 1)..<number { try writer.blank(path: path) }
            }
            lastRow = number
            try writer.line(values, width: width, path: path)
            return true
        }
        try sink.finish()
        return Conversion(sheet: sheet.name, lines: writer.lines)
    }
}

/// Writes CSV lines in the converted file's fixed dialect.
private final class CSVLineWriter {
    private let sink: any ByteSink
    private let limit: Int
    private var written = 0
    private var line: [UInt8] = []
    private(set) var lines = 0

    init(sink: any ByteSink, limit: Int) {
        self.sink = sink
        self.limit = limit
        write([0xEF, 0xBB, 0xBF])
    }

    /// The values of one row, padded to `width` fields (more when a row is wider than the header).
    func line(_ values: [(Int, String)], width: Int, path: String) throws(WorkbookError) {
        line.removeAll(keepingCapacity: true)
        var cursor = 0
        for column in 0..<max(width, (values.last?.0 ?? -1) + 1) {
            if column > 0 { line.append(UInt8(ascii: ";")) }
            if cursor < values.count, values[cursor].0 == column {
                append(values[cursor].1)
                cursor += 1
            }
        }
        line.append(contentsOf: [0x0D, 0x0A])
        try emit(path: path)
    }

    func blank(path: String) throws(WorkbookError) {
        line.removeAll(keepingCapacity: true)
        line.append(contentsOf: [0x0D, 0x0A])
        try emit(path: path)
    }

    private func append(_ text: String) {
        let needsQuotes = text.utf8.contains { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A }
        guard needsQuotes else { return line.append(contentsOf: text.utf8) }
        line.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") { line.append(byte) }
            line.append(byte)
        }
        line.append(UInt8(ascii: "\""))
    }

    private func emit(path: String) throws(WorkbookError) {
        written += line.count
        guard written <= limit else { throw .tooLarge(path: path, part: "the sheet as CSV", limit: limit) }
        write(line)
        lines += 1
    }

    private func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { sink.write($0) }
    }
}
