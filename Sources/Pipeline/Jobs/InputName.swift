import Matching

/// File-name rules for inputs and outputs.
public enum InputName {
    /// File systems allow 255 bytes per name. Every name the product derives
    /// stays within this, leaving room for what is added around it: a leading
    /// dot and `.tmp` while written, `.error.txt`, `.tmp-<pid>-<random>`.
    public static let maxBytes = 200

    /// `.zst` / `.gz` when the name ends so, else empty.
    public static func compressionSuffix(_ name: String) -> String {
        let lower = name.lowercased()
        for suffix in [".zst", ".gz"] where lower.hasSuffix(suffix) { return String(name.suffix(suffix.count)) }
        return ""
    }

    /// `adressen.csv.zst` → `adressen_robinson.csv.zst` (or without `.zst` when the output is plain);
    /// with `csv` (a converted workbook) `adressen.xlsx` → `adressen_robinson.csv`.
    public static func output(for input: String, zstd: Bool, csv: Bool = false) -> String {
        let (base, ext, _) = split(input)
        return fitted(base + "_robinson" + (ext.isEmpty || csv ? ".csv" : ext) + (zstd ? ".zst" : ""))
    }

    /// `name` when it has at most `maxBytes` bytes of UTF-8; else its
    /// beginning, `~`, eight hex digits of the whole name's SHA-256 and its
    /// extension, so two long names that differ only at the end stay apart.
    public static func fitted(_ name: String, maxBytes: Int = maxBytes) -> String {
        guard name.utf8.count > maxBytes else { return name }
        var digest = SHA256Digest()
        digest.update(Array(name.utf8))
        let tag = "~" + SHA256Digest.hex(digest.finish()).prefix(8)
        let (base, ext, compression) = split(name)
        let suffix = tag + ext + compression
        var kept = ""
        var used = 0
        for character in base {
            let size = character.utf8.count
            if used + size + suffix.utf8.count > maxBytes { break }
            kept.append(character)
            used += size
        }
        return kept + suffix
    }

    /// `name.csv.zst` → (`name`, `.csv`, `.zst`): an extension counts only
    /// when short (≤ 5 bytes with the dot), as real extensions are.
    private static func split(_ name: String) -> (base: String, ext: String, compression: String) {
        var base = name
        let compression = compressionSuffix(base)
        base.removeLast(compression.count)
        var ext = ""
        if let dot = base.lastIndex(of: "."), base.distance(from: dot, to: base.endIndex) <= 5, dot != base.startIndex {
            ext = String(base[dot...])
            base = String(base[..<dot])
        }
        return (base, ext, compression)
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
