import Foundation

/// What the matcher wrote for one input row.
public struct Observation: Sendable, Hashable {
    public var marker: String
    public var lists: String
    public var grund: String

    public init(marker: String, lists: String, grund: String) {
        self.marker = marker
        self.lists = lists
        self.grund = grund
    }
}

/// Reads the matcher's output of an evaluation: the `id` column and the three
/// appended columns (`robinson`, `robinson_listen`, `robinson_grund`) of every row.
public enum ObservedMarkers {
    /// The observations by `id`; the header line is skipped.
    public static func read(path: String) throws -> [Int: Observation] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SyntheticFileError(path: path, detail: "cannot read the matcher's output")
        }
        let text = String(decoding: data, as: UTF8.self)
        var observed: [Int: Observation] = [:]
        var isHeader = true
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if isHeader {
                isHeader = false
                continue
            }
            let fields = CSVLine.split(line)
            guard fields.count >= 4, let id = Int(fields[0]) else {
                throw SyntheticFileError(path: path, detail: "unexpected output line: \(line.prefix(120))")
            }
            let tail = fields.suffix(3).map { $0 }
            observed[id] = Observation(marker: tail[0], lists: tail[1], grund: tail[2])
        }
        return observed
    }
}
