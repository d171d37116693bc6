import Formats

/// Text from the state database made safe inside HTML text and quoted
/// attribute values. File names, customer names and reasons come from outside:
/// `<`, `>`, `&`, `"` and `'` become character references, and control
/// characters and bidirectional marks become visible escapes (as on a
/// terminal), so a name can neither add markup nor reorder what follows it.
enum HTMLText {
    static func escaped(_ text: String) -> String {
        var out = ""
        for character in TerminalText.escaped(text) {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
