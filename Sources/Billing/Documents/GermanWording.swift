/// The small rules of German text on customer-facing documents, in one
/// place: a count takes its noun in the right number ("1 Paket",
/// "2 Pakete"), and a sentence ends in exactly one full stop even when its
/// last word is an abbreviation ("10,27 % p. a.", never "p. a..").
public enum GermanWording {
    /// A noun (with any adjective before it) in singular and plural.
    public struct Noun: Sendable, Equatable {
        public let singular: String
        public let plural: String

        public init(_ singular: String, _ plural: String) {
            self.singular = singular
            self.plural = plural
        }

        public func form(for count: Int64) -> String { count == 1 ? singular : plural }
    }

    public static let record = Noun("Datensatz", "Datensätze")
    public static let checkedRecord = Noun("geprüfter Datensatz", "geprüfte Datensätze")
    public static let package = Noun("Paket", "Pakete")
    public static let day = Noun("Tag", "Tage")
    public static let month = Noun("Monat", "Monate")
    public static let year = Noun("Jahr", "Jahre")
    public static let item = Noun("Posten", "Posten")
    public static let directDebit = Noun("Lastschrift", "Lastschriften")

    /// Units invoice lines carry as labels, so a stored label in either number is found.
    static let units = [record, package, day, month, year, item]

    /// `1 Paket`, `2 Pakete`, `12.345 Datensätze`.
    public static func count(_ count: Int64, _ noun: Noun) -> String {
        "\(GermanNumber.grouped(count)) \(noun.form(for: count))"
    }

    /// A quantity with the unit label of an invoice line (stored as
    /// "Pakete", "Monat" …) in the number the quantity needs; a label that
    /// is no known unit is printed as it is.
    public static func quantity(_ count: Int64, unitLabel label: String) -> String {
        guard let noun = units.first(where: { $0.singular == label || $0.plural == label }) else {
            return "\(GermanNumber.grouped(count)) \(label)"
        }
        return Self.count(count, noun)
    }

    /// `text` as a sentence: one final full stop, added only where the text
    /// does not already end in `.`, `!` or `?` (an abbreviation's point serves).
    public static func sentence(_ text: String) -> String {
        let trimmed = text.trimmingTrailingWhitespace
        guard let last = trimmed.last else { return trimmed }
        return ".!?".contains(last) ? trimmed : trimmed + "."
    }
}

private extension String {
    var trimmingTrailingWhitespace: String {
        var text = self
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }
}
