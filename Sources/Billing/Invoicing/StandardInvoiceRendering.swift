/// The production rendering: the PDF letter (cairo) and the XRechnung XML,
/// which is checked by our EN 16931 rules and, where configured, the XSD
/// before it is handed out.
public struct StandardInvoiceRendering: InvoiceRendering {
    let xrechnung: XRechnung

    /// `schemaPath`: an XSD every XML is validated against (`billing.xrechnungSchema`); nil = rule checks only.
    public init(schemaPath: String?) throws {
        xrechnung = try XRechnung(schemaPath: schemaPath)
    }

    public func pdf(_ document: InvoiceDocument) throws -> [UInt8] {
        try InvoiceLetter.pdf(document)
    }

    public func xml(_ document: InvoiceDocument) throws -> [UInt8] {
        try xrechnung.xml(document)
    }
}
