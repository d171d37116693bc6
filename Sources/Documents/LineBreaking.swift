/// Greedy word wrapping against a measured width. `\n` forces a break; a
/// word wider than the column (a long e-mail address, a compound noun) is
/// cut between characters, so that nothing runs into the next column or off
/// the page.
struct LineBreaking {
    let measure: (String) -> Double

    func lines(_ text: String, width: Double) -> [String] {
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                let candidate = line.isEmpty ? String(word) : line + " " + word
                if measure(candidate) <= width {
                    line = candidate
                    continue
                }
                if !line.isEmpty { result.append(line) }
                line = String(word)
                while measure(line) > width, let cut = longestFittingPrefix(of: line, width: width) {
                    result.append(String(line[..<cut]))
                    line = String(line[cut...])
                }
            }
            result.append(line)
        }
        return result
    }

    /// Where to cut `word` so that its first part fits; at least one
    /// character, so a column narrower than a letter still makes progress.
    /// Nil when the word is a single character.
    private func longestFittingPrefix(of word: String, width: Double) -> String.Index? {
        guard word.count > 1 else { return nil }
        // Binary search over the character count: measuring is the expensive part.
        var low = 1, high = word.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if measure(String(word.prefix(middle))) <= width { low = middle } else { high = middle - 1 }
        }
        return word.index(word.startIndex, offsetBy: low)
    }
}
