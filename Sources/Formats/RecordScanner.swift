import CFormats

/// The RFC 4180 record scanner behind ``RecordReader`` and ``DialectSniffer``.
///
/// Rules (lenient, as Excel reads):
/// - a field that starts with `"` is quoted: it may hold the delimiter, CR, LF
///   and `""` (one quote); the first lone `"` closes it;
/// - text between the closing quote and the next delimiter is kept as it is:
///   `"abc"x` reads as `abcx` and `"a"b"c` as `ab"c`;
/// - a `"` inside an unquoted field (`12" Rohr`) is an ordinary character;
/// - records end with CRLF, LF or a lone CR; line numbers count each of them,
///   inside quoted fields too.
struct RecordScanner {
    let delimiter: UInt8
    /// The scan's buffers, kept for the next scan (a reader scans every chunk
    /// with one scanner, on one thread).
    private let scratch = Scratch()

    init(delimiter: UInt8) { self.delimiter = delimiter }

    private final class Scratch {
        var records = SpanBuffer<RecordSpan>(capacity: 1 << 10)
        var fields = SpanBuffer<FieldSpan>(capacity: 1 << 13)

        deinit {
            records.release()
            fields.release()
        }
    }

    /// Why a scan stopped.
    enum Stop: Equatable {
        /// `maxRecords` records are in the arrays.
        case recordLimit
        /// The record at `position` needs bytes beyond the buffer; `quoteLine`
        /// is where a still-open quoted field began.
        case needMore(quoteLine: Int?)
        /// All input is consumed.
        case endOfInput
        /// The input ends inside a quoted field opened on `line`.
        case unbalancedQuote(line: Int)
    }

