import Matching

/// What `robinson --version` prints: the release and the index format it reads and writes.
enum RobinsonVersion {
    static let release = "1.0.0"
    static var text: String { "robinson \(release) (index format \(IndexHeader.formatVersion))" }
}
