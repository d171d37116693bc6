/// The byte order of a UTF-16 file (Excel's "Unicode text" is little-endian
/// with a byte order mark, usually tab-separated).
///
/// Such a file is read as UTF-8 (``UTF16Source``), so the byte-level CSV
/// reader, the keys and the marker writer work on it unchanged, and written
/// back as UTF-16 (``UTF16Sink``). Valid UTF-16 survives the round trip byte
/// for byte, BOM included; an unpaired surrogate is refused.
public enum UTF16Form: String, Sendable, Codable {
    case littleEndian
    case bigEndian

    /// The form a byte order mark at the start of `bytes` announces; nil
    /// without one, and for UTF-32's `FF FE 00 00`.
    public init?(byteOrderMark bytes: some Collection<UInt8>) {
        let head = Array(bytes.prefix(4))
        if head.starts(with: [0xFF, 0xFE]), head != [0xFF, 0xFE, 0x00, 0x00] {
            self = .littleEndian
        } else if head.starts(with: [0xFE, 0xFF]) {
            self = .bigEndian
        } else {
            return nil
        }
    }

    /// The name in messages.
    public var name: String { self == .littleEndian ? "UTF-16 LE" : "UTF-16 BE" }

    func unit(_ first: UInt8, _ second: UInt8) -> UInt16 {
        self == .littleEndian ? UInt16(first) | UInt16(second) << 8 : UInt16(first) << 8 | UInt16(second)
    }

    func append(_ unit: UInt16, to bytes: inout [UInt8]) {
        let low = UInt8(truncatingIfNeeded: unit), high = UInt8(truncatingIfNeeded: unit >> 8)
        if self == .littleEndian { bytes.append(low); bytes.append(high) } else { bytes.append(high); bytes.append(low) }
    }
}

/// Decodes UTF-16 bytes to UTF-8 incrementally, counting lines for messages.
struct UTF16Decoder {
    let form: UTF16Form
    /// Bytes of the input consumed so far.
    private(set) var offset = 0
    /// 1-based line of the last decoded unit (LF, CR LF and lone CR end a line).
    private(set) var line = 1
    private var pendingHigh: UInt16?
    private var lastWasCR = false

    init(form: UTF16Form) { self.form = form }

    enum Failure: Error {
        case unpairedSurrogate(offset: Int, line: Int)
        case truncated(offset: Int, line: Int)

        func inputError(path: String) -> InputError {
            switch self {
            case .unpairedSurrogate(let offset, let line), .truncated(let offset, let line):
                .undecodableBytes(path: path, line: line, offset: offset)
            }
        }
    }

    /// Decodes the complete code units of `bytes` into `out`; returns how many
    /// bytes were used (an odd last byte is left for the next call).
    mutating func decode(_ bytes: UnsafeRawBufferPointer, into out: inout [UInt8]) throws(Failure) -> Int {
        var index = 0
        while index + 1 < bytes.count {
            let unit = form.unit(bytes[index], bytes[index + 1])
            let unitOffset = offset + index
            index += 2
            if let high = pendingHigh {
                guard (0xDC00...0xDFFF).contains(unit) else { throw .unpairedSurrogate(offset: unitOffset - 2, line: line) }
                pendingHigh = nil
                let scalar = 0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(unit - 0xDC00)
                appendUTF8(scalar, to: &out)
                continue
            }
            switch unit {
            case 0xD800...0xDBFF:
                pendingHigh = unit
            case 0xDC00...0xDFFF:
                throw .unpairedSurrogate(offset: unitOffset, line: line)
            default:
                if unit == 0x0A { if !lastWasCR { line += 1 } } else if unit == 0x0D { line += 1 }
                lastWasCR = unit == 0x0D
                appendUTF8(UInt32(unit), to: &out)
            }
        }
        offset += index
        return index
    }

    /// Checks that the input ended between characters.
    func finish(leftover: Int) throws(Failure) {
        if pendingHigh != nil { throw .unpairedSurrogate(offset: offset - 2, line: line) }
        if leftover > 0 { throw .truncated(offset: offset, line: line) }
    }

