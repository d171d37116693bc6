import Foundation

/// Streams a worksheet part row by row (each `<row>` expanded on its own),
/// so a sheet of any size needs memory for one row only.
struct SheetReader {
    /// Excel's own limits; a cell reference beyond them is damage.
    static let maxRows = 1_048_576
    static let maxColumns = 16_384

    let file: String
    let path: String
    let part: String
    let sharedStrings: SharedStrings
    let cells: CellText

    /// Calls `row` with each row's 1-based number and its values by 0-based column
    /// (empty values left out), in file order; stops when `row` returns false.
    func read(_ row: (Int, [(Int, String)]) throws(WorkbookError) -> Bool) throws(WorkbookError) {
        do {
            let reader = try XMLStreamReader(path: file)
            var rowNumber = 0
            while let element = try reader.next() {
                switch (element.depth, element.localName) {
                case (0, _), (1, "sheetData"):
                    continue
                case (2, "row"):
                    let subtree = try reader.expand()
                    rowNumber = try number(subtree.attribute("r"), after: rowNumber, limit: Self.maxRows, what: "row")
                    if try !row(rowNumber, values(subtree, row: rowNumber)) { return }
                default:
                    reader.skipContent()
                }
            }
        } catch let error as WorkbookError {
            throw error
        } catch let error as XMLInputError {
            throw WorkbookParts.damaged(error, path: path, part: part)
        } catch {
            throw .damaged(path: path, part: part, detail: "\(error)")
        }
    }

    private func values(_ row: XMLSubtree, row number: Int) throws(WorkbookError) -> [(Int, String)] {
        var values: [(Int, String)] = []
        var column = -1
        for cell in row.children where cell.localName == "c" {
            column = try self.column(cell.attribute("r"), after: column, row: number)
            let text: String
            switch cell.attribute("t") ?? "n" {
            case "s":
                guard let index = cell.text("v").flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else { continue }
                guard index >= 0, index < sharedStrings.count else {
                    throw .damaged(path: path, part: part, detail: "row \(number) refers to shared string \(index), which does not exist")
                }
                text = sharedStrings[index]
            case "inlineStr":
                text = cell.first("is").map(Self.richText) ?? ""
            case "str", "e":
                text = Self.unescaped(cell.text("v") ?? "")
            case "b":
                text = (cell.text("v") ?? "").trimmingCharacters(in: .whitespaces) == "1" ? "WAHR" : "FALSCH"
            default:
                guard let raw = cell.text("v"), !raw.isEmpty else { continue }
                text = cells.number(raw, style: cell.attribute("s").flatMap(Int.init))
            }
            if !text.isEmpty { values.append((column, text)) }
        }
        return values
    }

    /// The text of a string item (`si`, `is`): its `t`, or its runs' `t`, without phonetic runs (`rPh`).
    static func richText(_ item: XMLSubtree) -> String {
        unescaped(item.children.map { child in
            switch child.localName {
            case "t": child.text
            case "r": child.all("t").map(\.text).joined()
            default: ""
            }
        }.joined())
    }

    /// OOXML writes characters XML cannot hold as `_xHHHH_` (and a literal `_x` as `_x005F_x`).
    static func unescaped(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: "_x") {
            result += rest[..<start.lowerBound]
            let hex = rest[start.upperBound...].prefix(5)
            if hex.count == 5, hex.last == "_", let value = UInt32(hex.dropLast(), radix: 16), let scalar = Unicode.Scalar(value) {
                result.unicodeScalars.append(scalar)
                rest = rest[rest.index(start.upperBound, offsetBy: 5)...]
            } else {
                result += "_x"
                rest = rest[start.upperBound...]
            }
        }
        return result + rest
    }

    /// A row number from `r`, or the one after the previous row.
    private func number(_ reference: String?, after previous: Int, limit: Int, what: String) throws(WorkbookError) -> Int {
        let value = reference.map { Int($0.trimmingCharacters(in: .whitespaces)) ?? -1 } ?? previous + 1
        guard value > previous, value <= limit else {
            throw .damaged(path: path, part: part, detail: "\(what) \(reference ?? "\(value)") is out of order or beyond Excel's limits")
        }
        return value
    }

    /// The 0-based column of a cell reference (`BC17` → 54), or the one after the previous cell.
    private func column(_ reference: String?, after previous: Int, row: Int) throws(WorkbookError) -> Int {
        guard let reference else {
            guard previous + 1 < Self.maxColumns else { throw tooWide(row) }
            return previous + 1
        }
        var column = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard (65...90).contains(scalar.value) else { break }
            column = column * 26 + Int(scalar.value) - 64
            letters += 1
            guard letters <= 3 else { break }
        }
        guard letters > 0, column <= Self.maxColumns, column - 1 > previous else {
            throw .damaged(path: path, part: part, detail: "cell \(reference.prefix(12)) in row \(row) is out of order or beyond Excel's limits")
        }
        return column - 1
    }

    private func tooWide(_ row: Int) -> WorkbookError {
        .damaged(path: path, part: part, detail: "row \(row) has more cells than Excel allows")
    }
}
