import Formats
import Testing

struct DelimiterCase: Sendable, CustomTestStringConvertible {
    let name: String
    let sample: String
    var wholeFile = true
    let expected: Character
    var testDescription: String { name }
}

struct EncodingCase: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: [UInt8]
    var wholeFile = true
    let encoding: TextEncoding
    let hasBOM: Bool
    var testDescription: String { name }
}

struct RejectCase: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: [UInt8]
    let error: InputError
    var testDescription: String { name }
}

private let path = "/srv/inbox/k1/kunden.csv"

private func cp1252(_ text: String) -> [UInt8] { TextDecoding.encode(text, as: .windows1252)! }
private func latin1(_ text: String) -> [UInt8] { TextDecoding.encode(text, as: .iso88591)! }

@Suite struct DialectSnifferTests {
    @Test(arguments: [
        DelimiterCase(name: "German Excel", sample: "Name;Vorname;PLZ\r\nMüller;Hans;01067\r\nMeier;Eva;80331\r\n", expected: ";"),
        DelimiterCase(name: "comma", sample: "Name,Vorname,PLZ\nMüller,Hans,01067\n", expected: ","),
        DelimiterCase(name: "tab", sample: "Name\tVorname\tPLZ\nMüller\tHans\t01067\n", expected: "\t"),
        DelimiterCase(name: "pipe", sample: "Name|Vorname|PLZ\nMüller|Hans|01067\n", expected: "|"),
        DelimiterCase(
            name: "quoted fields hold semicolons", sample: "Name,Ort\n\"Müller; Hans\",\"Berlin; Mitte\"\n\"A;B;C\",D\n",
            expected: ","),
        DelimiterCase(
            name: "quoted header holds semicolon", sample: "\"Name;X\",\"Ort\"\n\"a;b\",\"c\"\n", expected: ","),
        DelimiterCase(
            name: "quoted fields hold commas and newlines",
            sample: "\"Name\";\"Notiz\"\r\n\"Müller, Hans\";\"a,\r\nb,c\"\r\n\"Meier\";\"x\"\r\n", expected: ";"),
        DelimiterCase(name: "single column", sample: "Name\nMüller\nSchmidt\n", expected: ";"),
        DelimiterCase(name: "single column with commas in data", sample: "Name\nMüller, Hans\nMeier, Eva\n", expected: ";"),
        DelimiterCase(name: "tie prefers semicolon", sample: "a;b,c\n1;2,3\n", expected: ";"),
        DelimiterCase(name: "tie prefers comma over tab", sample: "a,b\tc\n1,2\t3\n", expected: ","),
        DelimiterCase(name: "tie prefers tab over pipe", sample: "a\tb|c\n1\t2|3\n", expected: "\t"),
        DelimiterCase(
            name: "one ragged row", sample: "a;b;c\n1;2;3\n4;5;6;7\n8;9;0\n1,2;3;4\n", expected: ";"),
        DelimiterCase(name: "comma beats a semicolon header", sample: "a;b,c,d\n1,2,3\n4,5,6\n", expected: ","),
        DelimiterCase(name: "trailing blank lines", sample: "a|b\n1|2\n\n\n", expected: "|"),
        DelimiterCase(name: "sample cut mid-record", sample: "a,b,c\n1,2,3\n4,5", wholeFile: false, expected: ","),
        DelimiterCase(name: "sample cut inside quotes", sample: "a,b\n1,\"x;y;z", wholeFile: false, expected: ","),
        DelimiterCase(name: "no line break", sample: "Name\tOrt", expected: "\t"),
    ])
    func detectsDelimiter(_ row: DelimiterCase) throws {
        let dialect = try DialectSniffer.sniff(sample: utf8(row.sample), sampleIsWholeFile: row.wholeFile, path: path)
        #expect(dialect.delimiter == row.expected.asciiValue!)
    }

    @Test(arguments: [
        EncodingCase(name: "ASCII", bytes: utf8("Name;Ort\nMeier;Bonn\n"), encoding: .utf8, hasBOM: false),
        EncodingCase(name: "UTF-8", bytes: utf8("Name;Ort\nMüller;Köln\n"), encoding: .utf8, hasBOM: false),
        EncodingCase(name: "UTF-8 with BOM", bytes: [0xEF, 0xBB, 0xBF] + utf8("Name;Ort\nMüller;Köln\n"), encoding: .utf8, hasBOM: true),
        EncodingCase(
            name: "UTF-8 cut mid-character in a partial sample", bytes: Array(utf8("Name;Ort\nMüller;Kö").dropLast()),
            wholeFile: false, encoding: .utf8, hasBOM: false),
        EncodingCase(
            // More valid UTF-8 characters than broken bytes: UTF-8, damaged at the end.
            name: "same bytes as a whole file stay UTF-8", bytes: Array(utf8("Name;Ort\nMüller;Kö").dropLast()),
            encoding: .utf8, hasBOM: false),
        EncodingCase(
            name: "UTF-8 with one row pasted from Windows-1252",
            bytes: utf8("Name;Ort\nMüller;Köln\nGroß;Gießen\n") + [0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72, 0x3B, 0x4B, 0xF6, 0x6C, 0x6E, 0x0A],
            encoding: .utf8, hasBOM: false),
        EncodingCase(
            name: "Windows-1252 with one accidental UTF-8-like pair stays Windows-1252",
            bytes: [0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72, 0x3B, 0x4B, 0xF6, 0x6C, 0x6E, 0x0A, 0x47, 0x72, 0x6F, 0xDF, 0x3B, 0xC3, 0xA4, 0x0A, 0x80, 0x0A],
            encoding: .windows1252, hasBOM: false),
        EncodingCase(
            name: "Windows-1252 with euro and German quotes",
            bytes: cp1252("Name;Betrag;Notiz\r\nMüller;5 €;„Stammkunde“\r\n"), encoding: .windows1252, hasBOM: false),
        EncodingCase(name: "Windows-1252 euro only", bytes: cp1252("Betrag\r\n5 €\r\n"), encoding: .windows1252, hasBOM: false),
        EncodingCase(
            name: "ISO-8859-1 umlauts only", bytes: latin1("Name;Straße\nMüller;Hauptstraße\nÖzdemir;Äußere\n"),
            encoding: .iso88591, hasBOM: false),
        EncodingCase(
            name: "a few control characters are fine",
            bytes: utf8("Name;Ort\n" + String(repeating: "Meier;Bonn\n", count: 20) + "x\u{01}y\n"),
            encoding: .utf8, hasBOM: false),
    ])
    func detectsEncoding(_ row: EncodingCase) throws {
        let dialect = try DialectSniffer.sniff(sample: row.bytes, sampleIsWholeFile: row.wholeFile, path: path)
        #expect(dialect.encoding == row.encoding)
        #expect(dialect.hasBOM == row.hasBOM)
    }

