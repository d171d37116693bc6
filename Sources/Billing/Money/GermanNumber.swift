/// Whole numbers the German way, with a dot every three digits: `12.345`.
public enum GermanNumber {
    public static func grouped(_ value: Int64) -> String {
        (value < 0 ? "-" : "") + grouped(magnitude: value.magnitude)
    }

    /// Works on the magnitude, so `Int64.min` needs no negation.
    static func grouped(magnitude value: UInt64) -> String {
        let digits = Array(String(value))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text += "." }
            text.append(digit)
        }
        return text
    }
}
