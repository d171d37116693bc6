/// Positions on an A4 page after DIN 5008 form B, in PDF points
/// (1/72 inch); the constants are written in millimetres as the norm gives them.
enum PageGeometry {
    static func mm(_ millimetres: Double) -> Double { millimetres * 72 / 25.4 }

    static let width = mm(210)
    static let height = mm(297)
    /// Text runs from 25 mm to 190 mm (left margin 25 mm, right margin 20 mm).
    static let left = mm(25)
    static let right = mm(190)
    static var textWidth: Double { right - left }

    /// Letterhead, first baseline.
    static let letterheadTop = mm(18)
    /// Address window: 20 mm from the left, 45 mm from the top, 85 × 45 mm; the
    /// first 17.7 mm are the remark zone, where the return address goes last.
    static let returnAddressBaseline = mm(45 + 15)
    static let recipientFirstBaseline = mm(45 + 17.7 + 3.5)
    static let windowText = mm(25)
    /// The window is 85 mm wide from 20 mm: text from 25 mm has 80 mm.
    static let windowTextWidth = mm(80)
    /// Information block: 125 mm from the left, from 50 mm down.
    static let infoLeft = mm(125)
    static let infoFirstBaseline = mm(50 + 3)
    /// The subject line, at the earliest under the window.
    static let titleBaseline = mm(103)

    /// Fold marks (form B: 105 and 210 mm) and the hole-punch mark (148.5 mm)
    /// at the left edge of the first page, so the window shows the address after folding.
    static let foldMarks = [mm(105), mm(210)]
    static let punchMark = mm(148.5)

    /// Where continuation pages start and where content must end.
    static let continuationTop = mm(25)
    static let contentBottom = mm(265)
    static let pageNumberBaseline = mm(272)
    static let footerRule = mm(276)
    static let footerFirstBaseline = mm(279.5)
}
