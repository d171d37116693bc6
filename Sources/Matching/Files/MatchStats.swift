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