    @Test(arguments: [
        RejectCase(name: "no bytes", bytes: [], error: .empty(path: path)),
        RejectCase(name: "BOM only", bytes: [0xEF, 0xBB, 0xBF], error: .empty(path: path)),
        RejectCase(name: "BOM and blank lines", bytes: [0xEF, 0xBB, 0xBF] + utf8("\r\n  \n\t\n"), error: .empty(path: path)),
        RejectCase(name: "whitespace only", bytes: utf8("   \n\n"), error: .empty(path: path)),
        RejectCase(name: "NUL byte", bytes: utf8("a;b\n") + [0] + utf8("c\n"), error: .binary(path: path, offset: 4)),
        RejectCase(
            name: "many control characters", bytes: utf8("a;b\n") + [0x01, 0x02, 0x03] + utf8("cdefghij\n"),
            error: .binary(path: path, offset: 4)),
        RejectCase(
            name: "undefined Windows-1252 byte", bytes: utf8("Name\r\nM") + [0x81] + utf8("ller\r\n"),
            error: .undecodableBytes(path: path, line: 2, offset: 7)),
        RejectCase(
            name: "undefined byte after umlauts", bytes: latin1("Name\nMüller\nx") + [0x9D],
            error: .undecodableBytes(path: path, line: 3, offset: 13)),
        RejectCase(
            name: "BOM but not UTF-8", bytes: [0xEF, 0xBB, 0xBF] + utf8("Name\nM") + [0xFC] + utf8("ller\n"),
            error: .undecodableBytes(path: path, line: 2, offset: 9)),
        RejectCase(name: "xlsx workbook", bytes: [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], error: .spreadsheetWorkbook(path: path)),
        RejectCase(
            name: "UTF-32 LE text", bytes: [0xFF, 0xFE, 0x00, 0x00, 0x4E, 0x00, 0x00, 0x00],
            error: .unsupportedEncoding(path: path, encoding: "UTF-32")),
        RejectCase(
            name: "UTF-16 LE without BOM", bytes: Array("Name;Ort\r\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
            error: .unsupportedEncoding(path: path, encoding: "UTF-16 without byte order mark")),
        RejectCase(
            name: "UTF-16 with an unpaired surrogate", bytes: [0xFF, 0xFE, 0x4E, 0x00, 0x0A, 0x00, 0x00, 0xD8, 0x61, 0x00],
            error: .undecodableBytes(path: path, line: 2, offset: 6)),
        RejectCase(
            name: "UTF-16 cut in the middle of a unit", bytes: [0xFF, 0xFE, 0x4E, 0x00, 0x61],
            error: .undecodableBytes(path: path, line: 1, offset: 4)),
    ])
    func rejects(_ row: RejectCase) {
        let error = inputError { () throws(InputError) in
            try DialectSniffer.sniff(sample: row.bytes, sampleIsWholeFile: true, path: path)
        }
        #expect(error == row.error)
    }

    @Test(arguments: [
        ("\"a\";\"b\"\r\n1;2\r\n", LineEnding.crlf, true),
        ("a;\"b\"\n1;2\n", .lf, false),
        ("a;b\r1;2\r", .cr, false),
        ("a;b", .crlf, false),
        ("\"a\nb\";\"c\"\r\n1;2\r\n", .crlf, true),
        ("\u{FEFF}\"Name\",\"Ort\"\n", .lf, true),
        ("\n\n\"x\";\"y\"\r\n", .lf, true),
    ])
    func detectsLineEndingAndHeaderQuoting(_ sample: String, _ lineEnding: LineEnding, _ headerQuoted: Bool) throws {
        let dialect = try DialectSniffer.sniff(sample: utf8(sample), sampleIsWholeFile: true, path: path)
        #expect(dialect.lineEnding == lineEnding)
        #expect(dialect.headerQuoted == headerQuoted)
    }

    @Test func sniffsAFileOnDisk() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.file("kunden.txt")
        let text = cp1252("Name|Ort\r\n" + String(repeating: "Müller|Köln €\r\n", count: 10_000))
        let sink = try ZstdSink(path: file)
        sink.write(text)
        try sink.finish()
        let dialect = try DialectSniffer.sniff(path: file, sampleSize: 4096)
        #expect(dialect == Dialect(delimiter: UInt8(ascii: "|"), encoding: .windows1252, lineEnding: .crlf))
        let small = try DialectSniffer.sniff(path: file, sampleSize: text.count)
        #expect(small.delimiter == UInt8(ascii: "|"))
    }
}
