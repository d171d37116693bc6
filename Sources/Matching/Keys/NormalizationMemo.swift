/// Remembers normalizer results for values that repeat across rows — first
/// names, surnames, streets, house numbers, postcodes, phonetic codes — so a
/// big file pays for each distinct value once. The normalizers are pure
/// functions, so a remembered result is the result.
///
/// One memo per worker: not thread-safe, and bounded (each table is cleared
/// when it reaches `limit` entries) so memory stays flat on any input. Its
/// tables skip the runtime exclusivity check: one thread owns a memo.
public final class NormalizationMemo: @unchecked Sendable {
    @exclusivity(unchecked) private var given: [String: String] = [:]
    @exclusivity(unchecked) private var surnames: [String: String] = [:]
    @exclusivity(unchecked) private var streets: [String: Result<String, InvalidValue>] = [:]
    @exclusivity(unchecked) private var splits: [String: StreetSplit] = [:]
    @exclusivity(unchecked) private var houseNumbers: [String: Result<String, InvalidValue>] = [:]
    @exclusivity(unchecked) private var postcodes: [String: Result<String, InvalidValue>] = [:]
    @exclusivity(unchecked) private var phonetic: [String: String] = [:]
    private let limit: Int

    struct StreetSplit {
        var street: String
        var houseNumber: String?
    }

    public init(limit: Int = 50_000) { self.limit = limit }

    func givenNames(_ raw: String) -> String {
        remembered(&given, raw) { PersonNameNormalizer.givenNames($0) }
    }

    func surname(_ raw: String) -> String {
        remembered(&surnames, raw) { PersonNameNormalizer.surname($0) }
    }

    func street(_ raw: String) -> Result<String, InvalidValue> {
        remembered(&streets, raw) { StreetNormalizer.normalize($0) }
    }

    func splitHouseNumber(_ raw: String) -> (street: String, houseNumber: String?) {
        let split = remembered(&splits, raw) {
            let parts = StreetNormalizer.splitHouseNumber($0)
            return StreetSplit(street: parts.street, houseNumber: parts.houseNumber)
        }
        return (split.street, split.houseNumber)
    }

    func houseNumber(_ raw: String) -> Result<String, InvalidValue> {
        remembered(&houseNumbers, raw) { HouseNumberNormalizer.normalize($0) }
    }

    func postcode(_ raw: String) -> Result<String, InvalidValue> {
        remembered(&postcodes, raw) { PostcodeNormalizer.normalize($0) }
    }

    func phonetic(_ folded: String) -> String {
        remembered(&phonetic, folded) { KoelnerPhonetik.encode($0) }
    }

    private func remembered<Value>(_ table: inout [String: Value], _ key: String, _ compute: (String) -> Value) -> Value {
        if let value = table[key] { return value }
        let value = compute(key)
        if table.count >= limit { table.removeAll(keepingCapacity: true) }
        table[key] = value
        return value
    }
}

/// The normalizers, straight or through a memo.
enum Normalize {
    static func givenNames(_ raw: String, _ memo: NormalizationMemo?) -> String {
        memo?.givenNames(raw) ?? PersonNameNormalizer.givenNames(raw)
    }

    static func surname(_ raw: String, _ memo: NormalizationMemo?) -> String {
        memo?.surname(raw) ?? PersonNameNormalizer.surname(raw)
    }

    static func street(_ raw: String, _ memo: NormalizationMemo?) -> Result<String, InvalidValue> {
        memo?.street(raw) ?? StreetNormalizer.normalize(raw)
    }

    static func splitHouseNumber(_ raw: String, _ memo: NormalizationMemo?) -> (street: String, houseNumber: String?) {
        memo?.splitHouseNumber(raw) ?? StreetNormalizer.splitHouseNumber(raw)
    }

    static func houseNumber(_ raw: String, _ memo: NormalizationMemo?) -> Result<String, InvalidValue> {
        memo?.houseNumber(raw) ?? HouseNumberNormalizer.normalize(raw)
    }

    static func postcode(_ raw: String, _ memo: NormalizationMemo?) -> Result<String, InvalidValue> {
        memo?.postcode(raw) ?? PostcodeNormalizer.normalize(raw)
    }

    static func phonetic(_ folded: String, _ memo: NormalizationMemo?) -> String {
        memo?.phonetic(folded) ?? KoelnerPhonetik.encode(folded)
    }
}
