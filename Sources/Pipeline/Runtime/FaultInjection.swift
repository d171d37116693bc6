import Foundation

/// Crash simulation for tests: `ROBINSON_FAULT=after:<stage>` ends the process
/// right after the stage was recorded, `ROBINSON_FAULT=before-record:<stage>`
/// after its files were written but before it was recorded. `_exit` skips all
/// cleanup, as a power cut would.
enum FaultInjection {
    static let spec = ProcessInfo.processInfo.environment["ROBINSON_FAULT"]

    static func after(_ stage: Stage) { trip("after:\(stage.rawValue)") }
    static func beforeRecord(_ stage: Stage) { trip("before-record:\(stage.rawValue)") }

    private static func trip(_ point: String) {
        guard spec == point else { return }
        FileHandle.standardError.write(Data("robinson: fault injected at \(point)\n".utf8))
        _exit(75)
    }
}
