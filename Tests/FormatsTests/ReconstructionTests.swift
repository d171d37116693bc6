import Formats
import Testing

/// Generated inputs: whatever the bytes, reading must give back every byte,
/// find the same records at every read size, and number lines correctly.
@Suite struct ReconstructionTests {
    /// Pieces that stress the scanner: delimiters, quotes, every line ending,
    /// a BOM-like sequence, non-ASCII bytes.
    static let pieces: [[UInt8]] = [
        utf8("a"), utf8("Müller"), utf8(";"), utf8(","), utf8("\""), utf8("\"\""), utf8("\r"), utf8("\n"),
        utf8("\r\n"), utf8(" "), [0xEF, 0xBB, 0xBF], [0xFC], utf8("\"x;y\""), utf8("\"a\nb\""),
    ]

    static func generate(seed: UInt64) -> [UInt8] {
        var random = SeededGenerator(state: seed)
        var bytes: [UInt8] = Bool.random(using: &random) ? [0xEF, 0xBB, 0xBF] : []
        for _ in 0..<Int.random(in: 0...40, using: &random) {
            bytes += pieces.randomElement(using: &random)!
        }
        return bytes
    }

    /// Line of each record start, counted independently of the reader.
    static func lineStarts(_ bytes: [UInt8], at offsets: [Int]) -> [Int] {
        offsets.map { offset in
            var line = 1
            for index in 0..<offset where bytes[index] == 0x0A || (bytes[index] == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A)) {
                line += 1
            }
            return line
        }
    }

    @Test(arguments: 0..<400)
    func readingReproducesTheInput(_ seed: Int) throws {
        let input = Self.generate(seed: UInt64(seed))
        let reference: [ReadRecord]
        do {
            reference = try readRecords(input)
        } catch {
            // An unclosed quote: every read size must report the same line.
            for readSize in [1, 3, 7] {
                let other = inputError { () throws(InputError) in try readRecords(input, readSize: readSize, maxRecords: 2) }
                #expect(other == error, "readSize \(readSize)")
            }
            guard case .unbalancedQuote = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            return
        }
        #expect(reference.flatMap { $0.content + $0.terminator } == input)
        #expect(reference.dropLast().allSatisfy { !$0.terminator.isEmpty }, "only the last record may lack a terminator")
        if let last = reference.last {
            #expect(!(last.content.isEmpty && last.terminator.isEmpty) || input.isEmpty, "no empty record after the final terminator")
        }
        var offsets: [Int] = []
        var offset = 0
        for record in reference {
            offsets.append(offset)
            offset += record.content.count + record.terminator.count
        }
        #expect(reference.map(\.line) == Self.lineStarts(input, at: offsets))
        for readSize in [1, 2, 5, 7, 64] {
            for maxRecords in [1, 3] {
                let records = try readRecords(input, readSize: readSize, maxRecords: maxRecords, step: readSize == 5 ? 3 : .max)
                #expect(records == reference, "readSize \(readSize), maxRecords \(maxRecords)")
            }
        }
    }

    /// Values written with ``FieldWriter`` read back unchanged.
    @Test(arguments: 0..<100)
    func writtenFieldsReadBack(_ seed: Int) throws {
        var random = SeededGenerator(state: UInt64(seed) &+ 1_000)
        let alphabet: [String] = ["a", "ü", ";", ",", "\"", "\r", "\n", "\r\n", " ", "€"]
        let values = (0..<Int.random(in: 1...6, using: &random)).map { _ in
            (0..<Int.random(in: 0...6, using: &random)).map { _ in alphabet.randomElement(using: &random)! }.joined()
        }
        for encoding in [TextEncoding.utf8, .windows1252] {
            for delimiter in [";", ",", "\t", "|"] as [Character] {
                let dialect = Dialect(delimiter: delimiter.asciiValue!, encoding: encoding)
                var line: [UInt8] = utf8("id")
                for value in values {
                    FieldWriter.append(value, to: &line, dialect: dialect, forceQuote: Bool.random(using: &random))
                }
                let reader = RecordReader(source: MemorySource(line + [0x0D, 0x0A]), dialect: dialect, path: "x.csv")
                let chunk = try #require(try reader.nextChunk(maxRecords: 10))
                #expect(chunk.count == 1)
                #expect((1..<chunk.fieldCount(0)).map { chunk.fieldString(0, $0, encoding: encoding) } == values)
                #expect(try reader.nextChunk(maxRecords: 10) == nil)
            }
        }
    }
}

@Suite struct GeneratorTests {
    /// The generated inputs must include both readable files and unclosed quotes.
    @Test func generatorCoversBothOutcomes() {
        var readable = 0, unclosed = 0
        for seed in 0..<400 {
            let input = ReconstructionTests.generate(seed: UInt64(seed))
            if (try? readRecords(input)) != nil { readable += 1 } else { unclosed += 1 }
        }
        #expect(readable > 100)
        #expect(unclosed > 20)
    }
}
