/// Turns a row's probe and the index's answers into a marker.
///
/// - a key of a kind in `hitKinds` found on a booked list → `ja`;
/// - only the household key found → `nein` with `haushalt` (or `pruefen`
///   when the row has no first name, so it may be the listed person);
/// - otherwise a booked channel whose data is unusable → `pruefen` with the reason;
/// - no usable data for any booked list → `pruefen`; else `nein`.
public struct VerdictPolicy: Sendable {
    /// Order in which deciding kinds are reported.
    static let priority: [KeyKind] = [.person, .phonetic, .phone, .email, .household]

    public var hitKinds: Set<KeyKind> {
        get { Set(KeyKind.allCases.filter { hitKindMask & 1 << $0.rawValue != 0 }) }
        set { hitKindMask = newValue.reduce(0) { $0 | 1 << $1.rawValue } }
    }
    public var booked: ListSet
    /// The hit kinds as bits by raw value: the per-row test needs no hashing.
    private var hitKindMask: UInt8 = 0

    public static let defaultHitKinds: Set<KeyKind> = [.person, .phonetic, .phone, .email]

    public init(hitKinds: Set<KeyKind> = VerdictPolicy.defaultHitKinds, booked: ListSet) {
        self.booked = booked
        self.hitKinds = hitKinds
    }

    public func decide(_ probe: RowProbe, lookup: (UInt64) -> ListSet) -> Verdict {
        decide(probe) { keys, found in
            for (i, key) in keys.enumerated() { found[i] = lookup(key) }
        }
    }

    /// Looks all of the row's keys up in one batch (their cache misses overlap).
    public func decide(_ probe: RowProbe, index: IndexFile) -> Verdict {
        decide(probe) { keys, found in index.lookup(keys, into: found) }
    }

    /// The verdict for `probe` when `found[i]` is what the index holds for `probe.keys[i]`
    /// (looked up by the caller, for example for many rows at once). Inlined into
    /// the matcher's loop, which then reads the probe where it lies instead of
    /// retaining a copy per row.
    @inline(__always)
    public func decide(_ probe: RowProbe, found: UnsafeBufferPointer<ListSet>) -> Verdict {
        if probe.isBlank { return Verdict(marker: .blank) }
        if let problem = probe.rowProblem { return Verdict(marker: .pruefen, reason: problem) }
        return decide(probe, answers: found)
    }

    private func decide(
        _ probe: RowProbe, lookupAll: (UnsafeBufferPointer<UInt64>, UnsafeMutableBufferPointer<ListSet>) -> Void
    ) -> Verdict {
        if probe.isBlank { return Verdict(marker: .blank) }
        if let problem = probe.rowProblem { return Verdict(marker: .pruefen, reason: problem) }

        let count = probe.keys.count
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: count) { fingerprints in
            withUnsafeTemporaryAllocation(of: ListSet.self, capacity: count) { found in
                for (i, key) in probe.keys.enumerated() { fingerprints[i] = key.fingerprint }
                lookupAll(UnsafeBufferPointer(fingerprints), found)
                return decide(probe, answers: UnsafeBufferPointer(found))
            }
        }
    }

    @inline(__always)
    private func decide(_ probe: RowProbe, answers found: UnsafeBufferPointer<ListSet>) -> Verdict {
        var hitLists = ListSet()
        var hitKindBits: UInt8 = 0
        var householdLists = ListSet()
        for (i, key) in probe.keys.enumerated() {
            let lists = found[i].intersection(booked).intersection(key.kind.lists)
            guard !lists.isEmpty else { continue }
            if hitKindMask & (1 << key.kind.rawValue) != 0 {
                hitLists.formUnion(lists)
                hitKindBits |= 1 << key.kind.rawValue
            } else if key.kind == .household {
                householdLists.formUnion(lists)
            }
        }
        if !hitLists.isEmpty {
            // The phonetic key always matches where the exact person key does; report it only when it decided alone.
            if hitKindBits & (1 << KeyKind.person.rawValue) != 0 { hitKindBits &= ~(1 << KeyKind.phonetic.rawValue) }
            return Verdict(marker: .ja, lists: hitLists, kinds: hitKindBits)
        }
        if !householdLists.isEmpty {
            if !probe.hasFirstName { return Verdict(marker: .pruefen, lists: householdLists, reason: .firstNameMissing) }
            return Verdict(marker: .nein, lists: [], kinds: 1 << KeyKind.household.rawValue)
        }

        // The channels in this order, without an array per row.
        var anyUsable = false
        func unusable(_ state: ChannelState, _ lists: ListSet) -> Reason? {
            guard !booked.isDisjoint(with: lists) else { return nil }
            switch state {
            case .invalid(let reason): return reason
            case .usable: anyUsable = true
            case .absent: break
            }
            return nil
        }
        if let reason = unusable(probe.postal, ListSet(.post)) ?? unusable(probe.phone, ListSet.phoneLists)
            ?? unusable(probe.email, ListSet(.email))
        {
            return Verdict(marker: .pruefen, reason: reason)
        }
        return anyUsable ? Verdict(marker: .nein) : Verdict(marker: .pruefen, reason: .noCheckableData)
    }
}