    private func appendUTF8(_ value: UInt32, to out: inout [UInt8]) {
        switch value {
        case 0..<0x80:
            out.append(UInt8(value))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | value >> 6)); out.append(UInt8(0x80 | value & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | value >> 12)); out.append(UInt8(0x80 | (value >> 6) & 0x3F)); out.append(UInt8(0x80 | value & 0x3F))
        default:
            out.append(UInt8(0xF0 | value >> 18)); out.append(UInt8(0x80 | (value >> 12) & 0x3F))
            out.append(UInt8(0x80 | (value >> 6) & 0x3F)); out.append(UInt8(0x80 | value & 0x3F))
        }
    }
}

/// A UTF-16 byte source read as UTF-8.
final class UTF16Source: ByteSource {
    private let source: any ByteSource
    private let path: String
    private var decoder: UTF16Decoder
    private let input = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
    private var inputCount = 0
    private var output: [UInt8] = []
    private var outputStart = 0
    private var atEnd = false

    init(_ source: any ByteSource, form: UTF16Form, path: String) {
        self.source = source
        self.path = path
        decoder = UTF16Decoder(form: form)
    }

    deinit { input.deallocate() }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while outputStart == output.count {
            if atEnd { return 0 }
            try refill()
        }
        let count = min(buffer.count, output.count - outputStart)
        output.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[outputStart..<(outputStart + count)])) }
        outputStart += count
        return count
    }

    private func refill() throws(InputError) {
        output.removeAll(keepingCapacity: true)
        outputStart = 0
        let got = try readMapped(source, into: UnsafeMutableRawBufferPointer(rebasing: input[inputCount...]), path: path)
        inputCount += got
        do throws(UTF16Decoder.Failure) {
            let used = try decoder.decode(UnsafeRawBufferPointer(rebasing: input[0..<inputCount]), into: &output)
            // The decoder takes every complete unit: at most one byte is left.
            if used < inputCount { input[0] = input[used] }
            inputCount -= used
            if got == 0 {
                atEnd = true
                try decoder.finish(leftover: inputCount)
            }
        } catch {
            throw error.inputError(path: path)
        }
    }
}

/// Writes UTF-8 output as UTF-16 into another sink. The writers hand it
/// whole lines; a sequence cut between two writes is completed by the next.
final class UTF16Sink: ByteSink {
    private let sink: any ByteSink
    private let form: UTF16Form
    private var carry: [UInt8] = []
    private var encoded: [UInt8] = []

    init(_ sink: any ByteSink, form: UTF16Form) {
        self.sink = sink
        self.form = form
    }

    func write(_ buffer: UnsafeRawBufferPointer) {
        encoded.removeAll(keepingCapacity: true)
        encoded.reserveCapacity(buffer.count * 2)
        var bytes = carry
        carry.removeAll()
        bytes.append(contentsOf: buffer)
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            guard index + length <= bytes.count else {
                carry = Array(bytes[index...])
                break
            }
            var value = length == 1 ? UInt32(lead) : UInt32(lead) & (0xFF >> (length + 1))
            for next in bytes[(index + 1)..<(index + length)] { value = value << 6 | UInt32(next & 0x3F) }
            if value >= 0x10000 {
                let shifted = value - 0x10000
                form.append(UInt16(0xD800 + (shifted >> 10)), to: &encoded)
                form.append(UInt16(0xDC00 + (shifted & 0x3FF)), to: &encoded)
            } else {
                form.append(UInt16(value), to: &encoded)
            }
            index += length
        }
        encoded.withUnsafeBytes { sink.write($0) }
    }

    func finish() throws(OutputError) {
        // Only a writer bug could leave half a character; U+FFFD shows it rather than hiding it.
        if !carry.isEmpty {
            var replacement: [UInt8] = []
            form.append(0xFFFD, to: &replacement)
            replacement.withUnsafeBytes { sink.write($0) }
            carry.removeAll()
        }
        try sink.finish()
    }
}

extension Dialect {
    /// `sink`, or for a UTF-16 file a sink that writes the UTF-8 it is given as UTF-16.
    public func encoding(_ sink: any ByteSink) -> any ByteSink {
        guard let utf16 else { return sink }
        return UTF16Sink(sink, form: utf16)
    }
}
