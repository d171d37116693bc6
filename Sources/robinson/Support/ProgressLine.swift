import Formats
import Foundation
import Synchronization

/// A progress line on stderr (rows, rows/s, ETA) for long commands, a few
/// times a second; prints nothing when stderr is not a terminal (cron).
final class ProgressLine: Sendable {
    private struct State {
        var lastPrint: UInt64 = 0
        var printed = false
    }

    private let label: String
    private let start = DispatchTime.now().uptimeNanoseconds
    private let state = Mutex(State())
    let enabled: Bool

    init(label: String) {
        self.label = label
        enabled = isatty(STDERR_FILENO) == 1
    }

    func update(done: Int, total: Int?) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        let shouldPrint = state.withLock { state -> Bool in
            guard now - state.lastPrint > 250_000_000 else { return false }
            state.lastPrint = now
            state.printed = true
            return true
        }
        guard shouldPrint else { return }
        let elapsedMs = max(1, (now - start) / 1_000_000)
        let rate = Int(UInt64(done) * 1000 / elapsedMs)
        var line = "\r\(label): \(done) rows, \(rate) rows/s"
        if let total, total > 0, rate > 0 {
            line += ", ETA \(max(0, total - done) / rate) s"
        }
        StandardError.write(line + "   ")
    }

    func finish() {
        guard enabled, state.withLock({ $0.printed }) else { return }
        StandardError.write("\r\u{1B}[K")
    }
}
