/// A table of items with a header row. When it does not fit on the page it
/// continues on the next one with the header repeated; a row is never split.
public struct ItemTable: Sendable, Equatable {
    /// Left to right, starting at the left text margin.
    public var columns: [Column]
    /// Top to bottom, in the order given.
    public var rows: [Row]
    /// The column where a row's detail lines start; they may extend to the table's right edge.
    public var detailColumn: Int

    public init(columns: [Column], rows: [Row], detailColumn: Int = 0) {
        self.columns = columns
        self.rows = rows
        self.detailColumn = detailColumn
    }

    public struct Column: Sendable, Equatable {
        public enum Alignment: Sendable, Equatable {
            case left
            case right
        }

        /// Printed bold above the column, and again on every continuation page.
        public var header: String
        /// Millimetres; the columns together should not exceed the 165 mm text width.
        public var width: Double
        /// Right for amounts and quantities, so that the digits line up.
        public var alignment: Alignment

        public init(_ header: String, width: Double, alignment: Alignment = .left) {
            self.header = header
            self.width = width
            self.alignment = alignment
        }
    }

    public struct Row: Sendable, Equatable {
        /// One text per column; missing cells stay empty.
        public var cells: [String]
        /// Smaller grey text under the row in `detailColumn`, e.g. what a quantity consists of.
        public var detail: String?

        public init(_ cells: [String], detail: String? = nil) {
            self.cells = cells
            self.detail = detail
        }
    }
}
