import Foundation
import Testing
@testable import Formats
import TestSupport

/// `.xlsx` uploads: the one sheet with data becomes a `;` CSV in UTF-8 with
/// BOM; everything a hostile or unlucky workbook can hold is refused with a note.
@Suite struct WorkbookTests {
    static let folder = try! TemporaryFolders.make("robinson-xlsx")

    /// Writes `builder` and converts it; the CSV as text.
    static func convert(_ builder: WorkbookBuilder, limits: WorkbookArchive.Limits = .init()) throws -> (String, Workbook.Conversion) {
        let id = UUID().uuidString
        let scratch = folder + "/scratch-" + id
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let path = folder + "/\(id).xlsx", output = folder + "/\(id).csv"
        try builder.write(to: path)
        let conversion = try Workbook.convert(path: path, to: output, scratch: scratch, limits: limits)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: output))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        return (String(decoding: bytes.dropFirst(3), as: UTF8.self), conversion)
    }

    static func error(_ builder: WorkbookBuilder, limits: WorkbookArchive.Limits = .init()) -> WorkbookError? {
        do {
            _ = try convert(builder, limits: limits)
            return nil
        } catch let error as WorkbookError {
            return error
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    static func cell(_ reference: String, _ body: String, type: String? = nil, style: Int? = nil) -> String {
        "<c r=\"\(reference)\"\(type.map { " t=\"\($0)\"" } ?? "")\(style.map { " s=\"\($0)\"" } ?? "")>\(body)</c>"
    }

    @Test("shared and inline strings, numbers as Excel shows them, gaps, quoting")
    func converts() throws {
        let rows = """
            <row r="3">\(Self.cell("A3", "<v>0</v>", type: "s"))\(Self.cell("B3", "<v>1</v>", type: "s"))\(Self.cell("C3", "<v>2</v>", type: "s"))\(Self.cell("D3", "<v>3</v>", type: "s"))\(Self.cell("E3", "<v>4</v>", type: "s"))</row>
            <row r="4">\(Self.cell("A4", "<is><t>Hans</t></is>", type: "inlineStr"))\(Self.cell("B4", "<v>5</v>", type: "s"))\(Self.cell("C4", "<v>1067</v>", style: 1))\(Self.cell("D4", "<v>45000</v>", style: 2))\(Self.cell("E4", "<v>1</v>", type: "b"))</row>
            <row r="5" spans="1:5"><c r="A5" s="1"/></row>
            <row r="6">\(Self.cell("A6", "<is><r><t>Anna </t></r><r><rPr/><t>Maria</t></r><rPh><t>x</t></rPh></is>", type: "inlineStr"))\(Self.cell("C6", "<v>10115</v>"))\(Self.cell("D6", "<v>3.5</v>"))</row>
            <row r="7">\(Self.cell("A7", "<v>6</v>", type: "s"))\(Self.cell("B7", "<f>A1</f><v>Zoë</v>", type: "str"))\(Self.cell("F7", "<v>x</v>", type: "str"))</row>
            <row r="9"><c r="B9" s="1"/></row>
            """
        let builder = WorkbookBuilder.workbook(
            sheets: [("Adressen", rows)],
            sharedStrings: ["Vorname", "Nachname", "PLZ", "Geburtstag", "Kunde", "Müller; \"Sohn\"", "Zeile_x000D__x000A_zwei"],
            numberFormats: [(164, "00000"), (165, "dd/mm/yyyy")], cellFormats: [0, 164, 165])
        let (csv, conversion) = try Self.convert(builder)
        #expect(csv == [
            "Vorname;Nachname;PLZ;Geburtstag;Kunde", #"Hans;"Müller; ""Sohn""";01067;15.03.2023;WAHR"#, "",
            "Anna Maria;;10115;3,5;", "\"Zeile\r\nzwei\";Zoë;;;;x", "",
        ].joined(separator: "\r\n"))
        #expect(conversion == Workbook.Conversion(sheet: "Adressen", lines: 5))
    }

    @Test("number formats: postcodes, phone numbers, dates, times, percentages, decimals", arguments: [
        ("1067", "00000", "01067"), ("10115", "00000", "10115"), ("1701234567", "0##########", "1701234567"),
        ("1701234567", "00000000000", "01701234567"), ("45000", "General", "45000"), ("45000.5", "dd.mm.yyyy hh:mm", "15.03.2023 12:00"),
        ("0.75", "h:mm", "18:00"), ("0.5", "[$-407]h:mm:ss", "12:00:00"), ("61", "dd.mm.yyyy", "01.03.1900"), ("1", "d/m/yyyy", "01.01.1900"),
        ("0.125", "0.00%", "12,50%"), ("1234.5", "#,##0.00", "1234,50"), ("1234.5", "#,##0", "1235"), ("0.1", "General", "0,1"),
        ("-3", "General", "-3"), ("123456789012", "General", "123456789012"), ("1e20", "General", "1e+20"), ("abc", "General", "abc"),
        ("12.5", "\"Nr. \"0", "13"), ("7", "@", "7"),
    ] as [(String, String, String)])
    func numberFormats(raw: String, code: String, shown: String) {
        var text = CellText()
        text.customFormats = [200: code]
        text.styleFormats = [200]
        #expect(text.number(raw, style: 0) == shown)
    }

    @Test("the 1904 date system")
    func date1904() {
        var text = CellText(date1904: true)
        text.styleFormats = [14]
        #expect(text.number("0", style: 0) == "01.01.1904")
        #expect(text.number("43464", style: 0) == "31.12.2022")
    }

    @Test("one sheet with data among empty ones is read, whichever it is; two with data are refused, named")
    func sheets() throws {
        let data = "<row r=\"1\">\(Self.cell("A1", "<is><t>Name</t></is>", type: "inlineStr"))</row><row r=\"2\">\(Self.cell("A2", "<is><t>X</t></is>", type: "inlineStr"))</row>"
        let empty = "<row r=\"1\"><c r=\"A1\" s=\"0\"/></row>"
        let (csv, conversion) = try Self.convert(.workbook(sheets: [("Leer", empty), ("Kunden", data), ("Notizen", "")]))
        #expect(csv == "Name\r\nX\r\n")
        #expect(conversion.sheet == "Kunden")
        let error = Self.error(.workbook(sheets: [("Kunden", data), ("Tabelle2", ""), ("Alt&#9;", data)]))
        guard case .severalSheets(_, let sheets)? = error else {
            Issue.record("\(String(describing: error))")
            return
        }
        #expect(sheets == ["Kunden", "Alt\t"])
        #expect(error?.description.contains("2 sheets with data (\"Kunden\", \"Alt?\")") == true, "\(String(describing: error))")
    }

    @Test("a workbook without data is empty")
    func empty() throws {
        #expect(throws: InputError.self) { try Self.convert(.workbook(sheets: [("Tabelle1", "")])) }
    }

    @Test("macro workbooks are refused: a VBA project, or the macro content type")
    func macros() {
        var project = WorkbookBuilder.workbook(sheets: [("A", "")])
        project.add("xl/vbaProject.bin", bytes: [0xD0, 0xCF, 0x11, 0xE0])
        #expect(Self.kind(Self.error(project)) == "macros")
        var typed = WorkbookBuilder.workbook(sheets: [("A", "")])
        typed.add("[Content_Types].xml", #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/></Types>"#)
        #expect(Self.kind(Self.error(typed)) == "macros")
    }

    @Test("an .xls, an .ods, a binary workbook and any other ZIP are refused with what they are")
    func otherFiles() throws {
        try FileManager.default.createDirectory(atPath: Self.folder, withIntermediateDirectories: true)
        let xls = Self.folder + "/alt.xls"
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(to: URL(fileURLWithPath: xls))
        #expect(throws: WorkbookError.legacyExcel(path: xls)) { try Workbook.convert(path: xls, to: Self.folder + "/x.csv", scratch: Self.folder) }
        var ods = WorkbookBuilder()
        ods.add("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        ods.add("content.xml", "<office:document-content/>")
        #expect(Self.error(ods)?.description.contains("OpenDocument spreadsheet (.ods)") == true)
        var zip = WorkbookBuilder()
        zip.add("readme.txt", "hello")
        #expect(Self.error(zip)?.description.contains("is a ZIP archive, not an Excel workbook") == true)
        var binary = WorkbookBuilder.workbook(sheets: [("A", "")])
        binary.add("_rels/.rels", #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(WorkbookBuilder.relationshipType)officeDocument" Target="xl/workbook.bin"/></Relationships>"#)
        #expect(Self.error(binary)?.description.contains("(.xlsb)") == true)
    }

    @Test("hostile XML inside: a DTD with entities anywhere, billion laughs, broken XML")
    func hostileXML() {
        var laughs = WorkbookBuilder.workbook(sheets: [("A", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>")], sharedStrings: ["x"])
        laughs.add("xl/sharedStrings.xml", #"<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><sst xmlns="\#(WorkbookBuilder.spreadsheetML)"><si><t>&c;</t></si></sst>"#)
        #expect(Self.error(laughs)?.description.contains("xl/sharedStrings.xml: it declares a DTD") == true)
        var external = WorkbookBuilder.workbook(sheets: [("A", "")])
        external.add("xl/worksheets/sheet1.xml", #"<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]><worksheet xmlns="\#(WorkbookBuilder.spreadsheetML)"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row></sheetData></worksheet>"#)
        #expect(Self.error(external)?.description.contains("declares a DTD") == true)
        var workbookDTD = WorkbookBuilder.workbook(sheets: [("A", "")])
        workbookDTD.add("[Content_Types].xml", #"<!DOCTYPE Types><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#)
        #expect(Self.error(workbookDTD)?.description.contains("[Content_Types].xml: it declares a DTD") == true)
        let broken = WorkbookBuilder.workbook(sheets: [("A", "<row r=\"1\"><c r=\"A1\"><v>1</v></row>")])
        #expect(Self.error(broken)?.description.contains("xl/worksheets/sheet1.xml: not well-formed XML") == true)
    }

    @Test("ZIP bombs: a part that unpacks beyond its limit, the budget of all parts, a CSV that would grow beyond its limit")
    func bombs() {
        var limits = WorkbookArchive.Limits()
        limits.sheet = 1 << 20
        let padding = String(repeating: " ", count: 4 << 20)  // deflates to a few KB
        let bomb = WorkbookBuilder.workbook(sheets: [("A", "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>" + padding)])
        #expect(Self.error(bomb, limits: limits)?.description.contains("xl/worksheets/sheet1.xml unpacks to more than 1 MB (a damaged file or a ZIP bomb)") == true)
        var budget = WorkbookArchive.Limits()
        budget.total = 3 << 20
        let sheets = (1...3).map { ("S\($0)", String(repeating: " ", count: 1 << 20)) }
        #expect(Self.error(.workbook(sheets: sheets), limits: budget)?.description.contains("the workbook altogether unpacks to more than 3 MB") == true)
        // One long shared string in every cell of many rows: a small sheet, a huge CSV.
        var output = WorkbookArchive.Limits()
        output.output = 1 << 20
        let rows = (1...200).map { "<row r=\"\($0)\">" + String(repeating: "<c t=\"s\"><v>0</v></c>", count: 50) + "</row>" }.joined()
        let amplified = WorkbookBuilder.workbook(sheets: [("A", rows)], sharedStrings: [String(repeating: "x", count: 1000)])
        #expect(Self.error(amplified, limits: output)?.description.contains("the sheet as CSV unpacks to more than 1 MB") == true)
    }

    @Test("references that break Excel's limits or point nowhere are refused")
    func damage() {
        let outOfRange = WorkbookBuilder.workbook(sheets: [("A", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c></row>")], sharedStrings: ["x"])
        #expect(Self.error(outOfRange)?.description.contains("shared string 7, which does not exist") == true)
        let tooFar = WorkbookBuilder.workbook(sheets: [("A", "<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>")])
        #expect(Self.error(tooFar)?.description.contains("cell XFE1 in row 1 is out of order or beyond Excel's limits") == true)
        let tooLow = WorkbookBuilder.workbook(sheets: [("A", "<row r=\"1048577\"><c><v>1</v></c></row>")])
        #expect(Self.error(tooLow)?.description.contains("row 1048577 is out of order") == true)
        var escaping = WorkbookBuilder.workbook(sheets: [("A", "<row r=\"1\"><c><v>1</v></c></row>")])
        escaping.add("xl/_rels/workbook.xml.rels", #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(WorkbookBuilder.relationshipType)worksheet" Target="../../../etc/passwd"/></Relationships>"#)
        #expect(Self.error(escaping)?.description.contains("it has no worksheet") == true)
    }

    /// Found by fuzzing (Fixtures/fuzz): a deflated part whose stream does not
    /// end where its compressed bytes do made ZIPFoundation wait for input at
    /// the end of the file forever; the run hung on one upload.
    @Test("a part whose compressed data runs past its end is damaged, not a hang", .timeLimit(.minutes(1)))
    func deflateRunsPastTheEnd() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Fixtures/fuzz/deflate-runs-past-the-end.xlsx").standardized.path
        let scratch = Self.folder + "/scratch-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        #expect {
            try Workbook.convert(path: fixture, to: Self.folder + "/\(UUID().uuidString).csv", scratch: scratch)
        } throws: { error in
            guard case .damaged(_, let part, let detail) = error as? WorkbookError else { return false }
            return part == "[Content_Types].xml" && detail.contains("compressed data ends before the part does")
        }
    }

    static func kind(_ error: WorkbookError?) -> String {
        switch error {
        case .macros?: "macros"
        case nil: "none"
        default: "\(error!)"
        }
    }
}
