import Formats
import Testing

struct DecodeCase: Sendable, CustomTestStringConvertible {
    let bytes: [UInt8]
    let encoding: TextEncoding
    let expected: String?
    var testDescription: String { "\(bytes) as \(encoding)" }
}

@Suite struct TextDecodingTests {
    @Test(arguments: [
        DecodeCase(bytes: utf8("Meier;Hans"), encoding: .utf8, expected: "Meier;Hans"),
        DecodeCase(bytes: utf8("Meier;Hans"), encoding: .windows1252, expected: "Meier;Hans"),
        DecodeCase(bytes: utf8("Meier;Hans"), encoding: .iso88591, expected: "Meier;Hans"),
        DecodeCase(bytes: [], encoding: .utf8, expected: ""),
        DecodeCase(bytes: utf8("Müller Straße"), encoding: .utf8, expected: "Müller Straße"),
        DecodeCase(bytes: [0xC3, 0x28], encoding: .utf8, expected: nil),
        DecodeCase(bytes: [0xC0, 0xAF], encoding: .utf8, expected: nil),  // overlong "/"
        DecodeCase(bytes: [0xED, 0xA0, 0x80], encoding: .utf8, expected: nil),  // surrogate
        DecodeCase(bytes: utf8("Stra") + [0xC3], encoding: .utf8, expected: nil),  // cut character
        DecodeCase(bytes: [0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72], encoding: .windows1252, expected: "Müller"),
        DecodeCase(bytes: [0x35, 0x20, 0x80], encoding: .windows1252, expected: "5 €"),
        DecodeCase(bytes: [0x84, 0x6A, 0x61, 0x93], encoding: .windows1252, expected: "„ja“"),
        DecodeCase(bytes: [0x81], encoding: .windows1252, expected: nil),
        DecodeCase(bytes: [0x61, 0x8D], encoding: .windows1252, expected: nil),
        DecodeCase(bytes: [0x8F], encoding: .windows1252, expected: nil),
        DecodeCase(bytes: [0x90], encoding: .windows1252, expected: nil),
        DecodeCase(bytes: [0x9D], encoding: .windows1252, expected: nil),
        DecodeCase(bytes: [0x4B, 0xF6, 0x6C, 0x6E], encoding: .iso88591, expected: "Köln"),
        DecodeCase(bytes: [0x80, 0x81], encoding: .iso88591, expected: "\u{80}\u{81}"),
        DecodeCase(bytes: [0xDF, 0xFF], encoding: .iso88591, expected: "ßÿ"),
    ])
    func decodes(_ row: DecodeCase) {
        #expect(TextDecoding.decode(row.bytes, as: row.encoding) == row.expected)
    }

    @Test func windows1252HighRangeIsComplete() {
        let expected = Array("€\u{0}‚ƒ„…†‡ˆ‰Š‹Œ\u{0}Ž\u{0}\u{0}‘’“”•–—˜™š›œ\u{0}žŸ")
        for byte in UInt8(0x80)...0x9F {
            let decoded = TextDecoding.decode([byte], as: .windows1252)
            let want = expected[Int(byte) - 0x80]
            if want == "\u{0}" {
                #expect(decoded == nil, "byte \(byte) is undefined in Windows-1252")
            } else {
                #expect(decoded == String(want), "byte \(byte)")
            }
        }
    }

    @Test(arguments: [TextEncoding.windows1252, .iso88591])
    func singleByteEncodingsRoundTripEveryDefinedByte(_ encoding: TextEncoding) {
        for value in 0...255 {
            let byte = UInt8(value)
            guard let text = TextDecoding.decode([byte], as: encoding) else {
                #expect(encoding == .windows1252 && [0x81, 0x8D, 0x8F, 0x90, 0x9D].contains(byte))
                continue
            }
            #expect(TextDecoding.encode(text, as: encoding) == [byte], "byte \(byte)")
        }
    }

    @Test(arguments: [
        ("€", TextEncoding.windows1252, [UInt8(0x80)] as [UInt8]?),
        ("€", .iso88591, nil),
        ("€", .utf8, [0xE2, 0x82, 0xAC]),
        ("Straße", .iso88591, [0x53, 0x74, 0x72, 0x61, 0xDF, 0x65]),
        ("prüfen", .windows1252, [0x70, 0x72, 0xFC, 0x66, 0x65, 0x6E]),
        ("„a“", .windows1252, [0x84, 0x61, 0x93]),
        ("😀", .windows1252, nil),
        ("Ł", .iso88591, nil),
        ("\u{81}", .windows1252, nil),
    ])
    func encodes(_ text: String, _ encoding: TextEncoding, _ expected: [UInt8]?) {
        #expect(TextDecoding.encode(text, as: encoding) == expected)
    }

