import Formats
import Foundation
import Logging
import Pipeline

/// `-v` log lines on stderr with the time as every listing shows it (Europe/Berlin
/// with its offset): `2026-11-23T09:00:00+01:00 info robinson: claimed … job=…`.
struct BerlinLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var all = metadata
        if let extra = event.metadata { all.merge(extra) { $1 } }
        let fields = all.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
        let message = ErrorLine.oneLine("\(event.message)\(fields)")
        StandardError.write("\(BerlinCalendar.timestamp(Date())) \(event.level) \(label): \(message)\n")
    }
}
