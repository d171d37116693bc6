import Formats
import Foundation

/// The entry point for the bank's files: camt.053, camt.054, pain.002 and
/// the returns CSV, recognised by content rather than by file name.
public enum BankFile {
    /// Reads the file at `path` into returned debits and credits.
    ///
    /// - Parameter schemas: a folder holding the ISO camt XSDs
    ///   (`camt.054.001.08.xsd`, …); when given, camt files are validated
    ///   against the schema of their version first. pain.002 is never validated
    ///   (no schema is configured for it).
    /// - Throws: ``BankFileError``, always naming the file.
    public static func read(path: String, schemas: String? = nil) throws(BankFileError) -> BankFileReport {
        let bytes: [UInt8]
        do { bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path))) } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        let digest = ContentDigest(bytes)
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        let first = start.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        if first == UInt8(ascii: "<") {
            return try readXML(path: path, bytes: bytes, digest: digest, schemas: schemas)
        }
        let firstLine = String(decoding: start.prefix { $0 != 0x0A && $0 != 0x0D }, as: UTF8.self).lowercased()
        guard firstLine.contains(ReturnsCSVReader.columns[0]) else {
            throw .unknownFormat(path: path, detail: "neither XML nor a CSV with the header \(ReturnsCSVReader.columns.joined(separator: ";"))")
        }
        return try ReturnsCSVReader(path: path, digest: digest).read()
    }

    private static func readXML(path: String, bytes: [UInt8], digest: ContentDigest, schemas: String?) throws(BankFileError) -> BankFileReport {
        let format = try detect(path: path, bytes: bytes)
        if let schemas, let name = format.schemaFileName {
            try validate(path: path, bytes: bytes, schema: (schemas as NSString).appendingPathComponent(name))
        }
        let prefix = format.isCamt ? "c" : "p"
        let query: XMLQuery
        do { query = try XMLQuery(bytes, namespaces: [prefix: format.namespace!]) } catch { throw .malformedXML(path: path) }
        return format.isCamt
            ? try CamtReader(path: path, query: query, digest: digest).read(format: format)
            : try PaymentStatusReader(path: path, query: query, digest: digest).read(format: format)
    }

    /// The format whose namespace the root `Document` element has.
    private static func detect(path: String, bytes: [UInt8]) throws(BankFileError) -> BankFileFormat {
        let xmlFormats = BankFileFormat.allCases.filter { $0.namespace != nil }
        let namespaces = Dictionary(uniqueKeysWithValues: xmlFormats.enumerated().map { ("f\($0.offset)", $0.element.namespace!) })
        let probe: XMLQuery
        do { probe = try XMLQuery(bytes, namespaces: namespaces) } catch { throw .malformedXML(path: path) }
        for (offset, format) in xmlFormats.enumerated() where probe.count("/f\(offset):Document") > 0 {
            return format
        }
        throw .unknownFormat(path: path, detail: "XML but not a camt.053/054 (.001.02, .001.08) or pain.002 (.001.03, .001.10) Document")
    }

    private static func validate(path: String, bytes: [UInt8], schema schemaPath: String) throws(BankFileError) {
        let schema: XMLSchema
        do { schema = try XMLSchema(path: schemaPath) } catch { throw .schemaUnavailable(path: path, detail: error.description) }
        let violations = schema.violations(of: bytes)
        guard violations.isEmpty else {
            throw .schemaViolation(path: path, schema: (schemaPath as NSString).lastPathComponent, violations: violations)
        }
    }
}
