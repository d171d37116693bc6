/// A bar chart as inline SVG: no script, no font or image to load. Each bar
/// is a `<rect data-bar>` with its value in `data-value` and a `<title>` that
/// browsers show on hover; the chart carries `data-chart` and `data-bars`, so
/// a test can count what a browser rendered.
struct BarChart {
    struct Bar {
        /// Under the bar (a day number, a list name).
        var label: String
        var value: Int64
        /// The value as people read it (`1.234`, `12,50 €`).
        var valueText: String
        /// The hover text.
        var title: String
    }

    var id: String
    var title: String
    var bars: [Bar]
    /// Writes each value above its bar (for charts with few bars).
    var valuesAboveBars = false

    static let width = 960.0, height = 180.0, top = 24.0, bottom = 28.0, left = 8.0, right = 8.0

    var svg: String {
        let plotHeight = Self.height - Self.top - Self.bottom
        let slot = (Self.width - Self.left - Self.right) / Double(max(bars.count, 1))
        let barWidth = max(1, slot * (bars.count > 12 ? 0.7 : 0.5))
        let highest = max(bars.map(\.value).max() ?? 0, 1)
        let baseline = Self.top + plotHeight
        var out = """
        <svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 \(Int(Self.width)) \(Int(Self.height))" \
        role="img" aria-label="\(HTMLText.escaped(title))" data-chart="\(HTMLText.escaped(id))" data-bars="\(bars.count)">
        <line class="axis" x1="\(Self.left)" y1="\(baseline)" x2="\(Self.width - Self.right)" y2="\(baseline)"/>

        """
        for (index, bar) in bars.enumerated() {
            let barHeight = Double(max(bar.value, 0)) / Double(highest) * plotHeight
            let x = Self.left + slot * Double(index) + (slot - barWidth) / 2
            let center = Self.left + slot * (Double(index) + 0.5)
            out += """
            <rect class="bar" data-bar="\(index)" data-value="\(bar.value)" x="\(Self.format(x))" y="\(Self.format(baseline - barHeight))" \
            width="\(Self.format(barWidth))" height="\(Self.format(barHeight))"><title>\(HTMLText.escaped(bar.title))</title></rect>
            <text class="label" x="\(Self.format(center))" y="\(Self.format(baseline + 16))">\(HTMLText.escaped(bar.label))</text>

            """
            if valuesAboveBars {
                out += "<text class=\"value\" x=\"\(Self.format(center))\" y=\"\(Self.format(baseline - barHeight - 6))\">"
                    + "\(HTMLText.escaped(bar.valueText))</text>\n"
            }
        }
        return out + "</svg>"
    }

    /// One decimal place is enough for a screen.
    static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : String(Double(tenths) / 10)
    }
}
