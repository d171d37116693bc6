/// What the byte-level normalizers need to know about a Unicode scalar, taken
/// from the reference (`FoldingBuffer`, `Unicode.Scalar.isBlank` …) once for
/// every scalar of the blocks address files use: ASCII, Latin-1, Latin
/// Extended-A/B, spacing modifiers, Latin Extended Additional, general
/// punctuation, currency and letterlike symbols. A field with any other
/// scalar (Greek, Cyrillic, CJK, combining marks …) is normalized by the
/// reference instead: rare, and the result is the same by construction.
struct ScalarInfo {
    /// Up to three folded bytes (`ä` → `ae`), zero-padded.
    var fold: (UInt8, UInt8, UInt8) = (0, 0, 0)
    var foldCount: UInt8 = 0
    /// Folding breaks the word here (punctuation, symbols, blanks).
    var breaksWord = false
    var isBlank = false
    var isLetter = false
    var isUppercase = false
    var isLowercase = false
    /// Within the covered blocks and folding without context.
    var isCovered = false
    /// A covered letter that folds to one to three ASCII letters without breaking the word
    /// (`ä` → `ae`, `é` → `e`): what a plain name is made of.
    var isPlainLetter = false
}

enum ScalarTable {
    /// Covered ranges and where their entries start in `entries`.
    private static let ranges: [(lower: UInt32, upper: UInt32)] = [
        (0x0000, 0x0300), (0x1E00, 0x1F00), (0x2000, 0x2200),
    ]

    static let entries: [ScalarInfo] = {
        var entries: [ScalarInfo] = []
        for range in ranges {
            for value in range.lower..<range.upper {
                entries.append(info(value))
            }
        }
        return entries
    }()

    /// The entries of the scalars below U+0300 (all that two-byte UTF-8 sequences
    /// of covered scalars reach), for the hot loops: a pointer held by the
    /// normalizers costs no lazy-global check per access, unlike `entries`.
    nonisolated(unsafe) static let latin: UnsafePointer<ScalarInfo> = {
        let table = UnsafeMutablePointer<ScalarInfo>.allocate(capacity: 0x300)
        table.initialize(from: entries, count: 0x300)
        return UnsafePointer(table)
    }()

    /// The table entry of `value`, or nil when the scalar is not covered.
    @inline(__always)
    static func index(_ value: UInt32) -> Int? {
        if value < 0x0300 { return Int(value) }
        if value >= 0x1E00 && value < 0x1F00 { return Int(value - 0x1E00) + 0x300 }
        if value >= 0x2000 && value < 0x2200 { return Int(value - 0x2000) + 0x400 }
        return nil
    }

    /// Derived from the reference: the fold of `value` between two letters tells
    /// whether it gives letters, breaks the word, or vanishes.
    private static func info(_ value: UInt32) -> ScalarInfo {
        var info = ScalarInfo()
        guard let scalar = Unicode.Scalar(value) else { return info }
        info.isBlank = scalar.isBlank
        info.isLetter = scalar.isLetter
        info.isUppercase = scalar.properties.isUppercase
        info.isLowercase = scalar.properties.isLowercase
        // Combining marks change the letter before them: left to the reference.
        if (0x300..<0x370).contains(value) { return info }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return info
        default: break
        }
        var buffer = FoldingBuffer(capacity: 8, marksWords: true)
        buffer.append("q", decomposing: true)
        buffer.append(scalar, decomposing: true)
        buffer.append("q", decomposing: true)
        let folded = buffer.finished()
        guard folded.count >= 2, folded.first == UInt8(ascii: "q"), folded.last == UInt8(ascii: "q") else { return info }
        let middle = Array(folded.dropFirst().dropLast())
        if middle == [FoldingBuffer.wordBreak] {
            info.breaksWord = true
        } else if middle.count <= 3, middle.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }) {
            info.foldCount = UInt8(middle.count)
            if middle.count > 0 { info.fold.0 = middle[0] }
            if middle.count > 1 { info.fold.1 = middle[1] }
            if middle.count > 2 { info.fold.2 = middle[2] }
        } else {
            return info
        }
        // '.' is special with keepsDots; ASCII is handled by value in the folder anyway.
        info.isCovered = true
        info.isPlainLetter = info.isLetter && !info.breaksWord && info.foldCount > 0
            && middle.allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
        return info
    }
}
