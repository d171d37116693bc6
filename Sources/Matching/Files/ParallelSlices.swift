import Foundation

/// Runs `body` over `count` items split into contiguous slices, one per
/// worker, and returns each slice's output in order, so parallel work keeps
/// the input's order.
enum ParallelSlices {
    /// `body` gets the slice number (below `workers`) and its range; a slice
    /// number is used by one thread at a time, so per-worker state may hang on it.
    static func map<T: Sendable>(count: Int, workers: Int, _ body: @Sendable (Int, Range<Int>) -> T) -> [T] {
        let slices = max(1, min(workers, count / 256 + 1))
        if slices == 1 { return [body(0, 0..<count)] }
        let results = SliceResults<T>(count: slices)
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            let lower = count * slice / slices
            let upper = count * (slice + 1) / slices
            results.set(slice, body(slice, lower..<upper))
        }
        return results.values
    }
}

/// One slot per slice; each slot is written by exactly one worker, and read
/// only after `concurrentPerform` returned.
private final class SliceResults<T>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func set(_ index: Int, _ value: T) { slots[index] = value }
    var values: [T] { UnsafeBufferPointer(start: slots, count: count).map { $0! } }
}
