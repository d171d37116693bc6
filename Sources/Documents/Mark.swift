/// One thing drawn on a page, fully positioned: layout measures and places,
/// drawing only paints.
enum Mark {
    /// Text whose left end of the baseline is at (`x`, `y`).
    case text(String, x: Double, y: Double, style: TextStyle)
    /// A horizontal line at `y`.
    case rule(from: Double, to: Double, y: Double, width: Double)
}
