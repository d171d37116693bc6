/// Detects a customer file's dialect (delimiter, encoding, BOM, line ending,
/// header quoting) from its first bytes, and rejects files that are not CSV text.
public enum DialectSniffer {
    /// Delimiters in order of preference when several fit equally well.
    static let candidates: [UInt8] = [UInt8(ascii: ";"), UInt8(ascii: ","), ASCII.tab, UInt8(ascii: "|")]
    /// Records looked at to choose the delimiter.
    static let sampleRecords = 50

    /// Reads up to `sampleSize` bytes of the file at `path` (decompressed) and sniffs them.
    public static func sniff(path: String, sampleSize: Int = 1 << 16) throws(InputError) -> Dialect {
        let source = try openByteSource(path: path)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: sampleSize, alignment: 16)
        defer { buffer.deallocate() }
        var count = 0
        var wholeFile = false
        while count < sampleSize {
            let got = try readMapped(source, into: UnsafeMutableRawBufferPointer(rebasing: buffer[count...]), path: path)
            if got == 0 { wholeFile = true; break }
            count += got
        }
        if !wholeFile {
            // Exactly full: peek one byte further to know whether the file ends here.
            var probe: UInt8 = 0
            wholeFile = try withUnsafeMutableBytes(of: &probe) { (raw) throws(InputError) -> Bool in
                try readMapped(source, into: raw, path: path) == 0
            }
        }
        return try sniff(sample: Array(buffer[0..<count]), sampleIsWholeFile: wholeFile, path: path)
    }

    /// Detects the dialect of `sample`, the first bytes of the file at `path`
    /// (already decompressed). `sampleIsWholeFile`: nothing follows the sample,
    /// so its last record and last character are complete.
    public static func sniff(sample: [UInt8], sampleIsWholeFile: Bool, path: String) throws(InputError) -> Dialect {
        if let form = UTF16Form(byteOrderMark: sample) {
            var dialect = try sniff(sample: try utf8(sample, form, sampleIsWholeFile: sampleIsWholeFile, path: path),
                                    sampleIsWholeFile: sampleIsWholeFile, path: path)
            dialect.utf16 = form
            return dialect
        }
        try rejectNonText(sample, path: path)
        let hasBOM = sample.starts(with: ASCII.byteOrderMark)
        let body = sample[(hasBOM ? 3 : 0)...]
        if body.allSatisfy(isWhitespace) { throw .empty(path: path) }
        try rejectBinary(body, path: path)
        let encoding = try detectEncoding(sample, hasBOM: hasBOM, sampleIsWholeFile: sampleIsWholeFile, path: path)
        let delimiter = chooseDelimiter(sample, sampleIsWholeFile: sampleIsWholeFile)
        let (lineEnding, headerQuoted) = describeHeader(sample, delimiter: delimiter)
        return Dialect(
            delimiter: delimiter, encoding: encoding, hasBOM: hasBOM,
            lineEnding: lineEnding, headerQuoted: headerQuoted)
    }

    /// Workbooks and UTF-16/32 text, recognised by their first bytes, get
    /// their own messages: they are the common wrong exports.
    private static func rejectNonText(_ sample: [UInt8], path: String) throws(InputError) {
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04]  // .xlsx (and any ZIP)
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]  // .xls
        if sample.starts(with: zip) || sample.starts(with: ole) { throw .spreadsheetWorkbook(path: path) }
        for mark: [UInt8] in [[0xFF, 0xFE, 0x00, 0x00], [0x00, 0x00, 0xFE, 0xFF]] where sample.starts(with: mark) {
            throw .unsupportedEncoding(path: path, encoding: "UTF-32")
        }
        // UTF-16 without a byte order mark: ASCII text with every other byte zero.
        let pairs = sample.count / 2
        if pairs >= 4 {
            let evenZeros = stride(from: 0, to: pairs * 2, by: 2).count { sample[$0] == 0 }
            let oddZeros = stride(from: 1, to: pairs * 2, by: 2).count { sample[$0] == 0 }
            if max(evenZeros, oddZeros) * 10 >= pairs * 9, min(evenZeros, oddZeros) == 0 {
                throw .unsupportedEncoding(path: path, encoding: "UTF-16 without byte order mark")
            }
        }
    }

    /// The UTF-8 text of a UTF-16 sample; a character cut at the sample's end is left out.
    private static func utf8(_ sample: [UInt8], _ form: UTF16Form, sampleIsWholeFile: Bool, path: String) throws(InputError) -> [UInt8] {
        var decoder = UTF16Decoder(form: form)
        var text: [UInt8] = []
        let bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: sample.count, alignment: 1)
        defer { bytes.deallocate() }
        bytes.copyBytes(from: sample)
        do throws(UTF16Decoder.Failure) {
            let used = try decoder.decode(UnsafeRawBufferPointer(bytes), into: &text)
            if sampleIsWholeFile { try decoder.finish(leftover: sample.count - used) }
        } catch {
            throw error.inputError(path: path)
        }
        return text
    }

    /// A NUL byte, or more than 1 % control characters (other than tab, CR,
    /// LF and form feed), means the file is not text.
    private static func rejectBinary(_ body: ArraySlice<UInt8>, path: String) throws(InputError) {
        var controls = 0
        var firstControl: Int?
        for index in body.indices {
            let byte = body[index]
            guard byte < 0x20 || byte == 0x7F else { continue }
            if byte == 0 { throw .binary(path: path, offset: index) }
            if byte == ASCII.tab || byte == ASCII.lineFeed || byte == ASCII.carriageReturn || byte == 0x0C { continue }
            controls += 1
            if firstControl == nil { firstControl = index }
        }
        if let firstControl, controls * 100 > body.count {
            throw .binary(path: path, offset: firstControl)
        }
    }

    private static func detectEncoding(
        _ sample: [UInt8], hasBOM: Bool, sampleIsWholeFile: Bool, path: String
    ) throws(InputError) -> TextEncoding {
        let body = sample[(hasBOM ? 3 : 0)...]
        guard let invalid = UTF8Check.firstInvalid(body, allowCutEnd: !sampleIsWholeFile) else { return .utf8 }
        // Mostly UTF-8 with some rows pasted from a Windows-1252 source: read it as
        // UTF-8; the rows that break it are decoded as Windows-1252 one by one.
        let census = UTF8Check.census(body, allowCutEnd: !sampleIsWholeFile)
        if census.multiByte > 0, census.multiByte >= census.invalid {
            if let undefined = census.firstUndefined { throw undecodable(sample, at: undefined, path: path) }
            return .utf8
        }
        // A BOM promises UTF-8; bytes that break it are damage, not another encoding.
        if hasBOM { throw undecodable(sample, at: invalid, path: path) }
        if let undefined = body.firstIndex(where: { !Windows1252.isDefined($0) }) {
            throw undecodable(sample, at: undefined, path: path)
        }
        // 0x80–0x9F are characters only in Windows-1252; above that both agree.
        return body.contains(where: { (0x80..<0xA0).contains($0) }) ? .windows1252 : .iso88591
    }

    private static func undecodable(_ sample: [UInt8], at offset: Int, path: String) -> InputError {
        .undecodableBytes(path: path, line: lineNumber(of: offset, in: sample), offset: offset)
    }

    /// 1-based physical line of `offset` (CRLF, LF and lone CR each end a line).
    static func lineNumber(of offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        for index in 0..<min(offset, bytes.count) {
            let byte = bytes[index]
            if byte == ASCII.lineFeed
                || (byte == ASCII.carriageReturn && (index + 1 >= bytes.count || bytes[index + 1] != ASCII.lineFeed)) {
                line += 1
            }
        }
        return line
    }

    /// The candidate under which most records have as many fields as the
    /// header; ties go to the earlier candidate. A delimiter absent from the
    /// header does not count, so a file with none is single-column: `;`.
    static func chooseDelimiter(_ sample: [UInt8], sampleIsWholeFile: Bool) -> UInt8 {
        var best = candidates[0]
        var bestScore = 0
        for candidate in candidates {
            let records = scanSample(sample, delimiter: candidate, atEnd: sampleIsWholeFile)
            let nonBlank = records.records.filter { !records.isBlank($0) }
            guard let header = nonBlank.first, header.fieldCount > 1 else { continue }
            let score = nonBlank.count(where: { $0.fieldCount == header.fieldCount })
            if score > bestScore {
                best = candidate
                bestScore = score
            }
        }
        return best
    }

    /// The first line ending and whether every header field is quoted.
    private static func describeHeader(_ sample: [UInt8], delimiter: UInt8) -> (LineEnding, Bool) {
        let scan = scanSample(sample, delimiter: delimiter, atEnd: true)
        let lineEnding: LineEnding = scan.records.lazy
            .map { Array(scan.bytes[$0.contentEnd..<$0.end]) }
            .compactMap { (terminator: [UInt8]) -> LineEnding? in
                switch terminator {
                case [ASCII.carriageReturn, ASCII.lineFeed]: return .crlf
                case [ASCII.lineFeed]: return .lf
                case [ASCII.carriageReturn]: return .cr
                default: return nil
                }
            }
            .first ?? .crlf
        guard let header = scan.records.first(where: { !scan.isBlank($0) }) else { return (lineEnding, false) }
        let headerFields = scan.fields[header.firstField..<header.firstField + header.fieldCount]
        return (lineEnding, headerFields.allSatisfy(\.quoted))
    }

    /// The first records of `sample` under `delimiter`. An incomplete last
    /// record is left out; an unclosed quote ends the list where it opened.
    private static func scanSample(_ sample: [UInt8], delimiter: UInt8, atEnd: Bool) -> SampleScan {
        var records: [RecordSpan] = []
        var fields: [FieldSpan] = []
        var position = 0
        var line = 1
        sample.withUnsafeBufferPointer { buffer in
            guard buffer.count > 0 else { return }
            _ = RecordScanner(delimiter: delimiter).scan(
                buffer, position: &position, line: &line, atEnd: atEnd, checkBOM: true,
                maxRecords: sampleRecords, records: &records, fields: &fields)
        }
        return SampleScan(bytes: sample, records: records, fields: fields)
    }

    private struct SampleScan {
        let bytes: [UInt8]
        let records: [RecordSpan]
        let fields: [FieldSpan]

        func isBlank(_ record: RecordSpan) -> Bool {
            var content = bytes[record.start..<record.contentEnd]
            if content.starts(with: ASCII.byteOrderMark) { content = content.dropFirst(3) }
            return content.allSatisfy { $0 == ASCII.space || $0 == ASCII.tab }
        }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == ASCII.space || byte == ASCII.tab || byte == ASCII.lineFeed || byte == ASCII.carriageReturn
            || byte == 0x0B || byte == 0x0C
    }
}
