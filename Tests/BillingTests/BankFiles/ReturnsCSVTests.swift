import Testing
@testable import Billing

@Suite("returns CSV")
struct ReturnsCSVTests {
    @Test("German and plain amounts, German and ISO dates")
    func fixture() throws {
        let report = try BankFile.read(path: BankFixtures.path("ruecklastschriften.csv"))
        #expect(report.format == .returnsCSV)
        let returns = report.returnedDebits
        #expect(returns.map(\.endToEndId) == ["2026-000008-1", "2026-000009-2"])
        #expect(returns.map(\.amount) == [eur(123_456), eur(1_999)])
        #expect(returns.map(\.reasonCode) == ["AM04", "MD06"])
        #expect(returns.map(\.bookingDate) == [day("2026-11-06"), day("2026-11-07")])
        #expect(returns.allSatisfy { $0.stage == .returned && $0.mandateReference == nil })
        #expect(returns.map { $0.entryReference.hasSuffix(":line 2") || $0.entryReference.hasSuffix(":line 3") } == [true, true])
    }

    @Test("the same lines in another file get other references")
    func referencesFollowTheContent() throws {
        let header = "end_to_end_id;amount;reason;date\n"
        let one = try BankFile.read(path: try BankFixtures.temporary("a.csv", header + "2026-000030;10,00;AM04;2026-11-01\n"))
        let two = try BankFile.read(path: try BankFixtures.temporary("b.csv", header + "2026-000030;10,00;AM04;2026-11-01\n2026-000031;5;AM04;2026-11-01\n"))
        #expect(one.entries[0].entryReference != two.entries[0].entryReference)
    }

    @Test("a bad amount names file, line and field")
    func badAmount() throws {
        let path = try BankFixtures.temporary("bad.csv", "end_to_end_id;amount;reason;date\n2026-000001;12,50;AM04;2026-11-01\n2026-000002;12,5x;AM04;2026-11-01\n")
        #expect {
            try BankFile.read(path: path)
        } throws: { error in
            guard case BankFileError.badValue(let file, let line, let field, _) = error else { return false }
            return file == path && line == 3 && field == "amount" && "\(error)".contains(path)
        }
    }

    @Test("a bad date and a bad reason are refused with their field")
    func badDateAndReason() throws {
        let header = "end_to_end_id;amount;reason;date\n"
        for (line, field) in [("2026-000001;12,50;AM04;31.11.2026", "date"), ("2026-000001;12,50;AM 4;2026-11-01", "reason")] {
            let path = try BankFixtures.temporary("bad.csv", header + line + "\n")
            #expect {
                try BankFile.read(path: path)
            } throws: { error in
                guard case BankFileError.badValue(path, 2, let named, _) = error else { return false }
                return named == field
            }
        }
    }
}
