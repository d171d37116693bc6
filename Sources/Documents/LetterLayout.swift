/// Places every part of a letter on pages. Works top-down with a cursor;
/// a block that does not fit before `contentBottom` moves to a new page.
/// Page numbers and footers are added afterwards, once the page count is known.
struct LetterLayout {
    private typealias G = PageGeometry

    private let canvas: PdfCanvas
    private(set) var pages: [[Mark]] = [[]]
    private var y: Double = 0

    init(canvas: PdfCanvas) {
        self.canvas = canvas
    }

    /// The marks of every page, footer and "Seite x von y" included.
    static func pages(of letter: Letter, canvas: PdfCanvas) -> [[Mark]] {
        var layout = LetterLayout(canvas: canvas)
        layout.placeHead(letter)
        layout.placeParagraphs(letter.paragraphs)
        if let table = letter.table { layout.placeTable(table) }
        layout.placeNotes(letter.notes)
        layout.placeTotals(letter.totals)
        layout.placeParagraphs(letter.closing)
        layout.placePageFurniture(footer: letter.footer)
        return layout.pages
    }

    // MARK: First page head

    private mutating func placeHead(_ letter: Letter) {
        var baseline = G.letterheadTop
        text(letter.letterhead.name, right: G.right, y: baseline, style: .letterheadName)
        baseline += TextStyle.letterheadName.leading
        for line in letter.letterhead.lines {
            text(line, right: G.right, y: baseline, style: .small)
            baseline += TextStyle.small.leading
        }

        for mark in G.foldMarks { add(.rule(from: G.mm(4), to: G.mm(8), y: mark, width: 0.3)) }
        add(.rule(from: G.mm(4), to: G.mm(10), y: G.punchMark, width: 0.3))

        let returnWidth = canvas.width(of: letter.returnAddress, style: .returnAddress)
        text(letter.returnAddress, x: G.windowText, y: G.returnAddressBaseline, style: .returnAddress)
        add(.rule(from: G.windowText, to: G.windowText + returnWidth, y: G.returnAddressBaseline + 1.5, width: 0.3))

        baseline = G.recipientFirstBaseline
        // A long name or street wraps inside the window instead of running under the info block.
        for line in letter.recipient.flatMap({ wrap($0, width: G.windowTextWidth, style: .body) }) {
            text(line, x: G.windowText, y: baseline, style: .body)
            baseline += TextStyle.body.leading
        }
        let windowBottom = baseline

        baseline = G.infoFirstBaseline
        for item in letter.info {
            text(item.label, x: G.infoLeft, y: baseline, style: .infoLabel)
            // The value keeps right of its label: a long one wraps, right-aligned, onto further lines.
            let room = G.right - G.infoLeft - canvas.width(of: item.label, style: .infoLabel) - G.mm(2)
            let lines = wrap(item.value, width: max(room, G.mm(15)), style: .infoValue)
            for (index, line) in lines.enumerated() {
                if index > 0 { baseline += TextStyle.infoValue.leading }
                text(line, right: G.right, y: baseline, style: .infoValue)
            }
            baseline += TextStyle.infoValue.leading + 1
        }

        // A long info block or window pushes the subject down rather than overlapping it.
        y = max(G.titleBaseline, baseline + G.mm(6), windowBottom + G.mm(6))
        for line in wrap(letter.title, width: G.textWidth, style: .title) {
            text(line, x: G.left, y: y, style: .title)
            y += TextStyle.title.leading
        }
        y += G.mm(4)
    }

    // MARK: Body

    private mutating func placeParagraphs(_ paragraphs: [String]) {
        for paragraph in paragraphs {
            for line in wrap(paragraph, width: G.textWidth, style: .body) {
                makeRoom(TextStyle.body.leading)
                text(line, x: G.left, y: y, style: .body)
                y += TextStyle.body.leading
            }
            y += G.mm(2.5)
        }
    }

    /// Notes under the table: the table leaves the cursor at the top of the
    /// next line, paragraphs expect a baseline, so step down one line first.
    private mutating func placeNotes(_ notes: [String]) {
        guard !notes.isEmpty else { return }
        y += TextStyle.body.size + G.mm(2)
        placeParagraphs(notes)
    }

    private mutating func placeTable(_ table: ItemTable) {
        let lefts = table.columns.reduce(into: [G.left]) { $0.append($0.last! + G.mm($1.width)) }
        placeTableHeader(table, lefts: lefts)

        for row in table.rows {
            // Wrap each cell in its column; the row is as tall as its tallest cell.
            let cells = table.columns.indices.map { index in
                wrap(index < row.cells.count ? row.cells[index] : "", width: G.mm(table.columns[index].width) - G.mm(2),
                     style: .tableCell)
            }
            // Details run below the cells, so they may use the width up to the table's right edge.
            let detailWidth = lefts.last! - lefts[table.detailColumn]
            let details = row.detail.map { wrap($0, width: detailWidth, style: .tableDetail) } ?? []
            let cellLines = cells.map(\.count).max() ?? 1
            let height = Double(cellLines) * TextStyle.tableCell.leading
                + Double(details.count) * TextStyle.tableDetail.leading + G.mm(1.5)

            if y + height > G.contentBottom {
                newPage()
                placeTableHeader(table, lefts: lefts)
            }
            y += TextStyle.tableCell.size
            for (index, column) in table.columns.enumerated() {
                for (lineIndex, line) in cells[index].enumerated() {
                    let baseline = y + Double(lineIndex) * TextStyle.tableCell.leading
                    switch column.alignment {
                    case .left: text(line, x: lefts[index], y: baseline, style: .tableCell)
                    case .right: text(line, right: lefts[index + 1], y: baseline, style: .tableCell)
                    }
                }
            }
            y += Double(cellLines - 1) * TextStyle.tableCell.leading
            for line in details {
                y += TextStyle.tableDetail.leading
                text(line, x: lefts[table.detailColumn], y: y, style: .tableDetail)
            }
            y += TextStyle.tableCell.leading - TextStyle.tableCell.size + G.mm(1.5)
        }
        y += G.mm(1)
    }

