import Foundation
import Matching
import Pipeline
import Store
import Testing

/// Files as customers really save them, beyond CSV in UTF-8 or Windows-1252.
@Suite("Real-world inputs: UTF-16 text")
struct RealWorldInputTests {
    static func utf16(_ text: String, littleEndian: Bool) -> [UInt8] {
        text.utf16.flatMap { littleEndian ? [UInt8($0 & 0xFF), UInt8($0 >> 8)] : [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }

    @Test("Excel's \"Unicode text\" (UTF-16 LE with BOM, tabs) and UTF-16 BE are matched and come back byte for byte in UTF-16", arguments: [true, false])
    func unicodeText(littleEndian: Bool) throws {
        let f = try PipelineFixture()
        let text = "\u{FEFF}Vorname\tNachname\tStraße\tHausnummer\tPLZ\tOrt\r\n"
            + "Hans\tMüller\tHauptstraße\t5a\t10115\tBerlin\r\n"
            + "Zoë\tŁukasiewicz\tAm Weg\t2\t01067\tDresden\r\n"
        _ = try f.write(Self.utf16(text, littleEndian: littleEndian), customer: "K1001", name: "adressen.txt")
        let report = try f.run()
        #expect(!report.hasFailures, "\(report.problemLines)")
        let job = try #require(try f.jobs().first)
        #expect(job.rows == 2 && job.hits == 1)
        let expected = "\u{FEFF}Vorname\tNachname\tStraße\tHausnummer\tPLZ\tOrt\trobinson\trobinson_listen\trobinson_grund\r\n"
            + "Hans\tMüller\tHauptstraße\t5a\t10115\tBerlin\tja\tpost\tperson\r\n"
            + "Zoë\tŁukasiewicz\tAm Weg\t2\t01067\tDresden\tnein\t\t\r\n"
        #expect(try f.read(try #require(job.outputPath)) == Self.utf16(expected, littleEndian: littleEndian))
        #expect(job.outputPath?.hasSuffix("adressen_robinson.txt") == true)
    }

    @Test("a UTF-16 file with an unpaired surrogate is rejected, naming the line")
    func brokenUTF16() throws {
        let f = try PipelineFixture()
        let bytes = Self.utf16("\u{FEFF}Name\tPLZ\r\nA\t1\r\n", littleEndian: true) + [0x00, 0xD8, 0x41, 0x00]
        _ = try f.write(bytes, customer: "K1001", name: "kaputt.txt")
        let report = try f.run()
        #expect(report.problemLines.count == 1)
        #expect(report.problemLines.first?.contains("line 3") == true, "\(report.problemLines)")
    }
}
