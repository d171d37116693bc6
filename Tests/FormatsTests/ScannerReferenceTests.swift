import Formats
import Testing

/// The scanner against a plain reading of its rules (`RecordScanner`'s
/// documentation), on inputs with long fields: the scanner finds field ends a
/// 64-byte block at a time, so fields must cross block and buffer boundaries
/// at every offset.
@Suite struct ScannerReferenceTests {
    /// Fields and terminators by the rules, byte by byte; nil when a quoted
    /// field is never closed.
    static func reference(_ input: [UInt8]) -> [(fields: [[UInt8]], terminator: [UInt8])]? {
        let quote: UInt8 = 0x22, delimiter: UInt8 = 0x3B, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
        var records: [(fields: [[UInt8]], terminator: [UInt8])] = []
        var i = input.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if input.isEmpty { return [] }
        var fields: [[UInt8]] = []
        while true {
            var value: [UInt8] = []
            if i < input.count && input[i] == quote {
                i += 1
                while true {
                    guard i < input.count else { return nil }
                    if input[i] == quote {
                        if i + 1 < input.count && input[i + 1] == quote {
                            value.append(quote)
                            i += 2
                            continue
                        }
                        i += 1
                        break
                    }
                    value.append(input[i])
                    i += 1
                }
            }
            while i < input.count && input[i] != delimiter && input[i] != lf && input[i] != cr {
                value.append(input[i])
                i += 1
            }
            fields.append(value)
            if i == input.count {
                records.append((fields, []))
                return records
            }
            if input[i] == delimiter {
                i += 1
                continue
            }
            let terminator: [UInt8] = input[i] == cr && i + 1 < input.count && input[i + 1] == lf ? [cr, lf] : [input[i]]
            i += terminator.count
            records.append((fields, terminator))
            fields = []
            if i == input.count { return records }
        }
    }

    static func generate(seed: UInt64) -> [UInt8] {
        var random = SeededGenerator(state: seed)
        var bytes: [UInt8] = Bool.random(using: &random) ? [0xEF, 0xBB, 0xBF] : []
        for _ in 0..<Int.random(in: 0...120, using: &random) {
            if Int.random(in: 0..<4, using: &random) == 0 {
                // A long run: field ends land anywhere in a block.
                bytes += [UInt8](repeating: 0x78, count: Int.random(in: 1...150, using: &random))
            } else {
                bytes += ReconstructionTests.pieces.randomElement(using: &random)!
            }
        }
        return bytes
    }

    @Test(arguments: 0..<300)
    func readsWhatTheRulesSay(_ seed: Int) throws {
        let input = Self.generate(seed: UInt64(seed) &+ 50_000)
        guard let expected = Self.reference(input) else {
            #expect(inputError { () throws(InputError) in try readRecords(input) } != nil, "an unclosed quote is refused")
            return
        }
        for readSize in [1 << 20, 64, 100, 7] {
            let records = try readRecords(input, readSize: readSize, maxRecords: 5)
            #expect(records.map(\.fields) == expected.map(\.fields), "readSize \(readSize)")
            #expect(records.map(\.terminator) == expected.map(\.terminator), "readSize \(readSize)")
        }
    }
}
