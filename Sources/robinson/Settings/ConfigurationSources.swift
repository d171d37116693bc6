import Foundation
import Yams

/// The configuration as written: the YAML file's keys (with line and column)
/// and the `ROBINSON_*` environment variables, checked against
/// ``SettingKey/all`` before anything reads them. An unknown key, a value of
/// the wrong type or out of range is a problem that names the file and line
/// (or the variable), the key and what is expected.
struct ConfigurationSources: Sendable {
    /// Where a value came from.
    enum Origin: Sendable, Equatable {
        case file(path: String, line: Int, column: Int)
        case environment(String)

        var description: String {
            switch self {
            case .file(let path, let line, let column): "\(path), line \(line), column \(column)"
            case .environment(let name): "environment variable \(name)"
            }
        }
    }

    struct Value: Sendable {
        /// The value as YAML text (a scalar, or a flow list).
        let text: String
        let origin: Origin
    }

    let file: String?
    /// The values set, by key; the environment wins over the file.
    private(set) var values: [String: Value] = [:]
    /// Everything wrong, one line each.
    private(set) var problems: [String] = []

    /// `ROBINSON_*` variables that are not configuration keys.
    static let otherVariables: Set<String> = [
        "ROBINSON_ROOT", "ROBINSON_CONFIG", "ROBINSON_NOW", "ROBINSON_FAULT",
        // Read by the test suite only.
        "ROBINSON_BIN", "ROBINSON_FACTURX_XSD",
    ]

    init(file: String?, environment: [String: String]) {
        self.file = file
        if let file { readFile(file) }
        readEnvironment(environment)
    }

    func origin(of key: String) -> Origin? { values[key]?.origin }

    /// "file F, line L, column C: key …" or "environment variable V: …", for a problem found later.
    func locate(_ key: String) -> String {
        values[key].map { $0.origin.description + ": " } ?? ""
    }

    // MARK: - The YAML file

    private mutating func readFile(_ path: String) {
        guard let data = FileManager.default.contents(atPath: path) else {
            problems.append("configuration file \(path) not found or not readable")
            return
        }
        guard let text = String(data: data, encoding: .utf8) else {
            problems.append("configuration file \(path) is not UTF-8 text")
            return
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            problems.append("\(path)\(Self.location(of: error)): not valid YAML: \(Self.problem(of: error))")
            return
        } catch {
            problems.append("configuration file \(path): not valid YAML: \(error)")
            return
        }
        guard let root else { return }  // an empty file sets nothing
        guard case .mapping(let mapping) = root else {
            problems.append("configuration file \(path), line \(root.mark?.line ?? 1): the top level must be keys like inbox: or billing:")
            return
        }
        readMapping(mapping, prefix: "", path: path)
    }

    private mutating func readMapping(_ mapping: Node.Mapping, prefix: String, path: String) {
        for (keyNode, valueNode) in mapping {
            let mark = keyNode.mark ?? valueNode.mark
            let origin = Origin.file(path: path, line: mark?.line ?? 0, column: mark?.column ?? 0)
            guard let part = keyNode.string else {
                problems.append("\(origin.description): a key must be a word")
                continue
            }
            let name = prefix + part
            if let key = SettingKey.named(name) {
                readValue(valueNode, for: key, origin: origin)
            } else if SettingKey.all.contains(where: { $0.name.hasPrefix(name + ".") }) {
                // A section whose keys are all commented out is empty.
                if case .scalar(let scalar) = valueNode, scalar.string.isEmpty { continue }
                guard case .mapping(let inner) = valueNode else {
                    let children = SettingKey.all.filter { $0.name.hasPrefix(name + ".") }.prefix(2).map(\.name)
                    problems.append("\(origin.description): \(name) must be a section with keys like \(children.joined(separator: ", "))")
                    continue
                }
                readMapping(inner, prefix: name + ".", path: path)
            } else {
                problems.append("\(origin.description): unknown key \(name)" + Self.didYouMean(SettingKey.suggestions(for: name)))
            }
        }
    }

    private mutating func readValue(_ node: Node, for key: SettingKey, origin: Origin) {
        switch (key.kind, node) {
        case (.list, .sequence(let sequence)):
            var items: [String] = []
            for item in sequence {
                guard case .scalar(let scalar) = item else {
                    problems.append("\(origin.description): \(key.name) must be \(key.expectation); an item is not a single value")
                    return
                }
                items.append(scalar.string)
            }
            values[key.name] = Value(text: SettingKey.list(items), origin: origin)
        case (.list, .scalar(let scalar)) where scalar.string.isEmpty || scalar.tag.description.hasSuffix(":null"):
            values[key.name] = Value(text: "[]", origin: origin)
        case (.list, _):
            problems.append("\(origin.description): \(key.name) must be \(key.expectation)")
        case (_, .scalar(let scalar)):
            if let problem = key.problem(with: scalar.string) {
                problems.append("\(origin.description): \(key.name) \(problem)")
            } else {
                values[key.name] = Value(text: scalar.string, origin: origin)
            }
        default:
            problems.append("\(origin.description): \(key.name) must be \(key.expectation), not a list or section")
        }
    }

    // MARK: - The environment

    private mutating func readEnvironment(_ environment: [String: String]) {
        let keys = Dictionary(uniqueKeysWithValues: SettingKey.all.map { ($0.environmentVariable, $0) })
        for (variable, text) in environment.sorted(by: { $0.key < $1.key }) where variable.hasPrefix("ROBINSON_") {
            if Self.otherVariables.contains(variable) { continue }
            let origin = Origin.environment(variable)
            guard let key = keys[variable] else {
                problems.append("\(origin.description) is not a configuration key" + Self.didYouMean(SettingKey.suggestions(for: variable, among: Array(keys.keys))))
                continue
            }
            if case .list = key.kind {
                let items = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                values[key.name] = Value(text: SettingKey.list(items), origin: origin)
            } else if let problem = key.problem(with: text) {
                problems.append("\(origin.description) (\(key.name)) \(problem)")
            } else {
                values[key.name] = Value(text: text, origin: origin)
            }
        }
    }

    // MARK: - Messages

    private static func didYouMean(_ suggestions: [String]) -> String {
        suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: " or "))?"
    }

    private static func location(of error: YamlError) -> String {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            ", line \(mark.line), column \(mark.column)"
        default:
            ""
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _), .composer(let context, let problem, _, _):
            [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        case .duplicatedKeysInMapping(let duplicates, _):
            "duplicate keys \(duplicates.joined(separator: ", "))"
        default:
            "\(error)"
        }
    }
}
