import Formats

/// Why an index cannot be used. Each message says what to do.
public enum IndexError: Error, Sendable, Equatable, CustomStringConvertible {
    case noIndex(directory: String)
    case badPointer(path: String, content: String)
    case notAnIndex(path: String)
    case unsupportedVersion(path: String, version: UInt32)
    case truncated(path: String)
    case corrupt(path: String, detail: String)
    case wrongKey(path: String, indexKey: String, installedKey: String)
    case emptyDelivery(path: String)
    case shrinkingDelivery(entries: UInt64, current: UInt64)
    case io(path: String, detail: String)

    public var description: String {
        switch self {
        case .noIndex(let dir):
            "no Robinson index has been built yet in \(dir): run `robinson index build DELIVERY.csv` first"
        case .badPointer(let path, let content):
            "\(path) names \"\(TerminalText.escaped(content))\", which is not an index version file in its folder; nothing is read from outside the index folder. Run `robinson index build` again, or write the name of a version file (without .rbx) into it"
        case .notAnIndex(let path):
            "\(path) is not a Robinson index file: rebuild the index with `robinson index build`"
        case .unsupportedVersion(let path, let version):
            "\(path) has index format \(version), this robinson reads only format \(IndexHeader.formatVersion): rebuild the index with `robinson index build`"
        case .truncated(let path):
            "index \(path) is truncated: rebuild it with `robinson index build`"
        case .corrupt(let path, let detail):
            "index \(path) is corrupt (\(detail)): rebuild it with `robinson index build`"
        case .wrongKey(let path, let indexKey, let installedKey):
            "index \(path) was built with hashing key \(indexKey), but this installation's key is \(installedKey): rebuild the index with the current key (`robinson index build`) or restore the matching key file"
        case .emptyDelivery(let path):
            "delivery \(path) contains no list entries; nothing was changed (the current index stays in use)"
        case .shrinkingDelivery(let entries, let current):
            "the new delivery yields \(entries) fingerprints, less than half of the current index's \(current); refusing to switch. Check the delivery, or pass --force if the lists really shrank"
        case .io(let path, let detail):
            "cannot read or write \(path): \(detail)"
        }
    }
}
