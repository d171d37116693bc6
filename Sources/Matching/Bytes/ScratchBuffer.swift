/// A growable buffer of plain values in memory its owner allocates once and
/// frees in its `deinit` (`release()`): the hot loops append and clear it per
/// field without the uniqueness checks and reference counting of `Array`.
/// Not copyable in spirit: copies share the memory, so only the owner holds one.
///
/// `padding` elements more than the capacity are allocated, so that word-wide
/// readers may read a little past the last element (the key hash copies key
/// parts 32 bytes at a time, see `robinson_siphash24_parts`).
struct ScratchBuffer<Element>: RandomAccessCollection, MutableCollection {
    static var padding: Int { 32 }
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 16)
        base = .allocate(capacity: self.capacity + Self.padding)
    }

    /// Frees the memory; the buffer must not be used afterwards.
    func release() { base.deallocate() }

    var startIndex: Int { 0 }
    var endIndex: Int { count }
    var isEmpty: Bool { count == 0 }
    var last: Element? { count > 0 ? base[count - 1] : nil }
    var first: Element? { count > 0 ? base[0] : nil }
    var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }
    var indices: Range<Int> { 0..<count }

    /// `self[range]` as a buffer (valid until the next append).
    @inline(__always)
    func slice(_ range: Range<Int>) -> UnsafeBufferPointer<Element> {
        UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
    }

    subscript(index: Int) -> Element {
        @inline(__always) get { base[index] }
        @inline(__always) set { base[index] = newValue }
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow(count + 1) }
        (base + count).initialize(to: element)
        count += 1
    }

    @inline(__always)
    mutating func append(contentsOf elements: UnsafeBufferPointer<Element>) {
        if count + elements.count > capacity { grow(count + elements.count) }
        if let source = elements.baseAddress { (base + count).initialize(from: source, count: elements.count) }
        count += elements.count
    }

    /// Appends `self[range]` (a range of this buffer).
    @inline(__always)
    mutating func append(from range: Range<Int>) {
        if count + range.count > capacity { grow(count + range.count) }
        for index in range { base[count + index - range.lowerBound] = base[index] }
        count += range.count
    }

    /// Appends what `body` writes straight into the buffer's memory, at most
    /// `maxCount` elements; `body` returns how many it wrote. The hot loops
    /// then keep their position in a register instead of checking the
    /// capacity and storing the count per element.
    @inline(__always)
    mutating func append(upTo maxCount: Int, _ body: (UnsafeMutablePointer<Element>) -> Int) {
        append(upTo: maxCount) { (target, written: inout Int) in written = body(target) }
    }

    /// `append(upTo:_:)` for a body that also gives a result: it sets `written`.
    @inline(__always)
    mutating func append<Result>(upTo maxCount: Int, _ body: (UnsafeMutablePointer<Element>, inout Int) -> Result) -> Result {
        reserve(maxCount)
        var written = 0
        let result = body(base + count, &written)
        precondition(written >= 0 && written <= maxCount, "wrote past the reserved room")
        count += written
        return result
    }

    mutating func append(contentsOf elements: some Sequence<Element>) {
        for element in elements { append(element) }
    }

    /// Makes room for `n` more elements without appending them.
    @inline(__always)
    mutating func reserve(_ n: Int) {
        if count + n > capacity { grow(count + n) }
    }

    @inline(__always) mutating func removeAll() { count = 0 }
    @inline(__always) mutating func removeLast() { count -= 1 }
    /// Keeps the first `length` elements.
    @inline(__always) mutating func truncate(to length: Int) { count = length }

    mutating func removeFirst(_ n: Int) {
        let stride = MemoryLayout<Element>.stride
        UnsafeMutableRawPointer(base).copyMemory(from: base + n, byteCount: (count - n) * stride)
        count -= n
    }

    mutating func remove(at index: Int) {
        let stride = MemoryLayout<Element>.stride
        UnsafeMutableRawPointer(base + index).copyMemory(from: base + index + 1, byteCount: (count - index - 1) * stride)
        count -= 1
    }

    private mutating func grow(_ needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity + Self.padding)
        larger.initialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity = newCapacity
    }
}

extension ScratchBuffer where Element == UInt8 {
    /// Appends bytes (usually a few) with `copy`.
    @inline(__always)
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        reserve(bytes.count)
        if let source = bytes.baseAddress { Self.copy(source, to: base + count, count: bytes.count) }
        count += bytes.count
    }

    /// Copies a few bytes (a key part) without a call into `memmove`: eight at a time, then the rest.
    @inline(__always)
    static func copy(_ source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>, count: Int) {
        var k = 0
        let from = UnsafeRawPointer(source), to = UnsafeMutableRawPointer(target)
        while k + 8 <= count {
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: k, as: UInt64.self), toByteOffset: k, as: UInt64.self)
            k += 8
        }
        if k + 4 <= count {
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: k, as: UInt32.self), toByteOffset: k, as: UInt32.self)
            k += 4
        }
        if k + 2 <= count {
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: k, as: UInt16.self), toByteOffset: k, as: UInt16.self)
            k += 2
        }
        if k < count { target[k] = source[k] }
    }
}

extension ScratchBuffer {
    @inline(__always)
    func withBuffer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        try body(buffer)
    }
}
