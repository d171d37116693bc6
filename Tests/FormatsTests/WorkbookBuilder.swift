import Foundation
import ZIPFoundation

/// Writes `.xlsx` files part by part, as Excel lays them out, so that each
/// test can change exactly the part it is about (a DTD in a sheet, a macro
/// project, a bomb).
struct WorkbookBuilder {
    static let spreadsheetML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipsNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

    /// Part name → content (bytes, or a provider for large parts written in blocks).
    var parts: [(String, [UInt8])] = []

    /// A workbook with `sheets` (name, sheet XML body inside `<sheetData>`), shared strings and styles.
    static func workbook(
        sheets: [(String, String)], sharedStrings: [String] = [], numberFormats: [(Int, String)] = [], cellFormats: [Int] = [0],
        date1904: Bool = false
    ) -> WorkbookBuilder {
        var builder = WorkbookBuilder()
        let overrides = sheets.indices.map { #"<Override PartName="/xl/worksheets/sheet\#($0 + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"# }.joined()
        builder.add("[Content_Types].xml", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\#(overrides)</Types>"#)
        builder.add("_rels/.rels", #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(relationshipType)officeDocument" Target="xl/workbook.xml"/></Relationships>"#)
        let sheetList = sheets.enumerated().map { #"<sheet name="\#($0.element.0)" sheetId="\#($0.offset + 1)" r:id="rId\#($0.offset + 1)"/>"# }.joined()
        builder.add("xl/workbook.xml", #"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="\#(spreadsheetML)" xmlns:r="\#(relationshipsNS)">\#(date1904 ? #"<workbookPr date1904="1"/>"# : "")<sheets>\#(sheetList)</sheets></workbook>"#)
        var relationships = sheets.indices.map { #"<Relationship Id="rId\#($0 + 1)" Type="\#(relationshipType)worksheet" Target="worksheets/sheet\#($0 + 1).xml"/>"# }.joined()
        relationships += #"<Relationship Id="rIdS" Type="\#(relationshipType)sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="\#(relationshipType)styles" Target="/xl/styles.xml"/>"#
        builder.add("xl/_rels/workbook.xml.rels", #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#(relationships)</Relationships>"#)
        let items = sharedStrings.map { "<si><t xml:space=\"preserve\">\(escaped($0))</t></si>" }.joined()
        builder.add("xl/sharedStrings.xml", #"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="\#(spreadsheetML)" count="\#(sharedStrings.count)" uniqueCount="\#(sharedStrings.count)">\#(items)</sst>"#)
        let formats = numberFormats.map { #"<numFmt numFmtId="\#($0.0)" formatCode="\#(escaped($0.1))"/>"# }.joined()
        let xfs = cellFormats.map { #"<xf numFmtId="\#($0)" fontId="0" fillId="0" borderId="0" xfId="0"/>"# }.joined()
        builder.add("xl/styles.xml", #"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="\#(spreadsheetML)"><numFmts count="\#(numberFormats.count)">\#(formats)</numFmts><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="\#(cellFormats.count)">\#(xfs)</cellXfs></styleSheet>"#)
        for (index, sheet) in sheets.enumerated() {
            builder.add("xl/worksheets/sheet\(index + 1).xml", worksheet(sheet.1))
        }
        return builder
    }

    static func worksheet(_ body: String) -> String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="\#(spreadsheetML)" xmlns:r="\#(relationshipsNS)"><dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetData>\#(body)</sheetData><pageMargins left="0.7" right="0.7" top="0.78" bottom="0.78" header="0.3" footer="0.3"/></worksheet>"#
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    mutating func add(_ name: String, _ text: String) { add(name, bytes: Array(text.utf8)) }

    mutating func add(_ name: String, bytes: [UInt8]) {
        parts.removeAll { $0.0 == name }
        parts.append((name, bytes))
    }

    mutating func remove(_ name: String) { parts.removeAll { $0.0 == name } }

    /// Writes the archive (deflated) to `path`.
    func write(to path: String) throws {
        try? FileManager.default.removeItem(atPath: path)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (name, bytes) in parts {
            let data = Data(bytes)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }
}