    @Test func lossyEncodingReplacesMissingCharacters() {
        #expect(TextDecoding.encodeLossy("5 € Łódź", as: .iso88591) == [0x35, 0x20, 0x3F, 0x20, 0x3F, 0xF3, 0x64, 0x3F])
        #expect(TextDecoding.encodeLossy("5 €", as: .windows1252) == [0x35, 0x20, 0x80])
    }

    /// The ASCII fast path reads eight bytes at a time: a high byte at any
    /// position of any length must still be seen.
    @Test(arguments: 1...20)
    func highByteAnywhereIsSeen(_ length: Int) {
        for position in 0..<length {
            var bytes = [UInt8](repeating: 0x61, count: length)
            bytes[position] = 0x81
            #expect(TextDecoding.decode(bytes, as: .utf8) == nil)
            #expect(TextDecoding.decode(bytes, as: .windows1252) == nil)
            bytes[position] = 0xE4
            var expected = String(repeating: "a", count: length)
            expected.replaceSubrange(expected.index(expected.startIndex, offsetBy: position)...expected.index(expected.startIndex, offsetBy: position), with: "ä")
            #expect(TextDecoding.decode(bytes, as: .iso88591) == expected)
        }
    }
}

@Suite("UTF-8 validation in place")
struct UTF8InPlaceTests {
    /// Bytes that form, break and cut UTF-8 sequences: ASCII runs, leads, continuations, the edges of each range.
    static let pieces: [[UInt8]] = [
        Array("Straße ".utf8), Array("abcdefgh".utf8), [0xC3, 0xA4], [0xC3], [0xA4], [0xE2, 0x82, 0xAC], [0xE0, 0x9F, 0x80],
        [0xE0, 0xA0, 0x80], [0xED, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xF0, 0x8F, 0x80, 0x80], [0xF0, 0x90, 0x80, 0x80],
        [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0xC1, 0xBF], [0xF5, 0x80], [0xFF], [0x80],
        [0xE2, 0x82], [0xF0, 0x9F, 0x98],
    ]

    @Test func agreesWithTheScalarCheckOnEveryMixOfPieces() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...6, using: &generator) { bytes += Self.pieces.randomElement(using: &generator)! }
            let expected = TextDecoding.decode(bytes[...], as: .utf8) != nil
            #expect(bytes.withUnsafeBufferPointer { TextDecoding.isValidUTF8($0) } == expected, "\(bytes)")
            #expect(TextDecoding.isValidUTF8(bytes[...]) == expected, "\(bytes)")
        }
    }
}

@Suite("UTF-8 validation of whole chunks")
struct UTF8ChunkTests {
    /// Long mixes: the check works 32 bytes at a time, so sequences must cross
    /// block edges at every offset, after ASCII blocks and after others.
    @Test func agreesWithTheStandardLibraryOnLongMixes() {
        var random = SeededGenerator(state: 2026)
        for round in 0..<4_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...60, using: &random) {
                if Int.random(in: 0..<5, using: &random) == 0 {
                    bytes += [UInt8](repeating: 0x61, count: Int.random(in: 1...70, using: &random))
                } else {
                    bytes += UTF8InPlaceTests.pieces.randomElement(using: &random)!
                }
            }
            if round % 4 == 0 { bytes += (0..<Int.random(in: 0...8, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) } }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            #expect(bytes.withUnsafeBufferPointer { TextDecoding.isValidUTF8($0) } == expected, "\(bytes)")
        }
    }

    @Test func findsEverySequenceAtEveryOffsetOfABlock() {
        for piece in UTF8InPlaceTests.pieces {
            let expected = String(validating: piece, as: UTF8.self) != nil
            for offset in 0..<70 {
                for after in [0, 1, 2, 3, 40] {
                    let bytes = [UInt8](repeating: 0x61, count: offset) + piece + [UInt8](repeating: 0x62, count: after)
                    #expect(bytes.withUnsafeBufferPointer { TextDecoding.isValidUTF8($0) } == expected, "\(piece) at \(offset), \(after) after")
                    // After a block with a valid sequence: the check carries state from block to block.
                    let mixed = Array("äöü€".utf8) + bytes
                    #expect(mixed.withUnsafeBufferPointer { TextDecoding.isValidUTF8($0) } == expected, "\(piece) at \(offset) after text")
                }
            }
        }
    }
}
