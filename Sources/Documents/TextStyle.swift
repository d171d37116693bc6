/// Face, size and grey level of a run of text.
struct TextStyle: Equatable {
    var bold = false
    /// Points.
    var size: Double
    /// 0 black … 1 white.
    var gray: Double = 0

    static let body = TextStyle(size: 10)
    static let title = TextStyle(bold: true, size: 12)
    static let letterheadName = TextStyle(bold: true, size: 13)
    static let small = TextStyle(size: 8)
    static let returnAddress = TextStyle(size: 7)
    static let infoLabel = TextStyle(size: 8.5, gray: 0.35)
    static let infoValue = TextStyle(size: 8.5)
    static let tableHeader = TextStyle(bold: true, size: 8.5)
    static let tableCell = TextStyle(size: 9)
    static let tableDetail = TextStyle(size: 7.5, gray: 0.35)
    static let footer = TextStyle(size: 6, gray: 0.3)

    /// Baseline-to-baseline distance for this size.
    var leading: Double { size * 1.3 }
}
