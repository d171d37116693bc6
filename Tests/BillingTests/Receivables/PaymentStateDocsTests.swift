import Foundation
import Store
import Testing
@testable import Billing

@Suite("Payment states in the docs")
struct PaymentStateDocsTests {
    static let billingDocs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/billing.md").path

    @Test("docs/billing.md has a row for every state with the word the register prints")
    func everyStateDocumented() throws {
        let text = try String(contentsOfFile: Self.billingDocs, encoding: .utf8)
        for state in PaymentState.allCases {
            let row = text.components(separatedBy: "\n").first { $0.hasPrefix("| `\(state.rawValue)` |") }
            #expect(row != nil, "no row for \(state)")
            if state != .cancelled { #expect(row?.contains("| \(state.germanLabel) |") == true, "\(state): \(row ?? "")") }
        }
    }
}
