import Foundation

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
