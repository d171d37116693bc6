@testable import Billing
import Foundation

// TEMPORARY until the PDF and XRechnung renderers land: JSON stands in for both.
struct StandardInvoiceRendering: InvoiceRendering {
    static let forTests = StandardInvoiceRendering()
    func pdf(_ document: InvoiceDocument) throws -> [UInt8] { Array(try InvoiceStorage.encode(document)) }
    func xml(_ document: InvoiceDocument) throws -> [UInt8] { Array(try InvoiceStorage.encode(document)) }
}
