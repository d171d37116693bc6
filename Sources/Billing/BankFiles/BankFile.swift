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
        let (head, digest) = try scan(path: path)
        let start = head.starts(with: [0xEF, 0xBB, 0xBF]) ? head.dropFirst(3) : head[...]
        let first = start.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        let utf16XML = head.starts(with: [0xFF, 0xFE, 0x3C, 0x00]) || head.starts(with: [0xFE, 0xFF, 0x00, 0x3C])
        if first == UInt8(ascii: "<") || utf16XML {
            return try readXML(path: path, digest: digest, schemas: schemas)
        }
        let firstLine = String(decoding: start.prefix { $0 != 0x0A && $0 != 0x0D }, as: UTF8.self).lowercased()
        guard firstLine.contains(ReturnsCSVReader.columns[0]) else {
            throw .unknownFormat(path: path, detail: "neither XML nor a CSV with the header \(ReturnsCSVReader.columns.joined(separator: ";"))")
        }
        return try ReturnsCSVReader(path: path, digest: digest).read()
    }

    /// The file's first 64 KiB and the digest of all of it, read in blocks.
    private static func scan(path: String) throws(BankFileError) -> ([UInt8], ContentDigest) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(path: path, reason: FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file")
        }
        defer { try? handle.close() }
        var digest = ContentDigest.Builder()
        var head: [UInt8] = []
        do {
            while let block = try handle.read(upToCount: 1 << 20), !block.isEmpty {
                if head.count < 1 << 16 { head.append(contentsOf: block.prefix((1 << 16) - head.count)) }
                digest.add(block)
            }
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        return (head, digest.finish())
    }

    private static func readXML(path: String, digest: ContentDigest, schemas: String?) throws(BankFileError) -> BankFileReport {
        let format = try detect(path: path)
        var schema: XMLSchema?
        if let schemas, let name = format.schemaFileName {
            let schemaPath = (schemas as NSString).appendingPathComponent(name)
            do { schema = try XMLSchema(path: schemaPath) } catch { throw .schemaUnavailable(path: path, detail: error.description) }
        }
        let xml = try open(path: path, schema: schema)
        let namespace = format.namespace!
        do {
            let report = format.isCamt
                ? try CamtReader(path: path, namespace: namespace, digest: digest).read(xml, format: format)
                : try PaymentStatusReader(path: path, namespace: namespace, digest: digest).read(xml, format: format)
            try refuseViolations(xml, path: path, schema: schema)
            return report
        } catch {
            // A file that breaks its schema is reported as such, even when a bad value came first.
            if schema != nil {
                while (try? next(xml, path: path)).flatMap({ $0 }) != nil { xml.skipContent() }
                try refuseViolations(xml, path: path, schema: schema)
            }
            throw error
        }
    }

    private static func refuseViolations(_ xml: XMLStreamReader, path: String, schema: XMLSchema?) throws(BankFileError) {
        guard let schema, !xml.violations.isEmpty else { return }
        throw .schemaViolation(path: path, schema: (schema.path as NSString).lastPathComponent, violations: xml.violations)
    }

    /// The format whose namespace the root `Document` element has.
    private static func detect(path: String) throws(BankFileError) -> BankFileFormat {
        let probe = try open(path: path, schema: nil)
        guard let root = try next(probe, path: path) else { throw .malformedXML(path: path) }
        if root.localName == "Document", let format = BankFileFormat.allCases.first(where: { $0.namespace != nil && $0.namespace == root.namespace }) {
            return format
        }
        // Broken XML is reported as such, whatever its root.
        probe.skipContent()
        while try next(probe, path: path) != nil { probe.skipContent() }
        throw .unknownFormat(path: path, detail: "XML but not a camt.053/054 (.001.02, .001.08) or pain.002 (.001.03, .001.10) Document")
    }

    private static func open(path: String, schema: XMLSchema?) throws(BankFileError) -> XMLStreamReader {
        do { return try XMLStreamReader(path: path, schema: schema) } catch { throw bankFileError(error) }
    }

    /// The next element, with the reader's errors as bank-file errors.
    static func next(_ xml: XMLStreamReader, path: String) throws(BankFileError) -> XMLStreamReader.Element? {
        do { return try xml.next() } catch { throw bankFileError(error) }
    }

    static func expand(_ xml: XMLStreamReader, path: String) throws(BankFileError) -> XMLSubtree {
        do { return try xml.expand() } catch { throw bankFileError(error) }
    }

    private static func bankFileError(_ error: XMLInputError) -> BankFileError {
        switch error {
        case .unreadable(let path, let detail): .unreadable(path: path, reason: detail)
        case .malformed(let path, _): .malformedXML(path: path)
        case .doctype(let path): .doctypeRefused(path: path)
        }
    }
}