    /// Scans records from `position` in `bytes`, appending their spans, until
    /// `records` holds `maxRecords`, the buffer ends inside a record, or the
    /// input ends (`atEnd`: no bytes follow the buffer).
    ///
    /// On return `position` and `line` are at the start of the first record not
    /// scanned. `checkBOM`: `position` is the start of the file, so a UTF-8 BOM
    /// there is skipped (kept in the record, left out of its first field).
    func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, position: inout Int, line: inout Int, atEnd: Bool,
        checkBOM: Bool, maxRecords: Int, records: inout [RecordSpan], fields: inout [FieldSpan]
    ) -> Stop {
        // The spans go into plain buffers first and into the arrays once at the
        // end: an array append checks uniqueness and capacity per field.
        var newRecords = scratch.records, newFields = scratch.fields
        newRecords.truncate(to: 0)
        newFields.truncate(to: 0)
        defer {
            records.append(contentsOf: newRecords.buffer)
            fields.append(contentsOf: newFields.buffer)
            // Grown buffers are kept.
            scratch.records = newRecords
            scratch.fields = newFields
        }
        var checkBOM = checkBOM
        var ends = FieldEnds()
        while records.count + newRecords.count < maxRecords {
            if position == bytes.count { return atEnd ? .endOfInput : .needMore(quoteLine: nil) }
            let firstField = newFields.count
            let startLine = line
            if let stop = scanRecord(
                bytes, from: position, line: &line, atEnd: atEnd, checkBOM: checkBOM, ends: &ends, fieldBase: fields.count,
                records: &newRecords, fields: &newFields)
            {
                // Forget the partial record; it is scanned again with more bytes.
                newFields.truncate(to: firstField)
                line = startLine
                return stop
            }
            position = newRecords.last.end
            checkBOM = false
        }
        return .recordLimit
    }

    /// Appends the record at `start` to `records`, or says why it cannot yet.
    /// (Appending here rather than returning the span in an enum saves the
    /// compiler copying it piecewise through the stack.) `fieldBase`: the
    /// number of fields before those in `fields`.
    private func scanRecord(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, line: inout Int, atEnd: Bool,
        checkBOM: Bool, ends: inout FieldEnds, fieldBase: Int, records: inout SpanBuffer<RecordSpan>,
        fields: inout SpanBuffer<FieldSpan>
    ) -> Stop? {
        let p = bytes.baseAddress!
        let n = bytes.count
        let quote = ASCII.quote, lf = ASCII.lineFeed, cr = ASCII.carriageReturn
        let startLine = line
        let firstField = fields.count
        var i = start
        if checkBOM {
            if n - i >= 3 {
                if p[i] == 0xEF && p[i + 1] == 0xBB && p[i + 2] == 0xBF { i += 3 }
            } else if !atEnd {
                return .needMore(quoteLine: nil)
            }
        }
        while true {
            // At the start of a field.
            if i < n && p[i] == quote {
                let openLine = line
                var j = i + 1
                var close = -1
                while true {
                    j = Self.find(p, from: j, to: n, quote, lf, cr)
                    if j == n { break }
                    if p[j] == quote {
                        if j + 1 < n {
                            if p[j + 1] == quote { j += 2; continue }
                            close = j
                        } else if atEnd {
                            close = j
                        }
                        break
                    } else if p[j] == lf {
                        line += 1
                        j += 1
                    } else if j + 1 < n {
                        // CR: a CRLF pair is counted at its LF.
                        if p[j + 1] != lf { line += 1 }
                        j += 1
                    } else if atEnd {
                        line += 1
                        j += 1
                    } else {
                        break
                    }
                }
                if close < 0 {
                    return atEnd ? .unbalancedQuote(line: openLine) : .needMore(quoteLine: openLine)
                }
                let k = ends.next(p, from: close + 1, to: n, delimiter)
                if k == n && !atEnd { return .needMore(quoteLine: nil) }
                fields.append(FieldSpan(start: i + 1, end: k == close + 1 ? close : k, quoted: true))
                i = k
            } else {
                let k = ends.next(p, from: i, to: n, delimiter)
                if k == n && !atEnd { return .needMore(quoteLine: nil) }
                fields.append(FieldSpan(start: i, end: k, quoted: false))
                i = k
            }
            // At the delimiter, a line end, or the end of the input.
            if i == n {
                records.append(RecordSpan(
                    start: start, contentEnd: n, end: n, line: startLine,
                    firstField: fieldBase + firstField, fieldCount: fields.count - firstField))
                return nil
            }
            if p[i] == delimiter {
                i += 1
                continue
            }
            var end = i + 1
            if p[i] == cr {
                if i + 1 < n {
                    if p[i + 1] == lf { end = i + 2 }
                } else if !atEnd {
                    return .needMore(quoteLine: nil)
                }
            }
            line += 1
            records.append(RecordSpan(
                start: start, contentEnd: i, end: end, line: startLine,
                firstField: fieldBase + firstField, fieldCount: fields.count - firstField))
            return nil
        }
    }

    /// Finds where unquoted fields end (the delimiter, LF or CR) 64 bytes at a
    /// time: the mask of a block is computed once and serves all its fields, so
    /// a field costs a bit scan instead of a search whose exit depends on its length.
    struct FieldEnds {
        /// Start of the block in `mask`; bit k of `mask` is the byte at `base + k`.
        private var base = 0
        private var mask: UInt64 = 0
        private var valid = false

        /// Index of the first delimiter, LF or CR in `p[from..<to]`, or `to`
        /// (as `find` with those three). `from` never decreases between calls
        /// on the same buffer.
        @inline(__always)
        mutating func next(_ p: UnsafePointer<UInt8>, from: Int, to: Int, _ delimiter: UInt8) -> Int {
            var i = from
            while true {
                if valid && UInt(bitPattern: i &- base) < 64 {
                    let bits = mask >> UInt64(i &- base)
                    if bits != 0 { return i &+ bits.trailingZeroBitCount }
                    i = base &+ 64
                }
                // The last bytes of the buffer are searched without a block.
                guard i &+ 64 <= to else {
                    valid = false
                    return RecordScanner.find(p, from: i, to: to, delimiter, ASCII.lineFeed, ASCII.carriageReturn)
                }
                base = i
                mask = robinson_field_ends(p + i, delimiter)
                valid = true
            }
        }
    }

    /// Index of the first of `a`, `b`, `c` in `p[from..<to]`, or `to`.
    /// Looks at eight bytes at a time; in a word that holds one, the lowest
    /// marked byte is the first (little-endian loads).
    @inline(__always)
    static func find(_ p: UnsafePointer<UInt8>, from: Int, to: Int, _ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let patternA = ones &* UInt64(a), patternB = ones &* UInt64(b), patternC = ones &* UInt64(c)
        var i = from
        let raw = UnsafeRawPointer(p)
        while i + 8 <= to {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            let marks = zeroBytes(word ^ patternA) | zeroBytes(word ^ patternB) | zeroBytes(word ^ patternC)
            if marks != 0 { return i + marks.trailingZeroBitCount / 8 }
            i += 8
        }
        while i < to {
            let byte = p[i]
            if byte == a || byte == b || byte == c { return i }
            i += 1
        }
        return to
    }

    /// The high bit of each zero byte of `word` is set. A borrow can also mark
    /// a byte above a zero byte, never one below, so the lowest mark is exact.
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
    }
}

/// A growable run of spans in memory of its own, for the scanner's loop.
struct SpanBuffer<Element> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private(set) var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        base = .allocate(capacity: self.capacity)
    }

    func release() { base.deallocate() }

    var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }
    var last: Element { base[count - 1] }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    /// Keeps the first `length` elements (plain values: nothing to deinitialize).
    mutating func truncate(to length: Int) { count = length }

    private mutating func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }
}
