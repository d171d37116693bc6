import Formats
import FuzzSupport
import Matching

/// The first byte chooses what the rest is:
/// - 0–7: one value for one String normalizer (UTF-8, lossy);
/// - 8–255: data rows under one of a few headers, keyed by the reference
///   keyer (String normalizers) and by the byte-level keyer; the two must
///   give the same probe for every row (a difference is a finding).
@main enum Target {
    static func main() { runFuzzer { data, size in fuzzNormalizers(data, size) } }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNormalizers(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data!, count: size))
    let selector = bytes[0]
    let rest = Array(bytes.dropFirst())
    if selector < 8 {
        single(selector, String(decoding: rest, as: UTF8.self))
    } else {
        differential(selector, rest)
    }
    return 0
}

private func single(_ selector: UInt8, _ text: String) {
    switch selector {
    case 0: _ = EmailNormalizer.normalize(text)
    case 1: _ = HouseNumberNormalizer.normalize(text)
    case 2: _ = KoelnerPhonetik.encode(text)
    case 3:
        let parts = text.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        _ = PersonNameNormalizer.normalize(first: parts.first, last: parts.count > 1 ? parts[1] : nil)
        _ = PersonNameNormalizer.givenNames(text)
        _ = PersonNameNormalizer.surname(text)
        let (first, last) = PersonNameNormalizer.split(full: text)
        _ = PersonNameNormalizer.combine(first: first, last: last)
    case 4: _ = PhoneNormalizer.normalize(text)
    case 5: _ = PostcodeNormalizer.normalize(text)
    case 6:
        _ = StreetNormalizer.normalize(text)
        _ = StreetNormalizer.splitHouseNumber(text)
    default:
        _ = TextFolding.fold(text)
        _ = TextFolding.words(text)
    }
}

/// Headers covering the column layouts the matcher recognises.
private let headers = [
    "vorname;nachname;strasse;hausnummer;plz;ort;telefon;email",
    "name;strasse;plz;ort",
    "vorname;nachname;adresse;plz;ort;mobil;e-mail",
    "empfaenger;strasse und hausnummer;postleitzahl;stadt;tel",
    "Nachname, Vorname;Straße;Nr.;PLZ;Ort;Telefon 2;E-Mail geschäftlich",
]

private let fingerprinter = Fingerprinter(key: HashingKey(bytes: Array(0..<32)))

private func differential(_ selector: UInt8, _ rows: [UInt8]) {
    let header = headers[Int(selector) % headers.count]
    let encoding: TextEncoding = selector & 0x80 == 0 ? .utf8 : .windows1252
    let file = Array(header.utf8) + [0x0A] + rows
    let dialect = Dialect(delimiter: UInt8(ascii: ";"), encoding: encoding, lineEnding: .lf)
    let reader = RecordReader(source: MemorySource(file), dialect: dialect, path: "fuzz.csv")
    guard let chunk = try? reader.nextChunk(maxRecords: 10_000), chunk.count > 0 else { return }
    let (reference, keyer) = keyers(chunk, encoding)
    let report = KeyingDifferential.compare(chunk, 1..<chunk.count, reference, keyer)
    if report.differenceCount > 0 {
        finding("byte-level and String keys differ (\(encoding), header \(header)): \(report)")
    }
}

/// The two keyers for a header, made once per header and encoding.
nonisolated(unsafe) private var made: [String: (RowKeyer, ByteRowKeyer)] = [:]

private func keyers(_ chunk: RecordChunk, _ encoding: TextEncoding) -> (RowKeyer, ByteRowKeyer) {
    let names = (0..<chunk.fieldCount(0)).map { chunk.fieldString(0, $0, encoding: encoding) ?? "" }
    let key = "\(encoding) \(names)"
    if let pair = made[key] { return pair }
    let reference = RowKeyer(columns: AddressColumns.detect(header: names), headerFieldCount: names.count,
                             encoding: encoding, fingerprinter: fingerprinter)
    let pair = (reference, ByteRowKeyer(reference))
    made[key] = pair
    return pair
}
