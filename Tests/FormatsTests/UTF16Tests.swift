import Formats
import Testing

/// Excel's "Unicode text" (UTF-16 LE with BOM, tab-separated) and its
/// big-endian twin: read like the other encodings, written back byte for byte.
@Suite struct UTF16Tests {
    static let text = "\u{FEFF}Vorname\tNachname\tStraße\tPLZ\r\nJürgen\tÖzdemir\tKönigsallee 1\t40212\r\n"
        + "\"Anna\tMaria\"\tBlümchen 🌼\tAm Weg \"2\"\t01067\r\nZoë\tŁukasiewicz\t\t\r\n"

    static func bytes(_ text: String, _ form: UTF16Form) -> [UInt8] {
        text.utf16.flatMap { unit in
            form == .littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
    }

    @Test(arguments: [UTF16Form.littleEndian, .bigEndian])
    func sniffsTheDialect(_ form: UTF16Form) throws {
        let dialect = try DialectSniffer.sniff(sample: Self.bytes(Self.text, form), sampleIsWholeFile: true, path: "/in/x.txt")
        #expect(dialect.utf16 == form)
        #expect(dialect.delimiter == 0x09)
        #expect(dialect.encoding == .utf8)
        #expect(dialect.lineEnding == .crlf)
        // A sample cut inside a surrogate pair or a unit is not an error.
        let cut = Array(Self.bytes(Self.text, form).prefix(Self.bytes("\u{FEFF}Vorname\tNachname\tStraße\tPLZ\r\nJürgen\tÖzdemir\tKönigsallee 1\t40212\r\n\"Anna\tMaria\"\tBlümchen ", form).count + 3))
        #expect(try DialectSniffer.sniff(sample: cut, sampleIsWholeFile: false, path: "/in/x.txt").utf16 == form)
    }

    @Test(arguments: [UTF16Form.littleEndian, .bigEndian], [1, 3, 64, 1 << 20])
    func readsFieldsAndWritesTheSameBytesBack(_ form: UTF16Form, readSize: Int) throws {
        let input = Self.bytes(Self.text, form)
        let dialect = try DialectSniffer.sniff(sample: input, sampleIsWholeFile: true, path: "/in/x.txt")
        let reader = RecordReader(source: MemorySource(input, step: readSize == 3 ? 5 : .max), dialect: dialect, path: "/in/x.txt", readSize: readSize)
        let sink = MemorySink()
        let output = dialect.encoding(sink)
        var fields: [[String]] = []
        while let chunk = try reader.nextChunk(maxRecords: 2) {
            for record in 0..<chunk.count {
                fields.append((0..<chunk.fieldCount(record)).map { chunk.fieldString(record, $0, encoding: dialect.encoding) ?? "?" })
                var line = Array(chunk.content(record))
                FieldWriter.append("ja", to: &line, dialect: dialect, forceQuote: false)
                FieldWriter.append("Straße; 🌼", to: &line, dialect: dialect, forceQuote: false)
                line += chunk.terminator(record)
                output.write(line)
            }
        }
        try output.finish()
        #expect(fields == [
            ["Vorname", "Nachname", "Straße", "PLZ"], ["Jürgen", "Özdemir", "Königsallee 1", "40212"],
            ["Anna\tMaria", "Blümchen 🌼", "Am Weg \"2\"", "01067"], ["Zoë", "Łukasiewicz", "", ""],
        ])
        // Every input line unchanged, the appended fields in UTF-16 too.
        let expected = Self.text.split(separator: "\r\n").map { $0 + "\tja\tStraße; 🌼\r\n" }.joined()
        #expect(sink.bytes == Self.bytes(expected, form))
    }

    @Test("an unpaired surrogate after the sample is reported with its line")
    func surrogateInTheMiddle() throws {
        let head = Self.bytes("\u{FEFF}Name\tOrt\r\nA\tB\r\n", .littleEndian)
        let input = head + [0x00, 0xDC] + Self.bytes("\r\n", .littleEndian)
        let dialect = try DialectSniffer.sniff(sample: head, sampleIsWholeFile: false, path: "/in/x.txt")
        let reader = RecordReader(source: MemorySource(input), dialect: dialect, path: "/in/x.txt", readSize: 4)
        let error = inputError { () throws(InputError) in while try reader.nextChunk(maxRecords: 10) != nil {} }
        #expect(error == .undecodableBytes(path: "/in/x.txt", line: 3, offset: head.count))
    }
}
