import Formats
import Testing

struct ReaderCase: Sendable, CustomTestStringConvertible {
    let name: String
    let input: String
    var delimiter: Character = ";"
    let fields: [[String]]
    let lines: [Int]
    let terminators: [String]
    var testDescription: String { name }
}

/// Read sizes and short-read steps that put chunk and read boundaries
/// everywhere, including inside CRLF, `""` and the BOM.
private let readSizes = [1, 2, 3, 7, 1 << 20]
private let chunkSizes = [1, 2, 1000]

@Suite struct RecordReaderTests {
    @Test(arguments: [
        ReaderCase(
            name: "CRLF", input: "a;b\r\nc;d\r\n", fields: [["a", "b"], ["c", "d"]], lines: [1, 2],
            terminators: ["\r\n", "\r\n"]),
        ReaderCase(
            name: "LF, last line without terminator", input: "a;b\nc;d", fields: [["a", "b"], ["c", "d"]],
            lines: [1, 2], terminators: ["\n", ""]),
        ReaderCase(
            name: "lone CR", input: "a;b\rc;d\r", fields: [["a", "b"], ["c", "d"]], lines: [1, 2],
            terminators: ["\r", "\r"]),
        ReaderCase(
            name: "mixed terminators", input: "a\r\nb\nc\rd", fields: [["a"], ["b"], ["c"], ["d"]],
            lines: [1, 2, 3, 4], terminators: ["\r\n", "\n", "\r", ""]),
        ReaderCase(
            name: "embedded newlines count as lines",
            input: "h1;h2\n\"x\ny\";z\n\"p\r\nq\rr\";s\nlast;1\n",
            fields: [["h1", "h2"], ["x\ny", "z"], ["p\r\nq\rr", "s"], ["last", "1"]], lines: [1, 2, 4, 7],
            terminators: ["\n", "\n", "\n", "\n"]),
        ReaderCase(
            name: "doubled quotes", input: "\"a\"\"b\";\"\"\"\"\n\"\";\"x\"\"\"\n",
            fields: [["a\"b", "\""], ["", "x\""]], lines: [1, 2], terminators: ["\n", "\n"]),
        ReaderCase(
            name: "quoted delimiter", input: "\"a;b\";c\r\n", fields: [["a;b", "c"]], lines: [1],
            terminators: ["\r\n"]),
        ReaderCase(name: "empty fields", input: ";;\n", fields: [["", "", ""]], lines: [1], terminators: ["\n"]),
        ReaderCase(
            name: "blank line in the middle", input: "a\n\nb\n", fields: [["a"], [""], ["b"]], lines: [1, 2, 3],
            terminators: ["\n", "\n", "\n"]),
        ReaderCase(
            name: "text after the closing quote", input: "\"abc\"x;y\n\"a\"b\"c\";d\n",
            fields: [["abcx", "y"], ["ab\"c\"", "d"]], lines: [1, 2], terminators: ["\n", "\n"]),
        ReaderCase(
            name: "quote inside an unquoted field", input: "12\" Rohr;b\"\"c\n", fields: [["12\" Rohr", "b\"\"c"]],
            lines: [1], terminators: ["\n"]),
        ReaderCase(
            name: "BOM is not part of the first field", input: "\u{FEFF}Name;Ort\nA;B\n",
            fields: [["Name", "Ort"], ["A", "B"]], lines: [1, 2], terminators: ["\n", "\n"]),
        ReaderCase(
            name: "BOM before a quoted field", input: "\u{FEFF}\"Name\";Ort", fields: [["Name", "Ort"]], lines: [1],
            terminators: [""]),
        ReaderCase(
            name: "BOM only", input: "\u{FEFF}", fields: [[""]], lines: [1], terminators: [""]),
        ReaderCase(
            name: "one trailing terminator, no extra record", input: "a;b\n\n", fields: [["a", "b"], [""]],
            lines: [1, 2], terminators: ["\n", "\n"]),
        ReaderCase(name: "only a line break", input: "\r\n", fields: [[""]], lines: [1], terminators: ["\r\n"]),
        ReaderCase(name: "nothing", input: "", fields: [], lines: [], terminators: []),
        ReaderCase(
            name: "quoted field at the end of input", input: "a;\"b\"", fields: [["a", "b"]], lines: [1],
            terminators: [""]),
        ReaderCase(name: "delimiter at the end of input", input: "a;", fields: [["a", ""]], lines: [1], terminators: [""]),
        ReaderCase(
            name: "tab delimiter", input: "a\t\"b\tc\"\n", delimiter: "\t", fields: [["a", "b\tc"]], lines: [1],
            terminators: ["\n"]),
        ReaderCase(
            name: "comma delimiter keeps semicolons", input: "a;b,c\n", delimiter: ",", fields: [["a;b", "c"]],
            lines: [1], terminators: ["\n"]),
        ReaderCase(
            name: "leading space makes a quote literal", input: " \"a;b\";c\n", fields: [[" \"a", "b\"", "c"]],
            lines: [1], terminators: ["\n"]),
        ReaderCase(
            name: "long unquoted fields", input: String(repeating: "x", count: 40) + ";" + String(repeating: "y", count: 17),
            fields: [[String(repeating: "x", count: 40), String(repeating: "y", count: 17)]], lines: [1],
            terminators: [""]),
    ])
    func readsRecords(_ row: ReaderCase) throws {
        let input = utf8(row.input)
        for readSize in readSizes {
            for maxRecords in chunkSizes {
                for step in [1, Int.max] {
                    let records = try readRecords(
                        input, delimiter: row.delimiter, readSize: readSize, maxRecords: maxRecords, step: step)
                    let context = "readSize \(readSize), maxRecords \(maxRecords), step \(step)"
                    #expect(records.map { $0.fields.map { String(decoding: $0, as: UTF8.self) } } == row.fields, "\(context)")
                    #expect(records.map(\.line) == row.lines, "\(context)")
                    #expect(records.map { String(decoding: $0.terminator, as: UTF8.self) } == row.terminators, "\(context)")
                    #expect(records.flatMap { $0.content + $0.terminator } == input, "\(context)")
                }
            }
        }
    }

