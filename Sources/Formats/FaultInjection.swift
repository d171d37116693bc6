import Foundation

/// Crash simulation for tests: `ROBINSON_FAULT=<point>` ends the process at
/// that point with `_exit`, which skips all cleanup as a power cut would.
/// `ROBINSON_FAULT=pause:<point>:<seconds>` sleeps there instead, so a test
/// can act while a command is half-way. Does nothing when the variable is unset.
public enum FaultInjection {
    static let spec = ProcessInfo.processInfo.environment["ROBINSON_FAULT"]

    /// Ends the process when `ROBINSON_FAULT` names `point` exactly.
    public static func trip(_ point: String) {
        guard spec == point else { return }
        StandardError.write("robinson: fault injected at \(point)\n")
        _exit(75)
    }

    /// Sleeps when `ROBINSON_FAULT=pause:<point>:<seconds>`.
    public static func pause(_ point: String) {
        guard let spec, spec.hasPrefix("pause:\(point):"), let seconds = UInt32(spec.dropFirst("pause:\(point):".count)) else { return }
        StandardError.write("robinson: pausing \(seconds) s at \(point)\n")
        sleep(seconds)
    }
}
