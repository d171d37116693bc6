import Foundation
import Store

/// What every command that changes money does last: writes the registers of
/// the months it changed (and any a crash left marked) and today's open-items
/// list, from the database, each file atomically.
public struct ReceivablesFiles: Sendable {
    public let context: BillingContext

    public init(context: BillingContext) {
        self.context = context
    }

    public struct Written: Sendable, Equatable {
        public var registers: [String]
        public var openItems: OpenItems.Report
    }

    @discardableResult
    public func rewrite() throws -> Written {
        // The open items first: computing them moves on states that changed with time, which marks registers.
        let openItems = try OpenItems(context: context).write()
        let registers = try InvoiceRegister(context: context).writePending()
        return Written(registers: registers, openItems: openItems)
    }
}
