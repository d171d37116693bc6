extension Unicode.Scalar {
    /// Space, tab, line breaks, no-break space and the other Unicode spaces
    /// that spreadsheets leave in cells.
    var isBlank: Bool {
        switch value {
        case 0x20, 0x09...0x0D: true
        case 0...0x7F: false
        default: properties.isWhitespace
        }
    }

    var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }

    /// A letter of any script; ASCII without the Unicode property lookup.
    var isLetter: Bool {
        value < 0x80 ? asciiLetter != nil : properties.isAlphabetic
    }

    /// The lower-cased ASCII letter, if this is one.
    var asciiLetter: UInt8? {
        switch value {
        case 0x41...0x5A, 0x61...0x7A: UInt8(value) | 0x20
        default: nil
        }
    }
}

extension BidirectionalCollection where Element == Unicode.Scalar {
    /// The scalars without leading and trailing blanks.
    func trimmingBlanks() -> SubSequence {
        guard let first = firstIndex(where: { !$0.isBlank }), let last = lastIndex(where: { !$0.isBlank }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}

extension String {
    /// The text without leading and trailing blanks.
    func trimmingBlanks() -> Substring {
        Substring(unicodeScalars.trimmingBlanks())
    }
}
