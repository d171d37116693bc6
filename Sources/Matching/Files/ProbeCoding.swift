/// Binary layout of the keys stage's output (`probes.bin`), one record per
/// data row in input order:
///
/// `u32 line, u8 flags, u8 rowProblem, u8 postal, u8 phone, u8 email, u8 keyCount,
///  keyCount × (u8 kind, u64 fingerprint)`, little-endian.
/// Channel bytes: 0 absent, 1 usable, otherwise 0x80 | reason.
enum ProbeCoding {
    static func encode(_ probe: RowProbe, line: Int, into out: inout [UInt8]) {
        out.appendLE(UInt32(truncatingIfNeeded: line))
        out.append((probe.isBlank ? 1 : 0) | (probe.hasFirstName ? 2 : 0))
        out.append(probe.rowProblem?.rawValue ?? 0)
        out.append(channel(probe.postal))
        out.append(channel(probe.phone))
        out.append(channel(probe.email))
        out.append(UInt8(probe.keys.count))
        for key in probe.keys {
            out.append(key.kind.rawValue)
            out.appendLE(key.fingerprint)
        }
    }

    static let fixedSize = 10

    /// Decodes the record at `offset`; returns nil when the buffer holds less than a whole record.
    static func decode(_ raw: UnsafeRawBufferPointer, at offset: Int) -> (probe: RowProbe, line: Int, size: Int)? {
        guard raw.count - offset >= fixedSize else { return nil }
        let keyCount = Int(raw[offset + 9])
        let size = fixedSize + keyCount * 9
        guard raw.count - offset >= size else { return nil }
        var probe = RowProbe()
        let line = Int(raw.le(offset) as UInt32)
        let flags = raw[offset + 4]
        probe.isBlank = flags & 1 != 0
        probe.hasFirstName = flags & 2 != 0
        probe.rowProblem = Reason(rawValue: raw[offset + 5])
        probe.postal = state(raw[offset + 6])
        probe.phone = state(raw[offset + 7])
        probe.email = state(raw[offset + 8])
        probe.keys.reserveCapacity(keyCount)
        for k in 0..<keyCount {
            let at = offset + fixedSize + k * 9
            guard let kind = KeyKind(rawValue: raw[at]) else { continue }
            probe.keys.append(ProbeKey(kind: kind, fingerprint: raw.le(at + 1)))
        }
        return (probe, line, size)
    }

    private static func channel(_ state: ChannelState) -> UInt8 {
        switch state {
        case .absent: 0
        case .usable: 1
        case .invalid(let reason): 0x80 | reason.rawValue
        }
    }

    private static func state(_ byte: UInt8) -> ChannelState {
        switch byte {
        case 0: .absent
        case 1: .usable
        default: Reason(rawValue: byte & 0x7F).map { .invalid($0) } ?? .absent
        }
    }
}

/// `verdicts.bin`: four bytes per data row: marker, lists, kinds, reason.
enum VerdictCoding {
    static let size = 4

    static func encode(_ verdict: Verdict, into out: inout [UInt8]) {
        out.append(verdict.marker.rawValue)
        out.append(verdict.lists.rawValue)
        out.append(verdict.kinds)
        out.append(verdict.reason?.rawValue ?? 0)
    }

    static func decode(_ raw: UnsafeRawBufferPointer, at offset: Int) -> Verdict {
        Verdict(
            marker: Marker(rawValue: raw[offset]) ?? .pruefen,
            lists: ListSet(rawValue: raw[offset + 1]),
            kinds: raw[offset + 2],
            reason: Reason(rawValue: raw[offset + 3])
        )
    }
}
