import Foundation
import Synthetic
import Testing
@testable import Billing

/// Thousands of entries, read in one pass: the readers once looked every
/// entry up again from the top of the document, so this took minutes.
@Suite("bank files with thousands of entries")
struct BankFileScaleTests {
    @Test("every reader finds every entry of a large generated file, in order", arguments: SyntheticBankFile.Kind.allCases)
    func largeFile(kind: SyntheticBankFile.Kind) throws {
        let folder = try BankFixtures.temporaryFolder()
        let path = folder + "/bank-\(kind.rawValue)" + (kind == .returnsCSV ? ".csv" : ".xml")
        let expected = try SyntheticBankFile.write(kind, entries: 3_000, seed: 11, to: path)
        // The camt files are validated against the ISO schemas while they are read.
        let report = try BankFile.read(path: path, schemas: kind.rawValue.hasPrefix("camt") ? BankFixtures.schemas : nil)
        #expect(report.format.rawValue == kind.rawValue)
        #expect(report.returnedDebits.map(\.endToEndId) == expected.returnedEndToEndIds)
        #expect(report.credits.map(\.amount.cents) == expected.creditCents.map(Int64.init))
        #expect(report.skipped.count == expected.skipped)
        #expect(expected.returnedEndToEndIds.count > 500)
        // References stay unique, so re-importing the file books nothing twice.
        #expect(Set(report.entries.map(\.entryReference)).count == report.entries.count)
    }
}
