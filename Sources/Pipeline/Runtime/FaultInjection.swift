import Foundation

/// Crash simulation for tests: `ROBINSON_FAULT=after:<stage>` ends the process
/// right after the stage was recorded, `ROBINSON_FAULT=before-record:<stage>`
/// after its files were written but before it was recorded. `_exit` skips all
/// cleanup, as a power cut would. `ROBINSON_FAULT=pause:<point>:<seconds>`
/// sleeps there instead, so a test can act while a command is half-way.
enum FaultInjection {
    static let spec = ProcessInfo.processInfo.environment["ROBINSON_FAULT"]

    static func after(_ stage: Stage) { trip("after:\(stage.rawValue)") }
    static func beforeRecord(_ stage: Stage) { trip("before-record:\(stage.rawValue)") }

    /// Sleeps when `ROBINSON_FAULT=pause:<point>:<seconds>`.
    static func pause(_ point: String) {
        guard let spec, spec.hasPrefix("pause:\(point):"), let seconds = UInt32(spec.dropFirst("pause:\(point):".count)) else { return }
        FileHandle.standardError.write(Data("robinson: pausing \(seconds) s at \(point)\n".utf8))
        sleep(seconds)
    }

    private static func trip(_ point: String) {
        guard spec == point else { return }
        FileHandle.standardError.write(Data("robinson: fault injected at \(point)\n".utf8))
        _exit(75)
    }
}
