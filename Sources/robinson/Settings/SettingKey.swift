import Billing
import Foundation
import Pipeline

/// One configuration key: its type and allowed values, its default, what it
/// means, and how to read its effective value back from the settings. The
/// list of keys (``SettingKey/all``) is what the configuration is checked
/// against, what `config show` prints and what `config example` writes; a
/// test checks docs/configuration.md and `Jobs/robinson.yaml.example` against it.
struct SettingKey: Sendable {
    enum Kind: Sendable {
        /// A whole number in `range`.
        case integer(ClosedRange<Int>)
        case boolean
        case text
        /// A YAML list; in an environment variable comma-separated.
        case list
        /// An amount in euros, `8,00` or `8.00`.
        case money
        /// One of these words.
        case choice([String])
    }

    let name: String
    let kind: Kind
    /// The default as written in YAML; nil when there is none (optional, or
    /// required only by the command that uses it).
    let defaultValue: String?
    /// The default depends on the machine or the root (shown, never compared).
    var defaultIsComputed = false
    let summary: String
    /// The effective value as YAML text, read back from the settings; nil when unset.
    let effective: @Sendable (PipelineSettings, BillingSettings) -> String?

    /// `ROBINSON_` and the key in upper snake case: `inbox.settleSeconds` → `ROBINSON_INBOX_SETTLE_SECONDS`.
    var environmentVariable: String {
        var out = "ROBINSON_"
        var previous: Character?
        for character in name {
            if character == "." {
                out += "_"
            } else {
                if character.isUppercase, let previous, previous.isLowercase || previous.isNumber { out += "_" }
                out += character.uppercased()
            }
            previous = character
        }
        return out
    }

    /// What the kind expects, for error messages.
    var expectation: String {
        switch kind {
        case .integer(let range):
            range.upperBound == Int.max ? "a whole number \(range.lowerBound) or more" : "a whole number from \(range.lowerBound) to \(range.upperBound)"
        case .boolean: "true or false"
        case .text: "a text"
        case .list: "a list like [a, b] (in an environment variable: a,b)"
        case .money: "an amount like 8,00"
        case .choice(let words): "one of " + words.joined(separator: ", ")
        }
    }

    /// Nil when `text` (one scalar) is a valid value, else what is wrong.
    func problem(with text: String) -> String? {
        let value = text.trimmingCharacters(in: .whitespaces)
        switch kind {
        case .integer(let range):
            guard let number = Int(value), range.contains(number) else { return "must be \(expectation), not '\(text)'" }
        case .boolean:
            guard ["true", "false"].contains(value.lowercased()) else { return "must be \(expectation), not '\(text)'" }
        case .money:
            guard (try? Money(parsing: value)) != nil else { return "must be \(expectation), not '\(text)'" }
        case .choice(let words):
            guard words.contains(value) else { return "must be \(expectation), not '\(text)'" }
        case .text, .list:
            break
        }
        return nil
    }

    static func named(_ name: String) -> SettingKey? { byName[name] }
    private static let byName = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// The key names closest to `name` (a typo), best first.
    static func suggestions(for name: String, among names: [String] = all.map(\.name)) -> [String] {
        let scored = names.map { ($0, editDistance(name.lowercased(), $0.lowercased())) }.filter { $0.1 <= max(2, name.count / 4) }
        return scored.sorted { $0.1 < $1.1 }.prefix(2).map(\.0)
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }
}
