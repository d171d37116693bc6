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

/// An `.xlsx` instead of a CSV: its sheet with data is checked, and the
/// customer gets a CSV back (UTF-8 with BOM, `;`), told so in the summary and e-mail.
@Suite("Real-world inputs: Excel workbooks")
struct WorkbookInputTests {
    @Test("the sheet with addresses is read as Excel shows it (postcode 04109 stored as a number) and comes back as a CSV")
    func workbook() throws {
        let f = try PipelineFixture()
        try f.drop(PipelineFixture.fixture("workbooks/adressen.xlsx"), customer: "K1001", as: "Adressen März.xlsx")
        let report = try f.run()
        #expect(!report.hasFailures, "\(report.problemLines)")
        let job = try #require(try f.jobs().first)
        let output = try #require(job.outputPath)
        #expect(output.hasSuffix("/Adressen März_robinson.csv"))
        #expect(try f.read(output) == [0xEF, 0xBB, 0xBF] + Array([
            "Vorname;Nachname;Straße;Hausnummer;PLZ;Ort;Telefon;Kunde seit;robinson;robinson_listen;robinson_grund",
            #"Hans;Müller;Hauptstraße;5a;10115;Berlin;030 23125 001;01.03.2019;ja;"post;telefon";person,telefon"#,
            "Monika;Hoffmann;Goethestraße;8;04109;Leipzig;;15.11.2021;ja;post;person",
            #"Zoë;Łukasiewicz;"Am Weg; Hinterhaus";2;01067;Dresden;0351 4711;;nein;;"#, "",
        ].joined(separator: "\r\n").utf8))
        let summary = String(decoding: try f.read((output as NSString).deletingLastPathComponent + "/zusammenfassung.txt"), as: UTF8.self)
        #expect(summary.contains("Hinweis:          Ihre Excel-Datei wurde gelesen (Blatt „Adressen“); die Ergebnisdatei\n"
            + "                  ist eine CSV-Datei (UTF-8 mit BOM, Trennzeichen Semikolon)"))
        let mail = Self.quotedPrintableDecoded(try f.read(f.root.outgoingMail + "/\(job.id).eml"))
        #expect(mail.contains("Ihre Excel-Datei wurde gelesen (Blatt „Adressen“); die Ergebnisdatei\nist eine CSV-Datei"), "\(mail)")
        // The work folder keeps the converted CSV for the stages, never the unpacked parts.
        #expect(f.files(under: "work").filter { $0.contains("/workbook") }.isEmpty)
    }

    /// The message as text: soft line breaks joined, `=XX` decoded.
    static func quotedPrintableDecoded(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "="), index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                index += 2
            } else if bytes[index] == UInt8(ascii: "="), index + 2 < bytes.count,
                      let value = UInt8(String(decoding: bytes[(index + 1)...(index + 2)], as: UTF8.self), radix: 16) {
                out.append(value)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
