extension TextEncoding {
    /// `text` as Windows-1252 bytes, for files that German Windows software
    /// (DATEV) reads in that code page. A character the code page lacks
    /// becomes `replacement` rather than failing the whole file.
    public static func windows1252Bytes(_ text: String, replacement: UInt8 = UInt8(ascii: "?")) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            bytes.append(Windows1252.byte(for: scalar) ?? replacement)
        }
        return bytes
    }
}
