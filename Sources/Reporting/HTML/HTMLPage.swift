/// Builds the report page. Every text passed in is escaped here; only the
/// page's own markup is written raw.
struct HTMLPage {
    private var body = ""

    /// Lets the browser load nothing: no script, font, image or connection, no form, no `<base>`.
    static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

    static let style = """
    body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; color: #1d2733; margin: 24px 32px; max-width: 1100px; }
    h1 { font-size: 26px; margin: 0 0 4px; }
    h2 { font-size: 19px; margin: 32px 0 8px; border-bottom: 1px solid #c9d2dc; padding-bottom: 4px; }
    p.lead, p.note { color: #4a5868; margin: 4px 0 12px; }
    p.warn { color: #8a3b00; }
    .summary { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
    .summary div { background: #eef3f8; border-radius: 6px; padding: 8px 14px; min-width: 120px; }
    .summary b { display: block; font-size: 20px; }
    .summary span { font-size: 13px; color: #4a5868; }
    figure { margin: 8px 0 16px; }
    figcaption { font-size: 14px; font-weight: bold; margin-bottom: 4px; }
    svg.chart { width: 100%; height: auto; }
    svg .bar { fill: #2f6fb0; }
    svg .axis { stroke: #8795a5; stroke-width: 1; }
    svg .label, svg .value { font-size: 11px; text-anchor: middle; fill: #4a5868; }
    svg .value { fill: #1d2733; }
    table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 8px 0; }
    th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #dde3ea; vertical-align: top; white-space: nowrap; }
    th { background: #eef3f8; }
    td.num, th.num { text-align: right; }
    td.text { white-space: normal; overflow-wrap: anywhere; min-width: 12em; }
    """

    mutating func heading(_ level: Int, _ text: String) {
        body += "<h\(level)>\(HTMLText.escaped(text))</h\(level)>\n"
    }

    mutating func paragraph(_ text: String, class name: String) {
        body += "<p class=\"\(name)\">\(HTMLText.escaped(text))</p>\n"
    }

    /// A key figure: `key` and `value` (a count, or cents) go into data attributes for machines, `text` is what people read.
    struct Figure {
        var key: String
        var label: String
        var value: Int64
        var text: String
    }

    /// Key figures as tiles: the value large, its label under it.
    mutating func summary(_ figures: [Figure]) {
        body += "<div class=\"summary\">"
            + figures.map {
                "<div data-figure=\"\(HTMLText.escaped($0.key))\" data-value=\"\($0.value)\"><b>\(HTMLText.escaped($0.text))</b>"
                    + "<span>\(HTMLText.escaped($0.label))</span></div>"
            }.joined()
            + "</div>\n"
    }

    mutating func chart(_ chart: BarChart) {
        body += "<figure><figcaption>\(HTMLText.escaped(chart.title))</figcaption>\n\(chart.svg)\n</figure>\n"
    }

    /// A table; `numeric` are the indexes of right-aligned columns, `text` those of long text (names, reasons)
    /// that may wrap anywhere; the others stay on one line. With no rows it shows `empty` instead (if any).
    mutating func table(_ headers: [String], numeric: Set<Int> = [], text: Set<Int> = [], rows: [[String]], empty: String) {
        guard !rows.isEmpty else {
            if !empty.isEmpty { body += "<p class=\"note\">\(HTMLText.escaped(empty))</p>\n" }
            return
        }
        func cells(_ values: [String], tag: String) -> String {
            values.enumerated().map { index, value in
                let kind = numeric.contains(index) ? " class=\"num\"" : text.contains(index) && tag == "td" ? " class=\"text\"" : ""
                return "<\(tag)\(kind)>\(HTMLText.escaped(value))</\(tag)>"
            }.joined()
        }
        body += "<table>\n<thead><tr>\(cells(headers, tag: "th"))</tr></thead>\n<tbody>\n"
        for row in rows { body += "<tr>\(cells(row, tag: "td"))</tr>\n" }
        body += "</tbody>\n</table>\n"
    }

    func document(title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="de">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="\(Self.contentSecurityPolicy)">
        <meta name="referrer" content="no-referrer">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLText.escaped(title))</title>
        <style>
        \(Self.style)
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }
}
