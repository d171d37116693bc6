/// Why a bank file could not be read at all; each case names the file.
public enum BankFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file cannot be opened or read.
    case unreadable(path: String, reason: String)
    /// Neither camt.053/054, pain.002 XML nor the returns CSV.
    case unknownFormat(path: String, detail: String)
    /// The XML is not well-formed.
    case malformedXML(path: String)
    /// The XML declares a DTD: banks never send one, and its entities could
    /// expand without bound (billion laughs) or read local files (XXE).
    case doctypeRefused(path: String)
    /// The XML breaks its ISO schema; each violation "line N: message".
    case schemaViolation(path: String, schema: String, violations: [String])
    /// The schema for the file's version is missing from the schema folder, or unreadable.
    case schemaUnavailable(path: String, detail: String)
    /// A bad value on a line of the CSV, or a bad element in the XML (line 0 when unknown).
    case badValue(path: String, line: Int, field: String, message: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            "\(path): cannot be read: \(reason)"
        case .unknownFormat(let path, let detail):
            "\(path): not a bank file Robinson reads (camt.053, camt.054, pain.002 or the returns CSV): \(detail)"
        case .malformedXML(let path):
            "\(path): the XML is not well-formed"
        case .doctypeRefused(let path):
            "\(path): the XML declares a DTD (<!DOCTYPE …>), which bank files never have; its entities could expand without bound, so the file is refused"
        case .schemaViolation(let path, let schema, let violations):
            "\(path) does not validate against \(schema): \(violations.prefix(5).joined(separator: "; "))"
                + (violations.count > 5 ? " (and \(violations.count - 5) more)" : "")
        case .schemaUnavailable(let path, let detail):
            "\(path): cannot validate: \(detail)"
        case .badValue(let path, let line, let field, let message):
            "\(path)\(line > 0 ? ", line \(line)" : ""), field \(field): \(message)"
        }
    }
}