    @Test(arguments: [
        ("a;b\n\"open\nmore\n", 2),
        ("\"x\"\"\n", 1),
        ("a\nb\r\nc;\"d", 3),
        ("h\n\"a\"\"\"\n\"b\r\nc\rd", 3),
        ("\"", 1),
    ])
    func reportsTheLineWhereAnUnclosedQuoteOpened(_ input: String, _ line: Int) {
        for readSize in readSizes {
            for maxRecords in chunkSizes {
                let error = inputError { () throws(InputError) in
                    try readRecords(utf8(input), readSize: readSize, maxRecords: maxRecords)
                }
                #expect(error == .unbalancedQuote(path: "/in/test.csv", line: line), "readSize \(readSize)")
            }
        }
    }

    /// A stray quote early in a huge file must fail once the record passes the
    /// limit, not read the whole file into memory.
    @Test func strayQuoteInAnEndlessFileStopsAtTheLimit() {
        let reader = RecordReader(
            source: EndlessSource(prefix: utf8("Name;Ort\nMeier;\"Bonn\n"), filler: UInt8(ascii: "x")),
            dialect: Dialect(), path: "/in/big.csv", readSize: 64, maxRecordBytes: 10_000)
        let error = inputError { () throws(InputError) in
            while try reader.nextChunk(maxRecords: 100) != nil {}
        }
        #expect(error == .unbalancedQuote(path: "/in/big.csv", line: 2))
    }

    @Test func endlessLineWithoutQuotesIsTooLong() {
        let reader = RecordReader(
            source: EndlessSource(prefix: utf8("a\nb\n"), filler: UInt8(ascii: "x")),
            dialect: Dialect(), path: "/in/big.csv", readSize: 100, maxRecordBytes: 5_000)
        let error = inputError { () throws(InputError) in
            while try reader.nextChunk(maxRecords: 100) != nil {}
        }
        #expect(error == .recordTooLong(path: "/in/big.csv", line: 3, limit: 5_000))
    }

    @Test func chunksRespectMaxRecordsAndReadSize() throws {
        let input = utf8(String(repeating: "Meier;Hans;01067\r\n", count: 1000))
        let reader = RecordReader(source: MemorySource(input), dialect: Dialect(), path: "x.csv", readSize: 1000)
        var counts: [Int] = []
        var total: [UInt8] = []
        while let chunk = try reader.nextChunk(maxRecords: 100) {
            counts.append(chunk.count)
            total += chunk.bytes
            #expect(chunk.bytes.count < 2 * 1000 + 18, "a chunk stops at a read boundary")
            #expect(chunk.records.first?.start == 0)
            #expect(chunk.records.last?.end == chunk.bytes.count)
        }
        #expect(counts.reduce(0, +) == 1000)
        #expect(counts.allSatisfy { $0 <= 100 })
        #expect(total == input)
        #expect(try reader.nextChunk(maxRecords: 100) == nil, "stays at the end")
    }

