/// File-name rules for inputs and outputs.
public enum InputName {
    /// `.zst` / `.gz` when the name ends so, else empty.
    public static func compressionSuffix(_ name: String) -> String {
        let lower = name.lowercased()
        for suffix in [".zst", ".gz"] where lower.hasSuffix(suffix) { return String(name.suffix(suffix.count)) }
        return ""
    }

    /// `adressen.csv.zst` → `adressen_robinson.csv.zst` (or without `.zst` when the output is plain).
    public static func output(for input: String, zstd: Bool) -> String {
        var base = input
        let compression = compressionSuffix(base)
        base.removeLast(compression.count)
        var ext = ".csv"
        if let dot = base.lastIndex(of: "."), base.distance(from: dot, to: base.endIndex) <= 5, dot != base.startIndex {
            ext = String(base[dot...])
            base = String(base[..<dot])
        }
        return base + "_robinson" + ext + (zstd ? ".zst" : "")
    }

    /// Names a copy tool is still writing, or that are hidden: never claimed.
    public static func isIgnored(_ name: String) -> Bool {
        let lower = name.lowercased()
        if name.hasPrefix(".") || name.hasPrefix("~$") { return true }
        return [".part", ".tmp", ".filepart", ".crdownload", ".partial", ".error.txt"].contains { lower.hasSuffix($0) }
    }

    /// Customer folder names are ids: letters, digits, `-` and `_`.
    public static func isValidCustomerId(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 64 && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }
}
