import Foundation

/// Metrics in the Prometheus text exposition format (version 0.0.4), as
/// node_exporter's textfile collector reads them.
struct PrometheusText {
    struct Sample {
        var labels: [(String, String)] = []
        var value: Double
    }

    struct Family {
        enum Kind: String { case gauge, counter }
        let name: String
        let kind: Kind
        let help: String
        var samples: [Sample]
    }

    var families: [Family] = []

    mutating func add(_ name: String, _ kind: Family.Kind, _ help: String, _ samples: [Sample]) {
        families.append(Family(name: name, kind: kind, help: help, samples: samples))
    }

    mutating func add(_ name: String, _ kind: Family.Kind, _ help: String, value: Double) {
        add(name, kind, help, [Sample(value: value)])
    }

    var text: String {
        var out = ""
        for family in families {
            out += "# HELP \(family.name) \(Self.escapeHelp(family.help))\n"
            out += "# TYPE \(family.name) \(family.kind.rawValue)\n"
            for sample in family.samples {
                let labels = sample.labels.isEmpty ? ""
                    : "{" + sample.labels.map { "\($0.0)=\"\(Self.escapeLabel($0.1))\"" }.joined(separator: ",") + "}"
                out += "\(family.name)\(labels) \(Self.format(sample.value))\n"
            }
        }
        return out
    }

    static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// Label values: backslash, double quote and line feed escaped.
    static func escapeLabel(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n")
    }

    /// HELP text: backslash and line feed escaped.
    static func escapeHelp(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }
}
