import ArgumentParser
import Foundation

/// A moment on the command line: ISO 8601 with offset (`2026-11-23T07:00:00+01:00`)
/// or a day (`2026-11-23`, midnight in Berlin). Anything else is a usage error.
struct Moment: ExpressibleByArgument, Sendable {
    let date: Date

    init?(argument: String) {
        guard let date = ISO8601.parse(argument) else { return nil }
        self.date = date
    }

    var defaultValueDescription: String { "" }
}
