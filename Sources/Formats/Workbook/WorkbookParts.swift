/// What the small parts of an `.xlsx` say: where the workbook is, its sheets
/// in tab order, the shared strings and styles parts, the date system.
struct WorkbookParts {
    struct Sheet {
        let name: String
        /// The part name inside the ZIP (`xl/worksheets/sheet1.xml`).
        let part: String
    }

    var sheets: [Sheet] = []
    var sharedStrings: String?
    var styles: String?
    /// Dates count from 1904-01-01 (old Mac workbooks), not from 1900.
    var date1904 = false

    /// Reads content types, package relationships, the workbook and its
    /// relationships; refuses macro workbooks and ZIPs that are no workbook.
    init(_ archive: WorkbookArchive) throws(WorkbookError) {
        let path = archive.path
        if archive.names.contains(where: { $0.hasSuffix("vbaproject.bin") }) { throw .macros(path: path) }
        if let types = try archive.extract("[Content_Types].xml", limit: archive.limits.smallPart) {
            var macros = false
            try Self.elements(types, path: path, part: "[Content_Types].xml") { element, _ in
                let type = element.attribute("ContentType")?.lowercased() ?? ""
                macros = macros || type.contains("macroenabled") || type.contains("vbaproject")
            }
            if macros { throw .macros(path: path) }
        }
        guard let packageRelationships = try archive.extract("_rels/.rels", limit: archive.limits.smallPart) else {
            throw .notAWorkbook(path: path, kind: archive.contains("mimetype") && archive.contains("content.xml")
                ? "an OpenDocument spreadsheet (.ods)" : "a ZIP archive")
        }
        var workbook: String?
        try Self.relationships(packageRelationships, base: "", path: path, part: "_rels/.rels") { type, _, target in
            if type == "officeDocument", workbook == nil { workbook = target }
        }
        guard let workbook else { throw .notAWorkbook(path: path, kind: "a ZIP archive (an Office file without a workbook)") }
        if workbook.lowercased().hasSuffix(".bin") { throw .notAWorkbook(path: path, kind: "a binary Excel workbook (.xlsb)") }
        guard let workbookFile = try archive.extract(workbook, limit: archive.limits.smallPart) else {
            throw .damaged(path: path, part: workbook, detail: "the part is missing")
        }

        let folder = workbook.split(separator: "/").dropLast().joined(separator: "/")
        let name = workbook.split(separator: "/").last.map(String.init) ?? workbook
        var targets: [String: String] = [:]
        let relationshipsPart = (folder.isEmpty ? "" : folder + "/") + "_rels/" + name + ".rels"
        if let file = try archive.extract(relationshipsPart, limit: archive.limits.smallPart) {
            try Self.relationships(file, base: folder, path: path, part: relationshipsPart) { type, id, target in
                switch type {
                case "sharedStrings": sharedStrings = sharedStrings ?? target
                case "styles": styles = styles ?? target
                case "worksheet": targets[id] = target
                default: break
                }
            }
        }
        var sheetEntries: [(String, String?)] = []
        var date1904 = false
        try Self.elements(workbookFile, path: path, part: workbook) { element, _ in
            switch element.localName {
            case "sheet": sheetEntries.append((element.attribute("name") ?? "", element.namespacedAttribute("id")))
            case "workbookPr": date1904 = ["1", "true"].contains(element.attribute("date1904") ?? "")
            default: break
            }
        }
        self.date1904 = date1904
        // Chart sheets and dialog sheets have no worksheet relationship: left out.
        sheets = sheetEntries.compactMap { name, id in id.flatMap { targets[$0] }.map { Sheet(name: name, part: $0) } }
    }

    /// Calls `visit` with every element below the root of a small part, with its depth.
    static func elements(
        _ file: String, path: String, part: String, _ visit: (XMLSubtree, Int) -> Void
    ) throws(WorkbookError) {
        do {
            let reader = try XMLStreamReader(path: file)
            while let element = try reader.next() {
                guard element.depth >= 1 else { continue }
                visit(try reader.expand(thenDescend: true), element.depth)
            }
        } catch {
            throw damaged(error, path: path, part: part)
        }
    }

    /// Type (last path segment of its URI), id and resolved target of each internal relationship.
    private static func relationships(
        _ file: String, base: String, path: String, part: String, _ visit: (String, String, String) -> Void
    ) throws(WorkbookError) {
        try elements(file, path: path, part: part) { element, _ in
            guard element.localName == "Relationship", element.attribute("TargetMode") != "External",
                  let type = element.attribute("Type")?.split(separator: "/").last, let target = element.attribute("Target"),
                  let resolved = resolve(target, base: base)
            else { return }
            visit(String(type), element.attribute("Id") ?? "", resolved)
        }
    }

    /// A relationship target as a part name: relative to `base`, or absolute
    /// from the package root; nil when it leaves the package.
    static func resolve(_ target: String, base: String) -> String? {
        var segments = target.hasPrefix("/") ? [] : base.split(separator: "/").map(String.init)
        for segment in target.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..":
                guard !segments.isEmpty else { return nil }
                segments.removeLast()
            default: segments.append(String(segment))
            }
        }
        return segments.isEmpty ? nil : segments.joined(separator: "/")
    }

    static func damaged(_ error: XMLInputError, path: String, part: String) -> WorkbookError {
        switch error {
        case .doctype: .damaged(path: path, part: part, detail: "it declares a DTD, which workbooks never have")
        case .malformed(_, let detail): .damaged(path: path, part: part, detail: "not well-formed XML, \(detail)")
        case .unreadable(_, let detail): .damaged(path: path, part: part, detail: detail)
        }
    }
}
