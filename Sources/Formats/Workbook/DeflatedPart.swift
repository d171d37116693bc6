import CGzip
import Foundation
internal import ZIPFoundation

/// Inflates one deflated ZIP entry ourselves. ZIPFoundation 0.9.20 loops
/// forever on a deflate stream that does not end before the file does (it
/// keeps asking for input at end of file), so a damaged workbook would hang
/// the run; here the stream may use only the entry's own compressed bytes.
struct DeflatedPart {
    /// Reads the compressed bytes of `entry` from `file` and hands the inflated
    /// bytes to `consumer` in blocks; checks the CRC-32 the directory states.
    static func inflate(_ entry: Entry, in file: FileHandle, consumer: (Data) throws -> Void) throws {
        guard let start = dataOffset(entry, in: file) else { throw Damaged("its local header cannot be found") }
        try file.seek(toOffset: start)
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Damaged("zlib cannot start")
        }
        defer { inflateEnd(&stream) }
        var remaining = entry.compressedSize
        var output = [UInt8](repeating: 0, count: 1 << 16)
        var checksum: UInt = 0
        var status = Z_OK
        while status != Z_STREAM_END {
            guard remaining > 0 else { throw Damaged("the compressed data ends before the part does") }
            guard var input = try file.read(upToCount: Int(min(remaining, 1 << 16))), !input.isEmpty else {
                throw Damaged("the file ends inside the part")
            }
            remaining -= UInt64(input.count)
            try input.withUnsafeMutableBytes { (bytes: UnsafeMutableRawBufferPointer) throws in
                stream.next_in = bytes.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.avail_in = uInt(bytes.count)
                repeat {
                    let produced = try output.withUnsafeMutableBufferPointer { out throws -> Int in
                        stream.next_out = out.baseAddress
                        stream.avail_out = uInt(out.count)
                        status = CGzip.inflate(&stream, Z_NO_FLUSH)
                        guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                            throw Damaged("the compressed data is corrupt")
                        }
                        return out.count - Int(stream.avail_out)
                    }
                    if produced > 0 {
                        checksum = output.withUnsafeBufferPointer { crc32(checksum, $0.baseAddress, uInt(produced)) }
                        try consumer(Data(output[0..<produced]))
                    }
                } while status == Z_OK && (stream.avail_in > 0 || stream.avail_out == 0)  // Z_BUF_ERROR: no progress without more input
            }
        }
        guard UInt32(truncatingIfNeeded: checksum) == entry.checksum else { throw Damaged("its CRC-32 does not match") }
    }

    /// Where the entry's data starts: its local header (whose offset the
    /// central directory gives; ZIPFoundation keeps it internal) plus the
    /// header's name and extra field. nil for ZIP64 offsets and bad headers.
    private static func dataOffset(_ entry: Entry, in file: FileHandle) -> UInt64? {
        guard let offset = Mirror(reflecting: entry).descendant("centralDirectoryStructure", "relativeOffsetOfLocalHeader") as? UInt32,
              offset != .max,
              (try? file.seek(toOffset: UInt64(offset))) != nil,
              let header = try? file.read(upToCount: 30), header.count == 30,
              header.starts(with: [0x50, 0x4B, 0x03, 0x04])
        else { return nil }
        let names = UInt64(header[26]) | UInt64(header[27]) << 8
        let extra = UInt64(header[28]) | UInt64(header[29]) << 8
        return UInt64(offset) + 30 + names + extra
    }

    struct Damaged: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
