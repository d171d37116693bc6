/// The stages of a job, in order (DESIGN §3). Each writes its output under a
/// temporary name, fsyncs, renames, and only then is recorded as done; a
/// re-run starts at the first stage not recorded.
public enum Stage: String, CaseIterable, Sendable, Codable, Comparable {
    case claim, decode, key, match, emit, notify, meter

    public static func < (a: Stage, b: Stage) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    public var next: Stage? {
        let all = Self.allCases
        let i = all.firstIndex(of: self)!
        return i + 1 < all.count ? all[i + 1] : nil
    }
}
