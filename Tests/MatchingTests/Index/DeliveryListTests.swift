import Foundation
import Matching
import Testing

@Suite("Delivery lists")
struct DeliveryListTests {
    @Test func everyListHasItsBitInAllCasesOrder() {
        for (i, list) in RobinsonList.allCases.enumerated() { #expect(list.bit == 1 << UInt8(i)) }
    }

    /// The list column as deliveries write it: any case, quoted, blanks around the name.
    @Test func listNamesAreReadInAnyCaseQuotedOrWithBlanks() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/delivery.csv"
        let rows = [
            "liste;vorname;nachname;strasse;hausnummer;plz;ort;telefon;email",
            "post;Hans;Meier;Hauptstr.;5;01067;Dresden;;", "Post;Hans;Meier;Hauptstr.;6;01067;Dresden;;",
            "TELEFON;;;;;;;030 1234567;", " mobil ;;;;;;;0151 2345678;", "\"email\";;;;;;;;a@b.de", "Fax;;;;;;;+43 1 2345678;",
            "\tEMAIL;;;;;;;;c@d.de",
        ]
        try (rows.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let read = try DeliveryReader(fingerprinter: Fingerprinter(key: HashingKey(bytes: Array(0..<32))), workers: 2).read(paths: [path])
        #expect(read.rowsPerList == [2, 1, 1, 1, 2])
        #expect(read.skippedCount == 0)
    }

    @Test func unknownListIsNamedWithItsLine() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/delivery.csv"
        let rows = ["liste;vorname;nachname;strasse;hausnummer;plz;ort;telefon;email", "post;Hans;Meier;Hauptstr.;5;01067;Dresden;;", "Brief;;;;;;;;"]
        try (rows.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: DeliveryError.unknownList(path: path, line: 3, value: "brief")) {
            try DeliveryReader(fingerprinter: Fingerprinter(key: HashingKey(bytes: Array(0..<32))), workers: 1).read(paths: [path])
        }
    }
}