    /// A chunk ends where a read runs out once it holds half a read block, instead
    /// of reading on: so only the unfinished record at its end is carried into the
    /// next buffer, not the half block read after it.
    @Test func aChunkEndsWhereAReadRunsOutOnceItHoldsHalfABlock() throws {
        let record = utf8("Meier;Hans;01067\r\n")
        let input = Array(repeating: record, count: 1000).flatMap { $0 }
        let reader = RecordReader(source: MemorySource(input), dialect: Dialect(), path: "x.csv", readSize: 1000)
        var sizes: [Int] = []
        while let chunk = try reader.nextChunk(maxRecords: 10_000) { sizes.append(chunk.bytes.count) }
        #expect(sizes.reduce(0, +) == input.count)
        #expect(sizes.allSatisfy { $0 <= 1000 + record.count }, "\(sizes)")
        #expect(sizes.dropLast().allSatisfy { $0 >= 500 }, "\(sizes)")
    }

    /// A chunk's bytes are the buffer the reader read into, and a spare's buffer is
    /// read into next: every chunk must still hold exactly its records' bytes, also
    /// when the spare's bytes are still held elsewhere (they must not change then).
    @Test(arguments: [(7, 3), (64, 5), (1000, 100), (1 << 20, 1)])
    func sparesGivenBackKeepEveryByte(_ readSize: Int, _ maxRecords: Int) throws {
        var rows: [String] = []
        for i in 0..<400 { rows.append(i % 7 == 0 ? "\"r\(i)\n\(String(repeating: "x", count: i % 90))\";\(i)\r\n" : "r\(i);\(i * 31)\n") }
        let input = utf8(rows.joined() + "end;0")
        let reader = RecordReader(source: MemorySource(input, step: 5), dialect: Dialect(), path: "x.csv", readSize: readSize)
        var total: [UInt8] = []
        var kept: [([UInt8], [UInt8])] = []
        var spare: RecordChunk?
        var count = 0
        while let chunk = try reader.nextChunk(maxRecords: maxRecords, reusing: spare) {
            #expect(chunk.records.first?.start == 0)
            #expect(chunk.records.last?.end == chunk.bytes.count)
            total += chunk.bytes
            count += 1
            // Every third chunk stays held (a copy of its bytes shares the buffer) while later ones are read.
            if count % 3 == 0 { kept.append((chunk.bytes, Array(chunk.bytes.map { $0 }))) }
            spare = chunk
        }
        #expect(total == input)
        for (held, snapshot) in kept { #expect(held == snapshot, "a buffer still held was not written into") }
    }

    @Test func lineNumbersContinueAcrossChunks() throws {
        let input = utf8((1...50).map { "r\($0);\"a\nb\"\n" }.joined())
        let records = try readRecords(input, readSize: 5, maxRecords: 3)
        #expect(records.map(\.line) == (0..<50).map { 1 + 2 * $0 })
    }

    @Test(arguments: [
        ("", true, true), ("  \t", true, true), ("\u{FEFF}", true, true), ("\u{FEFF} ", true, true),
        (";;;", false, true), (" ; \t;", false, true), ("\"\";\"\"", false, true), ("\" \"", false, true),
        ("a", false, false), (";x;", false, false), ("\"\"\"\"", false, false), ("\u{A0}", false, false),
    ])
    func blankRecords(_ content: String, _ blank: Bool, _ fieldsBlank: Bool) throws {
        let reader = RecordReader(source: MemorySource(utf8(content + "\n")), dialect: Dialect(), path: "x.csv")
        let chunk = try #require(try reader.nextChunk(maxRecords: 10))
        #expect(chunk.isBlank(0) == blank)
        #expect(chunk.allFieldsBlank(0) == fieldsBlank)
    }

    @Test func decodesFieldsInTheFileEncoding() throws {
        let input = TextDecoding.encode("Name;Betrag\r\n\"Müller, \"\"Hans\"\"\";5 €\r\n", as: .windows1252)! + [0x81, 0x0D, 0x0A]
        let reader = RecordReader(source: MemorySource(input), dialect: Dialect(encoding: .windows1252), path: "x.csv")
        let chunk = try #require(try reader.nextChunk(maxRecords: 10))
        #expect(chunk.fieldString(1, 0, encoding: .windows1252) == "Müller, \"Hans\"")
        #expect(chunk.fieldString(1, 1, encoding: .windows1252) == "5 €")
        #expect(chunk.fieldString(1, 1, encoding: .utf8) == nil)
        #expect(chunk.fieldString(2, 0, encoding: .windows1252) == nil)
        #expect(chunk.fieldString(2, 0, encoding: .iso88591) == "\u{81}")
        #expect(Array(chunk.rawField(1, 0)) == TextDecoding.encode("Müller, \"\"Hans\"\"", as: .windows1252))
    }
}
