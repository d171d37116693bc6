import Foundation
import Testing
import TestSupport
@testable import Billing

/// The bank file fixtures and the ISO schemas kept outside the repository.
enum BankFixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static func path(_ name: String) -> String { packageRoot + "/Fixtures/bank/" + name }

    /// `<package root>/../shared/schemas`, nil (with a printed notice) when absent.
    static let schemas: String? = {
        let folder = URL(fileURLWithPath: packageRoot + "/../shared/schemas").standardized.path
        guard FileManager.default.fileExists(atPath: folder + "/camt.054.001.08.xsd") else {
            print("notice: \(folder) is absent; bank file schema checks are skipped")
            return nil
        }
        return folder
    }()

    /// Writes `text` to a fresh temporary file named `name`.
    static func temporary(_ name: String, _ text: String) throws -> String {
        try temporary(name, bytes: Array(text.utf8))
    }

    /// Writes `bytes` to a fresh temporary file named `name`.
    static func temporary(_ name: String, bytes: [UInt8]) throws -> String {
        let path = try temporaryFolder() + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// A fresh empty folder, removed with the others when the tests end.
    static func temporaryFolder() throws -> String {
        try TemporaryFolders.make("robinson-bank")
    }
}
