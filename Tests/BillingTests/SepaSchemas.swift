import Formats
import Foundation
import Testing

/// The pain.008 schemas in `../shared/schemas` beside the repository: the
/// German banks' GBIC_5 subset and the ISO schema. Referenced, never copied.
enum SepaSchemas {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/schemas").path

    /// Both schema paths, or none (with a printed notice) where `../shared` is absent.
    static let pain008: [String] = {
        let paths = ["pain.008.001.08_GBIC_5.xsd", "pain.008.001.08.xsd"].map { folder + "/" + $0 }
        guard paths.allSatisfy({ FileManager.default.fileExists(atPath: $0) }) else {
            print("NOTICE: \(folder) is absent; pain.008 files are checked by our rules only, not against the XSDs")
            return []
        }
        return paths
    }()
}

extension SepaSchemas {
    /// Both schemas, or a recorded failure: tests of what the banks accept never skip.
    static func require(sourceLocation: SourceLocation = #_sourceLocation) throws -> [XMLSchema] {
        guard !pain008.isEmpty else {
            Issue.record("the pain.008 schemas are not in \(folder); the test needs ../shared/schemas", sourceLocation: sourceLocation)
            throw MissingSchemas()
        }
        return try pain008.map { try XMLSchema(path: $0) }
    }

    struct MissingSchemas: Error {}
}