    private mutating func placeTableHeader(_ table: ItemTable, lefts: [Double]) {
        makeRoom(TextStyle.tableHeader.leading * 3)
        y += TextStyle.tableHeader.size
        for (index, column) in table.columns.enumerated() {
            switch column.alignment {
            case .left: text(column.header, x: lefts[index], y: y, style: .tableHeader)
            case .right: text(column.header, right: lefts[index + 1], y: y, style: .tableHeader)
            }
        }
        y += G.mm(2)
        add(.rule(from: G.left, to: lefts.last!, y: y, width: 0.6))
        y += G.mm(1.5)
    }

    private mutating func placeTotals(_ totals: [LabeledValue]) {
        guard !totals.isEmpty else { return }
        let leading = TextStyle.body.leading + 1
        let gap = G.mm(4)
        let bold = TextStyle(bold: true, size: TextStyle.body.size)
        let rows = totals.enumerated().map { index, item in (item: item, style: index == totals.count - 1 ? bold : TextStyle.body) }
        // 95 mm wide, wider where a label and its amount need it, at most the text width;
        // a label longer still wraps, and its amount stands on its last line.
        let widest = rows.map { canvas.width(of: $0.item.label, style: $0.style) + gap + canvas.width(of: $0.item.value, style: $0.style) }.max() ?? 0
        let labelLeft = max(G.left, G.right - max(G.mm(95), widest))
        let lines = rows.map { row in
            wrap(row.item.label, width: max(G.right - labelLeft - gap - canvas.width(of: row.item.value, style: row.style), G.mm(20)), style: row.style)
        }
        // The block stays together: a total alone at the top of a page reads as a new invoice.
        makeRoom(Double(lines.map(\.count).reduce(0, +)) * leading + G.mm(4))
        add(.rule(from: labelLeft, to: G.right, y: y, width: 0.6))
        y += G.mm(1.5)
        for (row, labelLines) in zip(rows, lines) {
            for (index, line) in labelLines.enumerated() {
                y += leading
                text(line, x: labelLeft, y: y, style: row.style)
                if index == labelLines.count - 1 { text(row.item.value, right: G.right, y: y, style: row.style) }
            }
        }
        y += G.mm(7)
    }

    // MARK: Every page

    private mutating func placePageFurniture(footer: [[String]]) {
        let count = pages.count
        // Columns as wide as their longest line, with equal gaps: footer lines differ too much in length for a fixed grid.
        let widths = footer.map { lines in lines.map { canvas.width(of: $0, style: .footer) }.max() ?? 0 }
        let gap = footer.count > 1 ? max(G.mm(3), (G.textWidth - widths.reduce(0, +)) / Double(footer.count - 1)) : 0
        let lefts = widths.reduce(into: [G.left]) { $0.append($0.last! + $1 + gap) }
        for index in pages.indices {
            var marks = pages[index]
            let number = "Seite \(index + 1) von \(count)"
            marks.append(.text(number, x: G.right - canvas.width(of: number, style: .small), y: G.pageNumberBaseline, style: .small))
            if !footer.isEmpty {
                marks.append(.rule(from: G.left, to: G.right, y: G.footerRule, width: 0.3))
                for (column, lines) in footer.enumerated() {
                    for (lineIndex, line) in lines.enumerated() {
                        marks.append(.text(line, x: lefts[column],
                                           y: G.footerFirstBaseline + Double(lineIndex) * TextStyle.footer.leading, style: .footer))
                    }
                }
            }
            pages[index] = marks
        }
    }

    // MARK: Primitives

    private mutating func makeRoom(_ height: Double) {
        if y + height > G.contentBottom { newPage() }
    }

    private mutating func newPage() {
        pages.append([])
        y = G.continuationTop
    }

    private func wrap(_ text: String, width: Double, style: TextStyle) -> [String] {
        LineBreaking { canvas.width(of: $0, style: style) }.lines(text, width: width)
    }

    private mutating func add(_ mark: Mark) {
        pages[pages.count - 1].append(mark)
    }

    private mutating func text(_ string: String, x: Double, y: Double, style: TextStyle) {
        guard !string.isEmpty else { return }
        add(.text(string, x: x, y: y, style: style))
    }

    private mutating func text(_ string: String, right: Double, y: Double, style: TextStyle) {
        guard !string.isEmpty else { return }
        add(.text(string, x: right - canvas.width(of: string, style: style), y: y, style: style))
    }
}
