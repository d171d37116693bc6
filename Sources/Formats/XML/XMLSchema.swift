import CLibXML2
import Foundation

/// An XSD compiled once and used to validate documents in-process with
/// libxml2 (the schema stays where it is; includes and imports resolve
/// relative to its file). Validation is thread-safe: the compiled schema is
/// only read, and each call has its own validation context.
public final class XMLSchema: @unchecked Sendable {
    public let path: String
    /// Read by ``XMLStreamReader`` to validate while reading.
    let schema: xmlSchemaPtr

    /// Parses the XSD at `path`.
    public init(path: String) throws(XMLSchemaError) {
        XMLLibrary.initialize()
        guard FileManager.default.fileExists(atPath: path) else { throw .schemaMissing(path) }
        let collector = XMLErrorCollector()
        guard let context = xmlSchemaNewParserCtxt(path) else { throw .schemaUnreadable(path, []) }
        defer { xmlSchemaFreeParserCtxt(context) }
        xmlSchemaSetParserStructuredErrors(context, XMLErrorCollector.handler, Unmanaged.passUnretained(collector).toOpaque())
        guard let schema = xmlSchemaParse(context) else { throw .schemaUnreadable(path, collector.messages) }
        self.path = path
        self.schema = schema
    }

    deinit { xmlSchemaFree(schema) }

    /// Every schema error of `document`, each with its line; empty when valid.
    public func violations(of document: [UInt8]) -> [String] {
        let collector = XMLErrorCollector()
        let parsed = document.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                xmlReadMemory(pointer, Int32(buffer.count), "document.xml", "UTF-8", Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))
            }
        }
        guard let parsed else { return ["the document is not well-formed XML"] }
        defer { xmlFreeDoc(parsed) }
        guard let context = xmlSchemaNewValidCtxt(schema) else { return ["libxml2 could not create a validation context"] }
        defer { xmlSchemaFreeValidCtxt(context) }
        xmlSchemaSetValidStructuredErrors(context, XMLErrorCollector.handler, Unmanaged.passUnretained(collector).toOpaque())
        let result = xmlSchemaValidateDoc(context, parsed)
        if result != 0 && collector.messages.isEmpty { return ["validation failed (libxml2 code \(result))"] }
        return collector.messages
    }

    /// Throws ``XMLSchemaError/invalid(_:_:)`` listing every violation.
    public func validate(_ document: [UInt8]) throws(XMLSchemaError) {
        let problems = violations(of: document)
        guard problems.isEmpty else { throw .invalid((path as NSString).lastPathComponent, problems) }
    }
}

public enum XMLSchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    case schemaMissing(String)
    case schemaUnreadable(String, [String])
    /// Schema file name and the violations, each "line N: message".
    case invalid(String, [String])

    public var description: String {
        switch self {
        case .schemaMissing(let path):
            "the schema \(path) does not exist; check the configured path"
        case .schemaUnreadable(let path, let messages):
            "the schema \(path) cannot be read: \(messages.prefix(3).joined(separator: "; "))"
        case .invalid(let schema, let messages):
            "the document does not validate against \(schema): \(messages.prefix(5).joined(separator: "; "))"
                + (messages.count > 5 ? " (and \(messages.count - 5) more)" : "")
        }
    }
}

/// libxml2 setup that must happen once per process, before any thread uses it.
enum XMLLibrary {
    private static let once: Void = { xmlInitParser() }()
    static func initialize() { _ = once }
}

/// Collects libxml2's structured errors instead of letting them go to stderr.
final class XMLErrorCollector {
    /// Every message, "line N: message".
    var messages: [String] = []
    /// Schema violations only.
    var validity: [String] = []
    /// Well-formedness and other parser errors only (warnings left out).
    var parse: [String] = []
    /// Enough to name what is wrong; a hostile file can produce millions.
    static let limit = 1_000

    static let handler: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let collector = Unmanaged<XMLErrorCollector>.fromOpaque(context).takeUnretainedValue()
        guard collector.messages.count < limit else { return }
        let message = error.pointee.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "unknown error"
        let text = "line \(error.pointee.line): \(message)"
        collector.messages.append(text)
        if error.pointee.domain == Int32(XML_FROM_SCHEMASV.rawValue) {
            collector.validity.append(text)
        } else if error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue {
            collector.parse.append(text)
        }
    }
}
