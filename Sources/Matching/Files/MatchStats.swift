/// Counts of one job's results, for the summary, `status` and the usage record.
public struct MatchStats: Sendable, Codable, Equatable {
    public var rows = 0
    public var ja = 0
    public var nein = 0
    public var pruefen = 0
    public var household = 0
    /// Rows found per list, in `RobinsonList.allCases` order.
    public var hitsPerList = [Int](repeating: 0, count: RobinsonList.allCases.count)
    /// Rows found per deciding key kind name.
    public var hitsPerKind: [String: Int] = [:]
    /// Rows marked `pruefen` per reason (`grund`), with the first few line numbers.
    public var reasons: [String: Int] = [:]
    public var reasonLines: [String: [Int]] = [:]
    public var indexVersion = ""

    public init() {}

    mutating func add(_ verdict: Verdict, line: Int) {
        switch verdict.marker {
        case .blank: return
        case .ja:
            ja += 1
            for (i, list) in RobinsonList.allCases.enumerated() where verdict.lists.contains(ListSet(list)) {
                hitsPerList[i] += 1
            }
            for kind in KeyKind.allCases where verdict.kinds & (1 << kind.rawValue) != 0 {
                hitsPerKind[kind.grund, default: 0] += 1
            }
        case .nein:
            nein += 1
            if verdict.kinds & (1 << KeyKind.household.rawValue) != 0 { household += 1 }
        case .pruefen:
            pruefen += 1
            let grund = verdict.grund
            reasons[grund, default: 0] += 1
            if reasonLines[grund, default: []].count < 10 { reasonLines[grund, default: []].append(line) }
        }
        rows += 1
    }

    /// Adds the counts of a later part of the same file (line samples stay in file order).
    mutating func merge(_ other: MatchStats) {
        rows += other.rows
        ja += other.ja
        nein += other.nein
        pruefen += other.pruefen
        household += other.household
        for i in hitsPerList.indices { hitsPerList[i] += other.hitsPerList[i] }
        hitsPerKind.merge(other.hitsPerKind, uniquingKeysWith: +)
        reasons.merge(other.reasons, uniquingKeysWith: +)
        for (grund, lines) in other.reasonLines {
            reasonLines[grund, default: []].append(contentsOf: lines.prefix(max(0, 10 - reasonLines[grund, default: []].count)))
        }
    }

    public func hits(_ list: RobinsonList) -> Int {
        hitsPerList[RobinsonList.allCases.firstIndex(of: list)!]
    }
}

/// `MatchStats` counted in fixed arrays: what the matcher's workers add per row
/// (no dictionary or string per row), turned into `MatchStats` once at the end.
struct StatsCounter: Sendable {
    private var rows = 0, ja = 0, nein = 0, pruefen = 0, household = 0
    /// By the list's bit in `ListSet` (eight bits), and by `KeyKind.rawValue`:
    /// vectors, not arrays, so counting a row checks no array for uniqueness.
    private var hitsPerList = SIMD8<Int>()
    private var hitsPerKind = SIMD8<Int>()
    /// By `Reason.rawValue`, with the first ten line numbers.
    private var reasons = [Int](repeating: 0, count: 256)
    private var reasonLines = [[Int]](repeating: [], count: 256)

    init() {}

    mutating func add(_ verdict: Verdict, line: Int) {
        switch verdict.marker {
        case .blank: return
        case .ja:
            ja += 1
            hitsPerList &+= Self.bits(verdict.lists.rawValue)
            hitsPerKind &+= Self.bits(verdict.kinds & 0xFE)
        case .nein:
            nein += 1
            if verdict.kinds & (1 << KeyKind.household.rawValue) != 0 { household += 1 }
        case .pruefen:
            pruefen += 1
            let reason = Int(verdict.reason?.rawValue ?? 0)
            reasons[reason] += 1
            if reasonLines[reason].count < 10 { reasonLines[reason].append(line) }
        }
        rows += 1
    }

    /// Adds a later part of the same file.
    mutating func merge(_ other: StatsCounter) {
        rows += other.rows
        ja += other.ja
        nein += other.nein
        pruefen += other.pruefen
        household += other.household
        hitsPerList &+= other.hitsPerList
        hitsPerKind &+= other.hitsPerKind
        for i in reasons.indices where other.reasons[i] > 0 {
            reasons[i] += other.reasons[i]
            reasonLines[i] += other.reasonLines[i].prefix(max(0, 10 - reasonLines[i].count))
        }
    }

    /// Bit i of `byte` as lane i: 1 where set, 0 where not.
    @inline(__always)
    private static func bits(_ byte: UInt8) -> SIMD8<Int> {
        (SIMD8<Int>(repeating: Int(byte)) &>> SIMD8<Int>(0, 1, 2, 3, 4, 5, 6, 7)) & 1
    }

    var stats: MatchStats {
        var stats = MatchStats()
        stats.rows = rows
        stats.ja = ja
        stats.nein = nein
        stats.pruefen = pruefen
        stats.household = household
        stats.hitsPerList = RobinsonList.allCases.indices.map { hitsPerList[$0] }
        for kind in KeyKind.allCases where hitsPerKind[Int(kind.rawValue)] > 0 {
            stats.hitsPerKind[kind.grund] = hitsPerKind[Int(kind.rawValue)]
        }
        for i in reasons.indices where reasons[i] > 0 {
            // A `pruefen` verdict always has a reason; index 0 would be one without.
            let grund = Reason(rawValue: UInt8(i))?.grund ?? ""
            stats.reasons[grund] = reasons[i]
            stats.reasonLines[grund] = reasonLines[i]
        }
        return stats
    }
}
