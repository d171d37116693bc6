import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads an XML file from outside element by element (libxml2's
/// `xmlTextReader`), so time is linear and memory is bounded by the largest
/// element the caller expands, not by the file.
///
/// Hostile input: a DTD is refused before libxml2 parses it (``XMLProlog``),
/// and again should one slip past; no entity is ever substituted and nothing is
/// loaded from the network. With a schema, the document is validated while it
/// is read; ``violations`` holds what broke it.
public final class XMLStreamReader {
    /// An element start the reader stands on.
    public struct Element {
        public let localName: String
        public let namespace: String?
        /// 0 for the root element.
        public let depth: Int
    }

    private let reader: xmlTextReaderPtr
    private let descriptor: Int32
    private let path: String
    private let errors = XMLErrorCollector()
    /// Kept alive while the reader validates with it.
    private let schema: XMLSchema?
    /// Skip the current element's content on the next move (after ``expand()`` or ``skipContent()``).
    private var skipCurrent = false
    private var started = false
    /// Asking the reader for its document makes the document ours to free.
    private var document: xmlDocPtr?

    /// Opens the file at `path`; with `schema`, validates it while reading.
    public init(path: String, schema: XMLSchema? = nil) throws(XMLInputError) {
        XMLLibrary.initialize()
        self.path = path
        self.schema = schema
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(path: path, detail: String(cString: strerror(errno))) }
        let sample = Self.readSample(descriptor, count: XMLProlog.sampleSize)
        let complete = sample.count < XMLProlog.sampleSize
        switch XMLProlog.inspect(sample, complete: complete) {
        case .root: break
        case .doctype: close(descriptor); throw .doctype(path: path)
        case .tooLong: close(descriptor); throw .malformed(path: path, detail: "no root element in the first \(XMLProlog.sampleSize / 1024) KiB")
        case .unsupportedEncoding: close(descriptor); throw .malformed(path: path, detail: "the encoding is neither UTF-8 nor UTF-16")
        }
        lseek(descriptor, 0, SEEK_SET)
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)
        guard let reader = xmlReaderForFd(descriptor, "document.xml", nil, options) else {
            close(descriptor)
            throw .unreadable(path: path, detail: "libxml2 could not create a reader")
        }
        self.reader = reader
        if let schema, xmlTextReaderSetSchema(reader, schema.schema) != 0 {
            xmlFreeTextReader(reader)
            close(descriptor)
            throw .unreadable(path: path, detail: "libxml2 could not validate with \(schema.path)")
        }
        xmlTextReaderSetStructuredErrorHandler(reader, XMLErrorCollector.handler, Unmanaged.passUnretained(errors).toOpaque())
    }

    deinit {
        xmlFreeTextReader(reader)
        if let document { xmlFreeDoc(document) }
        close(descriptor)
    }

    /// Schema violations seen so far, each "line N: message" (complete once ``next()`` returned nil).
    public var violations: [String] { errors.validity }

    /// Moves to the next element start in document order, into the current
    /// element's content unless it was expanded or skipped; nil at the end.
    public func next() throws(XMLInputError) -> Element? {
        var result = skipCurrent ? xmlTextReaderNext(reader) : xmlTextReaderRead(reader)
        skipCurrent = false
        while result == 1 {
            switch xmlTextReaderNodeType(reader) {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                if !started {
                    started = true
                    // A DTD the prolog check missed (an encoding it does not know) is refused here.
                    document = xmlTextReaderCurrentDoc(reader)
                    if let document, document.pointee.intSubset != nil || document.pointee.extSubset != nil {
                        throw .doctype(path: path)
                    }
                }
                let namespace = xmlTextReaderConstNamespaceUri(reader).map { String(cString: $0) }
                let name = xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
                return Element(localName: name, namespace: namespace, depth: Int(xmlTextReaderDepth(reader)))
            case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue), Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
                throw .doctype(path: path)
            default:
                result = xmlTextReaderRead(reader)
            }
        }
        if result < 0 || !errors.parse.isEmpty {
            throw .malformed(path: path, detail: errors.parse.first ?? "libxml2 stopped reading")
        }
        return nil
    }

    /// The current element with its whole content, parsed; valid until the
    /// next move. The next ``next()`` continues after it, or with its first
    /// child when `thenDescend` is set.
    public func expand(thenDescend: Bool = false) throws(XMLInputError) -> XMLSubtree {
        guard let node = xmlTextReaderExpand(reader) else {
            throw .malformed(path: path, detail: errors.parse.first ?? "an element is not well-formed")
        }
        skipCurrent = !thenDescend
        return XMLSubtree(node: node)
    }

    /// Makes the next ``next()`` continue after the current element's content.
    public func skipContent() { skipCurrent = true }

    private static func readSample(_ descriptor: Int32, count: Int) -> [UInt8] {
        var sample = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = sample.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, count - filled) }
            if got < 0 && errno == EINTR { continue }
            if got <= 0 { break }
            filled += got
        }
        return Array(sample.prefix(filled))
    }
}

/// Why an XML file from outside could not be read.
public enum XMLInputError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String, detail: String)
    /// Not well-formed XML; `detail` is libxml2's first message with its line.
    case malformed(path: String, detail: String)
    /// The document declares a DTD (`<!DOCTYPE …>`).
    case doctype(path: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let detail): "\(path): cannot be read: \(detail)"
        case .malformed(let path, let detail): "\(path): the XML is not well-formed: \(detail)"
        case .doctype(let path): "\(path): the XML declares a DTD (<!DOCTYPE …>), which such files never have; its entities could expand without bound, so the file is refused"
        }
    }
}
