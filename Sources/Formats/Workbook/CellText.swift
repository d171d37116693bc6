import Foundation

/// A workbook cell's value as text, as the customer sees it in Excel where it
/// matters for addresses (docs/formats.md "Excel workbooks"):
///
/// - text cells (shared, inline, formula results) as they are;
/// - whole numbers without decimals, zero-padded when the cell's format is
///   all zeros (`00000`: a postcode stored as the number 1067 reads `01067`;
///   stored as text it is `01067` anyway);
/// - dates and times as `DD.MM.YYYY`, `DD.MM.YYYY HH:MM`, `HH:MM` or `HH:MM:SS`;
/// - percentages and fixed decimals with their decimals, other fractions as
///   the shortest exact decimal, always with a decimal comma, no thousands separator;
/// - `WAHR`/`FALSCH` for booleans, error values (`#N/A`) as stored.
struct CellText {
    /// Number format id of each cell style (`s` attribute), from styles.xml.
    var styleFormats: [Int] = []
    /// Format codes of the workbook's own number formats, by id.
    var customFormats: [Int: String] = [:]
    var date1904 = false

    /// Reads the styles part (number formats and cell styles).
    init(styles file: String?, date1904: Bool, path: String, part: String) throws(WorkbookError) {
        self.date1904 = date1904
        guard let file else { return }
        var formats: [Int] = []
        var custom: [Int: String] = [:]
        var inCellStyles = false
        try WorkbookParts.elements(file, path: path, part: part) { element, depth in
            switch (element.localName, depth) {
            case ("numFmt", 2):
                if let id = element.attribute("numFmtId").flatMap(Int.init), let code = element.attribute("formatCode") { custom[id] = code }
            case ("cellXfs", 1):
                inCellStyles = true
            case ("xf", 2) where inCellStyles:
                formats.append(element.attribute("numFmtId").flatMap(Int.init) ?? 0)
            case (_, 1):
                inCellStyles = false
            default:
                break
            }
        }
        styleFormats = formats
        customFormats = custom
    }

    init(date1904: Bool = false) { self.date1904 = date1904 }

    /// The text of a number cell stored as `raw` with style index `style`.
    func number(_ raw: String, style: Int?) -> String {
        guard let value = Double(raw.trimmingCharacters(in: .whitespaces)), value.isFinite else { return raw }
        let id = style.flatMap { $0 >= 0 && $0 < styleFormats.count ? styleFormats[$0] : nil } ?? 0
        let code = customFormats[id] ?? Self.builtIn[id] ?? "General"
        let section = Self.firstSection(code)
        let letters = Self.unquoted(section).lowercased()
        if id == 49 || section == "@" { return Self.plain(value) }
        if (14...22).contains(id) || (45...47).contains(id) || letters.contains(where: { "ydhs".contains($0) })
            || (letters.contains("m") && !letters.contains("0") && !letters.contains("#")) {
            let showsTime = letters.contains("h") || letters.contains("s")
            return date(value, showsDate: letters.contains(where: { "yd".contains($0) }) || !showsTime,
                        showsTime: showsTime, showsSeconds: letters.contains("s"))
        }
        let decimals = Self.decimals(letters)
        if letters.contains("%") { return Self.fixed(value * 100, decimals: decimals) + "%" }
        if decimals > 0 { return Self.fixed(value, decimals: decimals) }
        // A whole-number format shows the value rounded; all zeros (`00000`) pads it.
        if abs(value) < 1e15, letters.contains("0") || letters.contains("#") {
            let digits = String(Int64(value.rounded()))
            guard letters.allSatisfy({ $0 == "0" }), value >= 0 else { return digits }
            return String(repeating: "0", count: max(0, letters.count - digits.count)) + digits
        }
        return Self.plain(value)
    }

    /// Whole numbers as digits, others as the shortest decimal that reads back the same, with a decimal comma.
    static func plain(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)".replacingOccurrences(of: ".", with: ",")
    }

    private static func fixed(_ value: Double, decimals: Int) -> String {
        String(format: "%.\(min(decimals, 15))f", value).replacingOccurrences(of: ".", with: ",")
    }

    /// Zeros after the decimal point of a number format (`#,##0.00` → 2).
    private static func decimals(_ code: String) -> Int {
        guard let point = code.firstIndex(of: ".") else { return 0 }
        return code[code.index(after: point)...].prefix { $0 == "0" || $0 == "#" }.count
    }

    /// The positive-number section of a format code.
    private static func firstSection(_ code: String) -> String {
        var inQuotes = false
        for (offset, character) in code.enumerated() {
            if character == "\"" { inQuotes.toggle() }
            if character == ";", !inQuotes { return String(code.prefix(offset)) }
        }
        return code
    }

    /// A format code without quoted text, escaped characters, `[…]` sections
    /// (colours, locales, conditions) and fill/skip characters.
    private static func unquoted(_ code: String) -> String {
        var result = ""
        var iterator = code.makeIterator()
        var inQuotes = false, inBrackets = false
        while let character = iterator.next() {
            switch character {
            case "\"": inQuotes.toggle()
            case "[" where !inQuotes: inBrackets = true
            case "]" where !inQuotes: inBrackets = false
            case "\\" where !inQuotes, "_" where !inQuotes, "*" where !inQuotes: _ = iterator.next()
            default: if !inQuotes && !inBrackets { result.append(character) }
            }
        }
        return result == "general" || result == "General" ? "" : result
    }

    private func date(_ serial: Double, showsDate: Bool, showsTime: Bool, showsSeconds: Bool) -> String {
        guard serial >= 0, serial < 2_958_466 else { return Self.plain(serial) }
        var days = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(days)) * 86_400).rounded())
        if seconds >= 86_400 { days += 1; seconds -= 86_400 }
        // Excel's 1900 system counts a 29 February 1900 that never was (serial 60).
        let (year, month, day) = date1904
            ? Self.civil(daysSinceEpoch: days + Self.daysFrom1970(1904, 1, 1))
            : Self.civil(daysSinceEpoch: (days < 61 ? days - 1 : days - 2) + Self.daysFrom1970(1900, 1, 1))
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let dateText = "\(two(day)).\(two(month)).\(year)"
        let timeText = "\(two(seconds / 3600)):\(two(seconds / 60 % 60))" + (showsSeconds ? ":\(two(seconds % 60))" : "")
        switch (showsDate, showsTime) {
        case (true, true): return dateText + " " + timeText
        case (false, true): return timeText
        default: return dateText
        }
    }

    /// Days from 1970-01-01 (proleptic Gregorian; H. Hinnant's algorithm).
    static func daysFrom1970(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(daysSinceEpoch days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The built-in number formats that matter here (ECMA-376 §18.8.30).
    static let builtIn: [Int: String] = [
        0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00",
        14: "dd.mm.yyyy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM",
        20: "h:mm", 21: "h:mm:ss", 22: "dd.mm.yyyy h:mm", 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)",
        39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0",
        48: "##0.0E+0", 49: "@",
    ]
}
