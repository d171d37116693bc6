import Foundation

/// `;`-separated lines as the evaluation and benchmark files use them
/// (RFC 4180 quoting, so a field may hold `;` or `"`).
public enum CSVLine {
    /// The fields joined by `;`, each quoted only when it must be.
    public static func join(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ";")
    }

    static func quoted(_ field: String) -> String {
        // Bytes, not characters: this runs for every field of a benchmark file.
        guard field.utf8.contains(where: { $0 == 0x3B || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Splits one line (without its terminator) into fields, undoing the quoting.
    public static func split(_ line: Substring) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            index = line.index(after: index)
            if quoted {
                if character == "\"" {
                    if index < line.endIndex, line[index] == "\"" {
                        field.append("\"")
                        index = line.index(after: index)
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == ";" {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
        }
        fields.append(field)
        return fields
    }
}
