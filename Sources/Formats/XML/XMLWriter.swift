/// Writes UTF-8 XML whose code has the shape of the message: nested calls
/// mirror nested elements, so the writer of a schema reads like the schema.
///
///     var xml = XMLWriter()
///     xml.element("rsm:CrossIndustryInvoice", attributes: namespaces) {
///         xml.element("ram:ID", "2026-000042")
///     }
///
/// Text and attribute values are escaped; characters XML 1.0 forbids
/// (control characters other than tab, line feed and carriage return) are dropped.
public struct XMLWriter {
    private var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var depth = 0
    private let indent: String

    /// `indent`: the string per nesting level ("" for none).
    public init(indent: String = "  ") {
        self.indent = indent
        text.reserveCapacity(16_384)
    }

    /// An element with children written by `body`.
    public mutating func element(_ name: String, attributes: KeyValuePairs<String, String> = [:], _ body: (inout XMLWriter) -> Void) {
        open(name, attributes)
        text += ">\n"
        depth += 1
        body(&self)
        depth -= 1
        pad()
        text += "</" + name + ">\n"
    }

    /// An element holding only `value` as text.
    public mutating func element(_ name: String, _ value: String, attributes: KeyValuePairs<String, String> = [:]) {
        open(name, attributes)
        text += ">"
        Self.escape(value, into: &text, quotes: false)
        text += "</" + name + ">\n"
    }

    /// The element when `value` is not nil (optional fields of a message).
    public mutating func element(_ name: String, ifPresent value: String?, attributes: KeyValuePairs<String, String> = [:]) {
        guard let value else { return }
        element(name, value, attributes: attributes)
    }

    /// The document as UTF-8 bytes.
    public var bytes: [UInt8] { Array(text.utf8) }
    public var string: String { text }

    private mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String>) {
        pad()
        text += "<" + name
        for (key, value) in attributes {
            text += " " + key + "=\""
            Self.escape(value, into: &text, quotes: true)
            text += "\""
        }
    }

    private mutating func pad() {
        for _ in 0..<depth { text += indent }
    }

    /// Appends `value` with `& < >` (and `"` in attributes) escaped.
    public static func escape(_ value: String, into out: inout String, quotes: Bool) {
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                // XML 1.0 allows no other C0 controls, nor U+FFFE/U+FFFF.
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
    }
}
