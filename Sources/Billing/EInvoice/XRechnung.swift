import Formats

/// The XRechnung file of an invoice: written, checked by ``EInvoiceRules``
/// and, where a schema is configured, validated against it. A document that
/// fails is never returned, so it is never written.
public struct XRechnung: Sendable {
    let schema: XMLSchema?

    /// `schemaPath`: an XSD of CII D16B / EN 16931 (the Factur-X EN 16931 one); nil = rule checks only.
    public init(schemaPath: String?) throws {
        schema = try schemaPath.map { path throws(XMLSchemaError) in try XMLSchema(path: path) }
    }

    public func xml(_ document: InvoiceDocument) throws -> [UInt8] {
        let bytes = CrossIndustryInvoice.xml(document)
        let violations = EInvoiceRules.check(bytes)
        guard violations.isEmpty else { throw XRechnungError(number: document.number, problems: violations.map(\.description)) }
        if let schema {
            let problems = schema.violations(of: bytes)
            guard problems.isEmpty else { throw XRechnungError(number: document.number, problems: problems) }
        }
        return bytes
    }
}

/// The XRechnung of an invoice broke a rule or the schema; nothing was written.
public struct XRechnungError: Error, Sendable, CustomStringConvertible {
    public let number: String
    public let problems: [String]

    public var description: String {
        "the XRechnung of \(number) is invalid and was not written: \(problems.prefix(5).joined(separator: "; "))"
    }
}
