import CLibXML2
import Foundation

/// A parsed document read with XPath, for checks on what was actually written
/// (business rules of EN 16931, sums of a pain.008). Not thread-safe; one per check.
public final class XMLQuery {
    private let document: xmlDocPtr
    private let context: xmlXPathContextPtr

    /// Parses `bytes` and registers `namespaces` (prefix → URI) for the queries.
    public init(_ bytes: [UInt8], namespaces: [String: String]) throws(XMLSchemaError) {
        XMLLibrary.initialize()
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                xmlReadMemory(pointer, Int32(buffer.count), "document.xml", "UTF-8", Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))
            }
        }
        guard let parsed, let context = xmlXPathNewContext(parsed) else {
            throw .invalid("(well-formedness)", ["the document is not well-formed XML"])
        }
        for (prefix, uri) in namespaces { xmlXPathRegisterNs(context, prefix, uri) }
        self.document = parsed
        self.context = context
    }

    deinit {
        xmlXPathFreeContext(context)
        xmlFreeDoc(document)
    }

    /// The text of every node `xpath` selects, in document order.
    public func strings(_ xpath: String) -> [String] {
        guard let result = xmlXPathEvalExpression(xpath, context) else { return [] }
        defer { xmlXPathFreeObject(result) }
        guard let nodes = result.pointee.nodesetval, nodes.pointee.nodeNr > 0 else { return [] }
        return (0..<Int(nodes.pointee.nodeNr)).map { index in
            guard let node = nodes.pointee.nodeTab[index], let content = xmlNodeGetContent(node) else { return "" }
            defer { robinson_xml_free(content) }
            return String(cString: content)
        }
    }

    /// The text of the first node `xpath` selects, nil when none.
    public func string(_ xpath: String) -> String? { strings(xpath).first }

    /// How many nodes `xpath` selects.
    public func count(_ xpath: String) -> Int { strings(xpath).count }
}
