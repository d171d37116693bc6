/// Greedy word wrapping against a measured width. `\n` forces a break; a
/// single word wider than the column stays whole on its own line.
struct LineBreaking {
    let measure: (String) -> Double

    func lines(_ text: String, width: Double) -> [String] {
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                let candidate = line.isEmpty ? String(word) : line + " " + word
                if line.isEmpty || measure(candidate) <= width {
                    line = candidate
                } else {
                    result.append(line)
                    line = String(word)
                }
            }
            result.append(line)
        }
        return result
    }
}
