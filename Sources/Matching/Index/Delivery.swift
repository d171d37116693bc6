import Foundation
import Formats

/// Why a Robinson list delivery cannot be read.
public enum DeliveryError: Error, Sendable, Equatable, CustomStringConvertible {
    case input(InputError)
    case missingColumns(path: String, missing: [String])
    case unknownList(path: String, line: Int, value: String)

    public var description: String {
        switch self {
        case .input(let error): error.description
        case .missingColumns(let path, let missing):
            "\(path), line 1: the delivery header lacks \(missing.joined(separator: ", ")); expected liste;vorname;nachname;strasse;hausnummer;plz;ort;telefon;email"
        case .unknownList(let path, let line, let value):
            "\(path), line \(line), field liste: '\(value)' is not a list; use post, telefon, mobil, fax or email. Nothing was changed"
        }
    }
}

/// A delivery row that yields no key (its consumer could not be matched).
public struct SkippedEntry: Sendable, Equatable {
    public var path: String
    public var line: Int
    public var reason: Reason
}

/// Reads a Robinson list delivery (`liste;vorname;nachname;strasse;hausnummer;plz;ort;telefon;email`,
/// plain, `.gz` or `.zst`) into index entries, keying rows on all workers.
public struct DeliveryReader: Sendable {
    public let fingerprinter: Fingerprinter
    public let workers: Int

    public init(fingerprinter: Fingerprinter, workers: Int) {
        self.fingerprinter = fingerprinter
        self.workers = workers
    }

    public struct Result: Sendable {
        public var entries: [IndexWriter.Entry] = []
        public var rowsPerList = [UInt64](repeating: 0, count: RobinsonList.allCases.count)
        public var keysPerKind = [UInt64](repeating: 0, count: KeyKind.allCases.count)
        public var skipped: [SkippedEntry] = []
        public var skippedCount = 0
        public var digest: [UInt8] = []
    }

    static let columnNames = ["liste", "vorname", "nachname", "strasse", "hausnummer", "plz", "ort", "telefon", "email"]

    public func read(paths: [String], progress: ((Int) -> Void)? = nil) throws(DeliveryError) -> Result {
        var result = Result()
        var digest = SHA256Digest()
        var done = 0
        for path in paths {
            do {
                try read(path: path, into: &result, digest: &digest) { done += $0; progress?(done) }
            } catch let error as DeliveryError {
                throw error
            } catch let error as InputError {
                throw .input(error)
            } catch {
                throw .input(.io(path: path, detail: "\(error)"))
            }
        }
        result.digest = digest.finish()
        return result
    }

    private func read(path: String, into result: inout Result, digest: inout SHA256Digest, progress: (Int) -> Void) throws {
        try hashFile(path: path, into: &digest)
        let (sample, whole, _) = try InputInspector.readSample(path: path, limit: 1 << 16)
        let dialect = try DialectSniffer.sniff(sample: sample, sampleIsWholeFile: whole, path: path)
        let reader = RecordReader(source: try openByteSource(path: path), dialect: dialect, path: path)
        var columnOf: [String: Int]?
        var keyers: UnsafeSendable<[DeliveryKeyers]>?
        while let chunk = try reader.nextChunk(maxRecords: 65_536) {
            var first = 0
            if columnOf == nil {
                guard chunk.count > 0 else { continue }
                let names = (0..<chunk.fieldCount(0)).map { (chunk.fieldString(0, $0, encoding: dialect.encoding) ?? "").lowercased().trimmingCharacters(in: .whitespaces) }
                var map = [String: Int]()
                for (i, name) in names.enumerated() where map[name] == nil { map[name] = i }
                let missing = Self.columnNames.filter { map[$0] == nil }
                guard missing.isEmpty else { throw DeliveryError.missingColumns(path: path, missing: missing) }
                columnOf = map
                first = 1
                let columns = DeliveryColumns(map: map)
                keyers = UnsafeSendable((0..<max(1, workers)).map { _ in
                    DeliveryKeyers(columns: columns, fieldCount: names.count, encoding: dialect.encoding, fingerprinter: self.fingerprinter)
                })
            }
            let columns = DeliveryColumns(map: columnOf!)
            let slices = keyers!
            let count = chunk.count - first
            let firstRow = first
            let parts = ParallelSlices.map(count: count, workers: workers) { slice, range in
                var part = DeliverySlice()
                for row in range {
                    columns.key(chunk, row + firstRow, keyers: slices.value[slice], path: path, into: &part)
                }
                return part
            }
            for part in parts {
                if let bad = part.unknownList { throw DeliveryError.unknownList(path: path, line: bad.line, value: bad.value) }
                result.entries += part.entries
                for i in result.rowsPerList.indices { result.rowsPerList[i] += part.rowsPerList[i] }
                for i in result.keysPerKind.indices { result.keysPerKind[i] += part.keysPerKind[i] }
                result.skippedCount += part.skipped.count
                result.skipped += part.skipped.prefix(max(0, 20 - result.skipped.count))
            }
            progress(count)
        }
    }

    private func hashFile(path: String, into digest: inout SHA256Digest) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw InputError.io(path: path, detail: String(cString: strerror(errno))) }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = buffer.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress!, $0.count) }
            if n < 0 { throw InputError.io(path: path, detail: String(cString: strerror(errno))) }
            if n == 0 { break }
            buffer.withUnsafeBytes { digest.update(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
        }
    }
}

struct DeliverySlice: Sendable {
    var entries: [IndexWriter.Entry] = []
    var rowsPerList = [UInt64](repeating: 0, count: RobinsonList.allCases.count)
    var keysPerKind = [UInt64](repeating: 0, count: KeyKind.allCases.count)
    var skipped: [SkippedEntry] = []
    var unknownList: (line: Int, value: String)?
}

