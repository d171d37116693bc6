import Formats
import Testing

@Suite("CSV for spreadsheets (formula injection)")
struct SpreadsheetCSVTests {
    @Test("a text cell that would start a formula is shown as text (OWASP)", arguments: [
        ("=HYPERLINK(\"http://x\";\"klick\")", "\"'=HYPERLINK(\"\"http://x\"\";\"\"klick\"\")\""),
        ("+49 30 1234", "\"'+49 30 1234\""), ("-2+3", "\"'-2+3\""), ("@SUM(A1)", "\"'@SUM(A1)\""),
        ("\t=1", "\"'\t=1\""), ("\r=1", "\"'\r=1\""), ("  =1+1", "\"'  =1+1\""),
        ("Müller GmbH", "\"Müller GmbH\""), ("a;b", "\"a;b\""), ("", "\"\""),
    ])
    func neutralised(input: String, expected: String) {
        #expect(SpreadsheetCSV.field(.text(input)) == expected)
    }

    @Test("numbers we format stay numbers, also negative ones; anything else in a number cell is text")
    func numbers() {
        #expect(SpreadsheetCSV.field(.number("-941,69")) == "-941,69")
        #expect(SpreadsheetCSV.field(.number("1.234,56")) == "1.234,56")
        #expect(SpreadsheetCSV.field(.number("14")) == "14")
        #expect(SpreadsheetCSV.field(.number("-=1")) == "\"'-=1\"")
        #expect(SpreadsheetCSV.field(.number("")) == "\"\"")
    }

    @Test("the file: BOM, quoted header, CRLF")
    func document() {
        let bytes = SpreadsheetCSV.document(header: ["Kunde", "Offen"], rows: [[.text("K1"), .number("1,00")]])
        #expect(String(decoding: bytes, as: UTF8.self) == "\u{FEFF}\"Kunde\";\"Offen\"\r\n\"K1\";1,00\r\n")
    }
}
