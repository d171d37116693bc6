import ArgumentParser
import Foundation
import Pipeline

struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show the effective configuration, or write an example file with every key.",
        subcommands: [ConfigShowCommand.self, ConfigExampleCommand.self]
    )
}

struct ConfigShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Every configuration key with its effective value and where it came from.",
        discussion: """
        source is default, file (with line and column) or environment (with the variable). \
        Credentials in URLs (user:password@) are masked. The configuration is checked first: \
        an unknown key or a wrong value is an error naming the file and line or the variable.
        """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOption

    func run() async throws {
        try await reporting {
            let context = try await CommandContext(global)
            var table = Listing.Table("keys", columns: ["key", "value", "source", "origin", "default", "environmentVariable"],
                                      tableColumns: ["key", "source", "origin", "value"])
            for key in SettingKey.all {
                // A default that depends on the root (the key file, the rule folder) is shown resolved.
                let computed = key.defaultIsComputed ? key.defaultValue?.replacingOccurrences(of: "<root>", with: context.root.path) : nil
                let value = (key.effective(context.settings, context.billingSettings) ?? computed).map(Secrets.masked)
                let (source, origin): (String, String?) = switch context.sources.origin(of: key.name) {
                case .file(let path, let line, let column): ("file", "\(path):\(line):\(column)")
                case .environment(let variable): ("environment", variable)
                case nil: ("default", nil)
                }
                table.append([.text(key.name), Cell(value), .text(source), Cell(origin), Cell(key.defaultValue), .text(key.environmentVariable)])
            }
            let file = Listing.Record("configuration", [("file", Cell(context.sources.file)), ("root", .text(context.root.path))])
            Listing("config", .record(file), .table(table)).print(output.format)
        }
    }
}

struct ConfigExampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "example",
        abstract: "Print an example configuration file: every key, its default and what it means.",
        discussion: "Jobs/robinson.yaml.example is this output; keys without a default are commented out."
    )

    func run() throws {
        print(ConfigurationExample.text, terminator: "")
    }
}

/// Masks what must not be shown: the password part of `scheme://user:password@host`.
enum Secrets {
    static func masked(_ value: String) -> String {
        value.replacingOccurrences(of: #"(://[^/@\s:]*):[^/@\s]*@"#, with: "$1:***@", options: .regularExpression)
    }
}

/// The example configuration: sections in key order, each key with its
/// default (or commented out when it has none) and its meaning.
enum ConfigurationExample {
    static var text: String {
        var out = """
        # Robinson configuration: every key with its default (robinson config example).
        # Copy to /etc/robinson/robinson.yaml, fill in seller.* and datev.* for billing,
        # and change what differs. ROBINSON_<KEY> environment variables override this
        # file (inbox.settleSeconds <- ROBINSON_INBOX_SETTLE_SECONDS). An unknown key or
        # a wrong value is an error naming the line; `robinson config show` prints the
        # effective values and where they came from.

        """
        var openSections: [String] = []
        for key in SettingKey.all {
            let parts = key.name.split(separator: ".").map(String.init)
            let sections = Array(parts.dropLast())
            var common = 0
            while common < min(sections.count, openSections.count), sections[common] == openSections[common] { common += 1 }
            for depth in common..<sections.count {
                if depth == 0 { out += "\n" }
                out += String(repeating: "  ", count: depth) + sections[depth] + ":\n"
            }
            openSections = sections
            let indent = String(repeating: "  ", count: sections.count)
            out += "\(indent)# \(key.summary)\n"
            if let value = key.defaultValue, !key.defaultIsComputed {
                out += "\(indent)\(parts.last!): \(value.isEmpty ? "\"\"" : value)\n"
            } else {
                out += "\(indent)# \(parts.last!):\(key.defaultValue.map { " (default: \($0))" } ?? "")\n"
            }
        }
        return out
    }
}
