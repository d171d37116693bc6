/// Turns an issued document into its files: the PDF letter and the
/// XRechnung XML. Implementations must be safe to call from several threads.
public protocol InvoiceRendering: Sendable {
    func pdf(_ document: InvoiceDocument) throws -> [UInt8]
    func xml(_ document: InvoiceDocument) throws -> [UInt8]
}
