import Foundation
import Matching
import Synthetic
import Testing

/// The byte-level normalizers against the `String` reference: every row must
/// give the same probe (keys, channel states, reasons) both ways. The
/// benchmark runs the same comparison on its full 10-million-row input.
@Suite struct KeyingDifferentialTests {
    static func folder() throws -> String {
        let folder = MatchHarness.temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func hardBenchmarkRowsKeyTheSameBothWays() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/input.csv"
        try HardBenchmarkData.writeInput(
            rows: 200_000, seed: 21, lists: .init(post: 50_000, telefon: 40_000, mobil: 15_000, email: 45_000), to: path,
            soundsAlike: MatchHarness.soundsAlike)
        let report = try KeyingDifferential.run(path: path, workers: 2)
        #expect(report.rows == 200_000)
        #expect(report.differenceCount == 0, "\(report)")
    }

    @Test func evaluationRowsKeyTheSameBothWays() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let set = EvaluationSet.generate(rows: 20_000, seed: 5, soundsAlike: MatchHarness.soundsAlike)
        let lines = [InputRow.header] + set.rows.map { $0.input.line(id: $0.id) }
        try (lines.joined(separator: "\r\n") + "\r\n").write(toFile: folder + "/eval.csv", atomically: true, encoding: .utf8)
        let report = try KeyingDifferential.run(path: folder + "/eval.csv", workers: 2)
        #expect(report.rows == 20_000)
        #expect(report.differenceCount == 0, "\(report)")
    }

    /// Random fields from the characters that make normalizers branch (letters with and
    /// without accents, umlauts, blanks of all kinds, dots, hyphens, commas, digits,
    /// brackets, `@`, `+`, `½`, `/`, titles and particles, Greek and combining marks),
    /// and raw random bytes (malformed UTF-8), in UTF-8 and Windows-1252 files.
    @Test func randomJunkKeysTheSameBothWays() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var random = SplitMix64(seed: 99)
        let pieces = [
            "a", "B", "z", "Q", "ä", "Ö", "ü", "ß", "ẞ", "é", "ř", "ł", "Ø", "æ", "œ", "ı", "ǆ", "™", "ﬁ", " ", "  ", "\t",
            "\u{A0}", "\u{2009}", ".", "-", "‐", "–", "—", ",", ";", "'", "’", "(", ")", "/", "//", "0", "1", "5", "7",
            "00", "12", "½", "@", "+", "+49", "0049", "(0)", "Dr.", "Prof.", "Dipl.-Ing.", "med.", "(FH)", "von", "v.",
            "d.", "van der", "und", "u.", "geb.", "Herr", "Frau", "Str.", "straße", "Pl.", "Ch.", "St.", "Al.", "G.",
            "Nr.", "Whg.", "c/o", "bis", "a", "Tel.:", "Mobil", "mailto:", "<", ">", "x@y.de", ".de", "Σ", "ж", "e\u{301}",
            "a\u{308}", "\u{1F600}", "Meier", "Müller-Lüdenscheidt", "Hauptstr. 5a", "Q 7 12", "Straße des 17. Juni",
        ]
        func junkField() -> String {
            (0..<random.within(0...6)).map { _ in random.pick(pieces) }.joined()
        }
        var utf8 = Data("vorname;nachname;strasse;hausnummer;plz;ort;telefon;email;vollständiger name\n".utf8)
        var latin = Data("vorname;nachname;strasse;hausnummer;plz;ort;telefon;email;vollstaendiger name\r\n".utf8)
        for row in 0..<20_000 {
            let fields = (0..<9).map { _ in junkField() }
            utf8.append(Data(CSVLine.join(fields).utf8))
            if row % 7 == 0 {
                // Raw bytes in one field: malformed UTF-8, undefined Windows-1252 bytes.
                utf8.append(Data(";".utf8))
                utf8.append(contentsOf: (0..<random.within(1...8)).map { _ in UInt8(random.within(0x21...0xFF)) }.filter { $0 != 0x3B && $0 != 0x22 })
            }
            utf8.append(0x0A)
            let encoded = CSVLine.join(fields).unicodeScalars.compactMap { scalar -> UInt8? in
                scalar.value < 0x80 || (0xA0...0xFF).contains(scalar.value) ? UInt8(scalar.value) : nil
            }
            latin.append(contentsOf: encoded + [0xE4, 0x0D, 0x0A])
        }
        try utf8.write(to: URL(fileURLWithPath: folder + "/junk-utf8.csv"))
        try latin.write(to: URL(fileURLWithPath: folder + "/junk-latin.csv"))
        for name in ["junk-utf8.csv", "junk-latin.csv"] {
            let report = try KeyingDifferential.run(path: folder + "/" + name, workers: 2)
            #expect(report.rows == 20_000)
            #expect(report.differenceCount == 0, "\(name): \(report)")
        }
    }
}
