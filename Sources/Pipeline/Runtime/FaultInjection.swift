import Formats

/// The pipeline's fault points: `ROBINSON_FAULT=after:<stage>` ends the
/// process right after the stage was recorded, `before-record:<stage>` after
/// its files were written but before it was recorded.
extension FaultInjection {
    static func after(_ stage: Stage) { trip("after:\(stage.rawValue)") }
    static func beforeRecord(_ stage: Stage) { trip("before-record:\(stage.rawValue)") }
}
