import Foundation
import Synthetic
import Testing

@Suite struct BenchmarkDataTests {
    static func lines(_ path: String) throws -> [Substring] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    }

    @Test func inputHasTheRequestedRowsAndHeader() throws {
        let folder = try MatchHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try BenchmarkData.writeInput(rows: 2_345, seed: 9, to: folder + "/input.csv")
        let lines = try Self.lines(folder + "/input.csv")
        #expect(lines.count == 2_346)
        #expect(lines[0] == "vorname;nachname;strasse;hausnummer;plz;ort;telefon;email")
        #expect(lines.dropFirst().allSatisfy { CSVLine.split($0).count == 8 })
    }

    @Test func deliveryHasTheRequestedRowsPerList() throws {
        let folder = try MatchHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try BenchmarkData.writeDelivery(post: 300, telefon: 200, mobil: 100, email: 50, seed: 9, to: folder + "/delivery.csv")
        let lines = try Self.lines(folder + "/delivery.csv")
        #expect(lines[0] == "liste;vorname;nachname;strasse;hausnummer;plz;ort;telefon;email")
        let lists = Dictionary(grouping: lines.dropFirst(), by: { CSVLine.split($0)[0] }).mapValues(\.count)
        #expect(lists == ["post": 300, "telefon": 200, "mobil": 100, "email": 50])
    }

    @Test func sameArgumentsSameBytes() throws {
        let folder = try MatchHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["a", "b"] {
            try BenchmarkData.writeInput(rows: 1_000, seed: 4, to: "\(folder)/\(name).csv", listedPercent: 20, deliveryPost: 500)
            try BenchmarkData.writeDelivery(post: 500, telefon: 10, mobil: 10, email: 10, seed: 4, to: "\(folder)/\(name)-delivery.csv")
        }
        try BenchmarkData.writeInput(rows: 1_000, seed: 5, to: "\(folder)/c.csv", listedPercent: 20, deliveryPost: 500)
        let read = { (name: String) in try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(name)")) }
        #expect(try read("a.csv") == read("b.csv"))
        #expect(try read("a-delivery.csv") == read("b-delivery.csv"))
        #expect(try read("a.csv") != read("c.csv"))
    }

    /// The listed share is what the matcher finds: listed rows hit (respelled or not), the others do not.
    @Test func listedShareIsFound() throws {
        let folder = try MatchHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try BenchmarkData.writeDelivery(post: 800, telefon: 100, mobil: 100, email: 100, seed: 3, to: folder + "/delivery.csv")
        try BenchmarkData.writeInput(rows: 4_000, seed: 3, to: folder + "/input.csv", listedPercent: 25, deliveryPost: 800)
        try MatchHarness.match(
            delivery: folder + "/delivery.csv", input: folder + "/input.csv", output: folder + "/output.csv", root: folder + "/root"
        )
        let markers = try Self.lines(folder + "/output.csv").dropFirst().map { CSVLine.split($0).suffix(3).first! }
        let hits = markers.filter { $0 == "ja" }.count
        // 25 % of 4,000 = 1,000 expected; the binomial spread is about ±30.
        #expect((850...1_150).contains(hits), "\(hits) hits")
        #expect(markers.count == 4_000)
    }
}
