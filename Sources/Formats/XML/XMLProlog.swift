/// What comes before an XML document's root element. Only there can a DTD
/// (`<!DOCTYPE …>`) stand, and with it entity declarations: one large entity
/// referenced many times or nested ones (billion laughs) expand without bound,
/// external ones read local files (XXE). Documents from outside (bank files,
/// workbook parts) never need a DTD, so one is refused before libxml2 parses
/// anything of it.
enum XMLProlog {
    enum Verdict: Equatable {
        /// The prolog ends at the root element (or is malformed, which the parser reports).
        case root
        case doctype
        /// The sample ended inside the prolog.
        case tooLong
        /// UTF-32 or EBCDIC: not an encoding documents from outside come in.
        case unsupportedEncoding
    }

    /// How many bytes of a file are looked at; a longer prolog (a huge comment) is refused.
    static let sampleSize = 1 << 16

    /// Classifies the prolog in `sample`, the first bytes of a document;
    /// `complete`: the sample is the whole document.
    static func inspect(_ sample: [UInt8], complete: Bool) -> Verdict {
        let units: [UInt32]
        switch sample.prefix(4).map({ $0 }) {
        case [0x00, 0x00, 0xFE, 0xFF], [0xFF, 0xFE, 0x00, 0x00], [0x00, 0x00, 0x00, 0x3C], [0x3C, 0x00, 0x00, 0x00],
             [0x4C, 0x6F, 0xA7, 0x94]:
            return .unsupportedEncoding
        case let head where head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0x3C, 0x00]):
            units = utf16Units(sample, littleEndian: true)
        case let head where head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0x00, 0x3C]):
            units = utf16Units(sample, littleEndian: false)
        default:
            units = sample.map(UInt32.init)
        }
        return walk(units, complete: complete)
    }

    private static func utf16Units(_ bytes: [UInt8], littleEndian: Bool) -> [UInt32] {
        stride(from: 0, to: bytes.count - 1, by: 2).map { index in
            littleEndian ? UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8 : UInt32(bytes[index]) << 8 | UInt32(bytes[index + 1])
        }
    }

    private static func walk(_ units: [UInt32], complete: Bool) -> Verdict {
        let less = code("<"), bang = code("!"), question = code("?")
        var index = 0
        // A byte order mark (U+FEFF, or EF BB BF read byte by byte).
        if units.first == 0xFEFF { index = 1 } else if units.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while index < units.count {
            let unit = units[index]
            if unit == 0x20 || unit == 0x09 || unit == 0x0A || unit == 0x0D {
                index += 1
                continue
            }
            guard unit == less, index + 1 < units.count else { return index + 1 < units.count || complete ? .root : .tooLong }
            let next = units[index + 1]
            if next == question {
                guard let end = find([question, code(">")], in: units, from: index + 2) else { return complete ? .root : .tooLong }
                index = end
            } else if next == bang {
                let comment: [UInt32] = [bang, code("-"), code("-")]
                guard units.count - index >= 4 else { return complete ? .root : .tooLong }
                guard Array(units[(index + 1)..<(index + 4)]) == comment else { return .doctype }
                let close = [code("-"), code("-"), code(">")]
                guard let end = find(close, in: units, from: index + 4) else { return complete ? .root : .tooLong }
                index = end
            } else {
                return .root
            }
        }
        return complete ? .root : .tooLong
    }

    private static func code(_ scalar: Unicode.Scalar) -> UInt32 { scalar.value }

    /// The index just after the first `pattern` at or after `start`.
    private static func find(_ pattern: [UInt32], in units: [UInt32], from start: Int) -> Int? {
        guard units.count >= pattern.count else { return nil }
        var index = start
        while index + pattern.count <= units.count {
            if units[index] == pattern[0], Array(units[index..<(index + pattern.count)]) == pattern { return index + pattern.count }
            index += 1
        }
        return nil
    }
}
