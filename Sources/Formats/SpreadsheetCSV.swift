import Foundation

/// One cell of a CSV file that people open in a spreadsheet.
public enum SpreadsheetCell: Sendable, Equatable {
    /// Anything that may come from outside (names, descriptions, references): quoted and neutralised.
    case text(String)
    /// A number we format ourselves (`-941,69`, `14`): written bare so it stays a number. A value that
    /// is not made of digits, one sign and separators is written as text.
    case number(String)
}

/// The CSV files written for people, who open them in Excel or LibreOffice:
/// the invoice register, the open-items list and listings (`;`, UTF-8 with
/// BOM, CRLF).
///
/// Text cells follow OWASP's rule against CSV (formula) injection: every
/// text cell is enclosed in double quotes with inner quotes doubled, and a
/// cell whose first character other than spaces is `=`, `+`, `-`, `@`, tab,
/// CR or LF gets a leading `'`, so a customer named `=HYPERLINK(…)` is shown
/// as text, never run. Numbers stay numbers (a negative amount is not text).
///
/// Not for files a program reads: the annotated customer file stays byte-exact
/// (its own writer), and the DATEV Buchungsstapel keeps DATEV's format (its
/// text cells always start with a fixed word of ours, see `BuchungsstapelFile`).
public enum SpreadsheetCSV {
    static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "\n"]

    /// `text` as a spreadsheet shows it literally: prefixed with `'` when it would start a formula.
    public static func neutralised(_ text: String) -> String {
        guard let first = text.first(where: { $0 != " " }), triggers.contains(first) else { return text }
        return "'" + text
    }

    /// The field as written between delimiters.
    public static func field(_ cell: SpreadsheetCell) -> String {
        switch cell {
        case .number(let value) where isNumber(value):
            value
        case .number(let value), .text(let value):
            "\"" + neutralised(value).replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
    }

    /// One line without its line break.
    public static func line(_ cells: [SpreadsheetCell]) -> String {
        cells.map(field).joined(separator: ";")
    }

    /// The whole file: BOM, the header (text cells), the rows, each line ended by CRLF.
    public static func document(header: [String], rows: [[SpreadsheetCell]]) -> [UInt8] {
        var text = "\u{FEFF}" + line(header.map(SpreadsheetCell.text)) + "\r\n"
        for row in rows { text += line(row) + "\r\n" }
        return Array(text.utf8)
    }

    /// Digits with at most one leading minus and `.`/`,` separators, starting with a digit after the sign.
    static func isNumber(_ value: String) -> Bool {
        var rest = Substring(value)
        if rest.first == "-" { rest = rest.dropFirst() }
        guard let first = rest.first, first.isASCII, first.isNumber else { return false }
        return rest.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "," || $0 == "." }
    }
}