struct DeliveryColumns: Sendable {
    let list, first, last, street, number, postcode, phone, email: Int

    init(map: [String: Int]) {
        list = map["liste"]!; first = map["vorname"]!; last = map["nachname"]!; street = map["strasse"]!
        number = map["hausnummer"]!; postcode = map["plz"]!; phone = map["telefon"]!; email = map["email"]!
    }

    /// Keys one delivery row with the byte-level keyers: a post row by its postal
    /// identity, a phone row by its number, an e-mail row by its address. A row
    /// that yields no key is listed with the reason.
    func key(_ chunk: RecordChunk, _ record: Int, keyers: DeliveryKeyers, path: String, into part: inout DeliverySlice) {
        if chunk.isBlank(record) { return }
        let line = chunk.records[record].line
        guard list < chunk.fieldCount(record) else {
            if part.unknownList == nil { part.unknownList = (line, "") }
            return
        }
        guard let robinsonList = Self.list(chunk, record, list) ?? Self.listByName(chunk, record, list, keyers.encoding, line, &part) else {
            return
        }
        part.rowsPerList[Int(robinsonList.bit.trailingZeroBitCount)] += 1
        let keyer: ByteRowKeyer
        let state: (RowProbe) -> ChannelState
        let failure: Reason
        switch robinsonList {
        case .post: keyer = keyers.post; state = { $0.postal }; failure = .addressIncomplete
        case .telefon, .mobil, .fax: keyer = keyers.phone; state = { $0.phone }; failure = .phoneInvalid
        case .email: keyer = keyers.email; state = { $0.email }; failure = .emailInvalid
        }
        keyer.probe(chunk, record, into: &keyers.probe)
        let probe = keyers.probe
        switch state(probe) {
        case .usable:
            for key in probe.keys {
                part.entries.append(IndexWriter.Entry(fingerprint: key.fingerprint, lists: ListSet(robinsonList)))
                part.keysPerKind[Int(key.kind.rawValue) - 1] += 1
            }
        case .invalid(let reason):
            part.skipped.append(SkippedEntry(path: path, line: line, reason: robinsonList == .post ? reason : failure))
        case .absent:
            part.skipped.append(SkippedEntry(path: path, line: line, reason: failure))
        }
    }
}

extension DeliveryColumns {
    /// The list of a field written as the list's name in ASCII letters, in any
    /// case (`post`, `Telefon`, `EMAIL`): read from its bytes, as almost every
    /// delivery row has it. Nil for anything else (blanks around it, quotes, another word).
    static func list(_ chunk: RecordChunk, _ record: Int, _ field: Int) -> RobinsonList? {
        let span = chunk.fieldSpan(record, field)
        let count = span.end - span.start
        guard count >= 3, count <= 7 else { return nil }
        // Up to seven letters, lowercased, one per byte of a UInt64 (first letter lowest).
        var word: UInt64 = 0
        for i in 0..<count {
            let lower = chunk.bytes[span.start + i] | 0x20
            guard lower >= 0x61, lower <= 0x7A else { return nil }
            word |= UInt64(lower) << (8 * UInt64(i))
        }
        for (name, list) in listWords where name == word { return list }
        return nil
    }

    private static let listWords: [(UInt64, RobinsonList)] = RobinsonList.allCases.map { list in
        (list.rawValue.utf8.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }, list)
    }

    /// The list of any other field, by its decoded text (blanks around it
    /// trimmed, case ignored); an unknown list is noted in `part`.
    static func listByName(
        _ chunk: RecordChunk, _ record: Int, _ field: Int, _ encoding: TextEncoding, _ line: Int, _ part: inout DeliverySlice
    ) -> RobinsonList? {
        guard let listName = chunk.fieldString(record, field, encoding: encoding) ?? chunk.fieldString(record, field, encoding: .windows1252)
        else {
            if part.unknownList == nil { part.unknownList = (line, "") }
            return nil
        }
        let trimmed = listName.trimmingCharacters(in: .whitespaces)
        guard let list = RobinsonList(rawValue: trimmed) ?? RobinsonList(rawValue: trimmed.lowercased()) else {
            if part.unknownList == nil { part.unknownList = (line, trimmed.lowercased()) }
            return nil
        }
        return list
    }
}

/// One worker's byte-level keyers for the three kinds of delivery row.
final class DeliveryKeyers {
    let post: ByteRowKeyer
    let phone: ByteRowKeyer
    let email: ByteRowKeyer
    let encoding: TextEncoding
    var probe = RowProbe()

    init(columns: DeliveryColumns, fieldCount: Int, encoding: TextEncoding, fingerprinter: Fingerprinter) {
        var postal = AddressColumns()
        postal.firstName = columns.first
        postal.lastName = columns.last
        postal.street = columns.street
        postal.houseNumber = columns.number
        postal.postcode = columns.postcode
        var phone = AddressColumns()
        phone.phones = [columns.phone]
        var email = AddressColumns()
        email.emails = [columns.email]
        self.encoding = encoding
        post = ByteRowKeyer(columns: postal, headerFieldCount: fieldCount, encoding: encoding, fingerprinter: fingerprinter)
        self.phone = ByteRowKeyer(columns: phone, headerFieldCount: fieldCount, encoding: encoding, fingerprinter: fingerprinter)
        self.email = ByteRowKeyer(columns: email, headerFieldCount: fieldCount, encoding: encoding, fingerprinter: fingerprinter)
        // A delivery row is keyed from the fields it has, as before.
        for keyer in [post, self.phone, self.email] { keyer.checksFieldCount = false }
    }
}

/// `read(2)`; a file-level name so that methods called `read` do not shadow it.
func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}

/// `write(2)`, likewise.
func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
