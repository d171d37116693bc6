import Foundation
import Matching
import Synthetic
import Testing

/// The byte-level normalizers against the `String` reference: every row must
/// give the same probe (keys, channel states, reasons) both ways. The
/// benchmark runs the same comparison on its full 10-million-row input.
@Suite struct KeyingDifferentialTests {
    static func folder() throws -> String {
        let folder = try MatchHarness.temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func hardBenchmarkRowsKeyTheSameBothWays() throws {
        try expectHardRowsKeyTheSameBothWays(rows: 200_000, seed: 21, function: .sipHash24)
    }

    /// With HMAC-SHA256, which needs each key string built, the byte-level keyer
    /// takes its other path for every key (the postal keys one by one, a phone
    /// or e-mail key copied): the keys are still the reference's.
    @Test func hardBenchmarkRowsKeyTheSameBothWaysWithHMAC() throws {
        try expectHardRowsKeyTheSameBothWays(rows: 20_000, seed: 22, function: .hmacSHA256)
    }

    /// `rows` of the hard benchmark data keyed both ways (the lists a quarter, a fifth,
    /// 3/40 and 9/40 of `rows`: 50,000 post entries for 200,000 rows, and so on).
    private func expectHardRowsKeyTheSameBothWays(rows: Int, seed: UInt64, function: Fingerprinter.Function) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/input.csv"
        try HardBenchmarkData.writeInput(
            rows: rows, seed: seed, lists: .init(post: rows / 4, telefon: rows / 5, mobil: rows * 3 / 40, email: rows * 9 / 40), to: path,
            soundsAlike: MatchHarness.soundsAlike)
        let report = try KeyingDifferential.run(path: path, workers: 2, function: function)
        #expect(report.rows == rows)
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
    /// and raw random bytes (malformed UTF-8), in UTF-8 and Windows-1252 files, and
    /// in a file whose house numbers stand in the street cell.
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
            if row % 7 == 0, row > 2_000 {
                // Raw bytes in one field: malformed UTF-8, undefined Windows-1252 bytes
                // (past the sample the dialect is detected from, which would refuse the file).
                utf8.append(Data(";".utf8))
                utf8.append(contentsOf: (0..<random.within(1...8)).map { _ in UInt8(random.within(0x21...0xFF)) }.filter { $0 != 0x3B && $0 != 0x22 })
            }
            utf8.append(0x0A)
            let encoded = CSVLine.join(fields).unicodeScalars.compactMap { scalar -> UInt8? in
                scalar.value < 0x80 || (0xA0...0xFF).contains(scalar.value) ? UInt8(scalar.value) : nil
            }
            latin.append(contentsOf: encoded + [0xE4, 0x0D, 0x0A])
        }
        // Without a whole-name column the byte-level fast paths take the postal fields;
        // half the rows leave the house number column empty, so it is looked for in the street.
        var plainFile = Data("vorname;nachname;strasse;hausnummer;plz;ort;telefon;email\n".utf8)
        for row in 0..<20_000 {
            var fields = (0..<8).map { _ in junkField() }
            if row % 2 == 0 {
                fields[3] = ""
                fields[2] += random.pick([" ", "", ",", " Nr. "]) + random.pick(["5", "12a", "7 - 9", "3/1", "½", "", "14 b"])
            }
            plainFile.append(Data((CSVLine.join(fields) + "\n").utf8))
        }
        try utf8.write(to: URL(fileURLWithPath: folder + "/junk-utf8.csv"))
        try latin.write(to: URL(fileURLWithPath: folder + "/junk-latin.csv"))
        try plainFile.write(to: URL(fileURLWithPath: folder + "/junk-plain.csv"))
        for name in ["junk-utf8.csv", "junk-latin.csv", "junk-plain.csv"] {
            let report = try KeyingDifferential.run(path: folder + "/" + name, workers: 2)
            #expect(report.rows == 20_000)
            #expect(report.differenceCount == 0, "\(name): \(report)")
        }
    }
}

/// The index build keys deliveries with the byte-level keyer: its entries must be
/// those the reference normalizers give for every row.
@Suite struct DeliveryDifferentialTests {
    @Test func deliveryEntriesAreTheReferenceKeys() throws {
        let folder = try KeyingDifferentialTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/delivery.csv"
        try HardBenchmarkData.writeDelivery(.init(post: 12_000, telefon: 6_000, mobil: 3_000, email: 6_000), seed: 8, to: path)
        // Rows the reference skips or keys in its own way: blanks, umlauts, junk.
        let extra = [
            "post;Hans-Peter;von der Müller-Lüdenscheidt;Karl-Marx-Str. 5a;;01067;Dresden;;",
            "post;Dr. Maria;Meyer;Hauptstraße 12 // Whg. 3;;10115;Berlin;;", "post;;Schmidt;Am Anger;3;1067;;;",
            "post;Jürgen;Weiß;Straße des 17. Juni;114;10623;;;", "telefon;;;;;;;030/123 45 67;", "mobil;;;;;;;0151 2345678x;",
            "fax;;;;;;;+43 1 2345678;", "email;;;;;;;; Hans.Mueller@Web.DE ", "email;;;;;;;;mailto:x@y.de",
            "email;;;;;;;;ungültig", "post;Σωκράτης;Παπαδόπουλος;Odos 1;2;12345;;;", "post;A;B;C;D;E;F;G;H;extra",
        ]
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        handle.seekToEndOfFile()
        handle.write(Data((extra.joined(separator: "\n") + "\n").utf8))
        try handle.close()

        let fingerprinter = Fingerprinter(key: HashingKey(bytes: Array(repeating: 3, count: 32)))
        let read = try DeliveryReader(fingerprinter: fingerprinter, workers: 2).read(paths: [path])
        var expected: [String: Int] = [:]
        var skipped = 0
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst() {
            let f = CSVLine.split(line)
            func field(_ i: Int) -> String { i < f.count ? f[i] : "" }
            let list = field(0)
            var keys: [ProbeKey] = []
            switch list {
            case "post":
                if case .success(let identity) = PostalIdentity.normalize(
                    first: field(1), last: field(2), fullName: nil, street: field(3), houseNumber: field(4), postcode: field(5))
                {
                    identity.keys(fingerprinter, into: &keys)
                }
            case "email":
                if case .success(let address) = EmailNormalizer.normalize(field(8)) {
                    keys.append(ProbeKey(kind: .email, fingerprint: fingerprinter.fingerprint(.email, address)))
                }
            default:
                if case .success(let number) = PhoneNormalizer.normalize(field(7)) {
                    keys.append(ProbeKey(kind: .phone, fingerprint: fingerprinter.fingerprint(.phone, number)))
                }
            }
            if keys.isEmpty { skipped += 1 }
            for key in keys { expected["\(key.fingerprint)/\(list)", default: 0] += 1 }
        }
        var actual: [String: Int] = [:]
        for entry in read.entries { actual["\(entry.fingerprint)/\(entry.lists.joined())", default: 0] += 1 }
        #expect(actual == expected)
        #expect(read.skippedCount == skipped)
        #expect(read.rowsPerList.reduce(0, +) == 27_000 + UInt64(extra.count))
    }
}
