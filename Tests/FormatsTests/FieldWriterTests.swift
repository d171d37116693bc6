import Formats
import Testing

struct WriterCase: Sendable, CustomTestStringConvertible {
    let value: String
    var delimiter: Character = ";"
    var encoding: TextEncoding = .utf8
    var forceQuote = false
    let expected: [UInt8]
    var testDescription: String { "\(value.debugDescription) with \(delimiter.debugDescription) \(encoding)" }
}

@Suite struct FieldWriterTests {
    @Test(arguments: [
        WriterCase(value: "ja", expected: utf8(";ja")),
        WriterCase(value: "", expected: utf8(";")),
        WriterCase(value: "", forceQuote: true, expected: utf8(";\"\"")),
        WriterCase(value: "ja", forceQuote: true, expected: utf8(";\"ja\"")),
        WriterCase(value: "post;telefon", expected: utf8(";\"post;telefon\"")),
        WriterCase(value: "post;telefon", delimiter: ",", expected: utf8(",post;telefon")),
        WriterCase(value: "a,b", delimiter: ",", expected: utf8(",\"a,b\"")),
        WriterCase(value: "a\tb", delimiter: "\t", expected: utf8("\t\"a\tb\"")),
        WriterCase(value: "a|b", delimiter: "|", expected: utf8("|\"a|b\"")),
        WriterCase(value: "Name \"Meier\"", expected: utf8(";\"Name \"\"Meier\"\"\"")),
        WriterCase(value: "x\ny", expected: utf8(";\"x\ny\"")),
        WriterCase(value: "x\ry", expected: utf8(";\"x\ry\"")),
        WriterCase(value: "prüfen", expected: utf8(";prüfen")),
        WriterCase(value: "prüfen", encoding: .windows1252, expected: [0x3B, 0x70, 0x72, 0xFC, 0x66, 0x65, 0x6E]),
        WriterCase(value: "5 €", encoding: .windows1252, expected: [0x3B, 0x35, 0x20, 0x80]),
        WriterCase(value: "5 €", encoding: .iso88591, expected: [0x3B, 0x35, 0x20, 0x3F]),
        WriterCase(value: "„ja“;x", encoding: .windows1252, expected: [0x3B, 0x22, 0x84, 0x6A, 0x61, 0x93, 0x3B, 0x78, 0x22]),
    ])
    func appendsField(_ row: WriterCase) {
        var out = utf8("Meier")
        let dialect = Dialect(delimiter: row.delimiter.asciiValue!, encoding: row.encoding)
        FieldWriter.append(row.value, to: &out, dialect: dialect, forceQuote: row.forceQuote)
        #expect(out == utf8("Meier") + row.expected)
        #expect(FieldWriter.encodedField(row.value, dialect: dialect, forceQuote: row.forceQuote) == row.expected)
    }
}
