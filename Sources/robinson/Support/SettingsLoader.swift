import Configuration
import Foundation
import Matching
import Pipeline
import SystemPackage

/// Reads settings from the YAML file (if any) and `ROBINSON_*` environment
/// variables, which win: `inbox.settleSeconds` ← `ROBINSON_INBOX_SETTLE_SECONDS`.
enum SettingsLoader {
    static func load(file: String?) async throws -> PipelineSettings {
        var providers: [any ConfigProvider] = [
            KeyMappingProvider(upstream: EnvironmentVariablesProvider()) { key in
                AbsoluteConfigKey(["robinson"] + key.components)
            },
        ]
        if let file {
            guard FileManager.default.fileExists(atPath: file) else {
                throw CommandFailure("configuration file \(file) not found")
            }
            providers.append(try await FileProvider<YAMLSnapshot>(filePath: FilePath(file)))
        }
        let config = ConfigReader(providers: providers)
        var settings = PipelineSettings()
        settings.settleSeconds = try nonNegative(config.int(forKey: "inbox.settleSeconds", default: settings.settleSeconds), "inbox.settleSeconds")
        settings.holdDays = try positive(config.int(forKey: "retention.holdDays", default: settings.holdDays), "retention.holdDays")
        settings.workers = try positive(config.int(forKey: "matching.workers", default: settings.workers), "matching.workers")
        settings.keyFile = config.string(forKey: "matching.keyFile")
        let kinds = config.stringArray(forKey: "matching.hitKinds", default: settings.hitKinds.map(\.name).sorted())
        settings.hitKinds = Set(try kinds.map { name in
            guard let kind = KeyKind(name: name.trimmingCharacters(in: .whitespaces)) else {
                throw CommandFailure("matching.hitKinds: '\(name)' is not a key kind; use person, household, phonetic, phone, email")
            }
            return kind
        })
        settings.outputColumns.marker = config.string(forKey: "output.markerColumn", default: settings.outputColumns.marker)
        settings.outputColumns.lists = config.string(forKey: "output.listsColumn", default: settings.outputColumns.lists)
        settings.outputColumns.reason = config.string(forKey: "output.reasonColumn", default: settings.outputColumns.reason)
        settings.outputColumns.listSeparator = config.string(forKey: "output.listSeparator", default: settings.outputColumns.listSeparator)
        settings.sendmail = config.string(forKey: "notify.sendmail", default: settings.sendmail)
        settings.mailFrom = config.string(forKey: "notify.from", default: settings.mailFrom)
        settings.downloadLocation = config.string(forKey: "notify.downloadLocation", default: settings.downloadLocation)
        return settings
    }

    private static func positive(_ value: Int, _ key: String) throws -> Int {
        guard value > 0 else { throw CommandFailure("\(key) must be greater than 0, not \(value)") }
        return value
    }

    private static func nonNegative(_ value: Int, _ key: String) throws -> Int {
        guard value >= 0 else { throw CommandFailure("\(key) must not be negative, not \(value)") }
        return value
    }
}
