import Formats

/// Normalizes and keys one data row of a customer's file.
public struct RowKeyer: Sendable {
    public let columns: AddressColumns
    public let headerFieldCount: Int
    public let encoding: TextEncoding
    public let fingerprinter: Fingerprinter

    public init(columns: AddressColumns, headerFieldCount: Int, encoding: TextEncoding, fingerprinter: Fingerprinter) {
        self.columns = columns
        self.headerFieldCount = headerFieldCount
        self.encoding = encoding
        self.fingerprinter = fingerprinter
    }

    public func probe(_ chunk: RecordChunk, _ record: Int, memo: NormalizationMemo? = nil) -> RowProbe {
        var probe = RowProbe()
        if chunk.isBlank(record) {
            probe.isBlank = true
            return probe
        }
        // A row with another field count has shifted or missing columns: its
        // values cannot be trusted to be what the header says.
        guard chunk.fieldCount(record) == headerFieldCount else {
            probe.rowProblem = .fieldCount
            return probe
        }
        var unreadable = false
        func field(_ index: Int?) -> String? {
            guard let index else { return nil }
            if let text = chunk.fieldString(record, index, encoding: encoding) { return text }
            // Mixed files exist (an UTF-8 export with pasted Windows text): try the other.
            if encoding == .utf8, let text = chunk.fieldString(record, index, encoding: .windows1252) { return text }
            unreadable = true
            return nil
        }

        if columns.hasPostal {
            let first = field(columns.firstName), last = field(columns.lastName), full = field(columns.fullName)
            let street = field(columns.street), number = field(columns.houseNumber), plz = field(columns.postcode)
            if [first, last, full, street, number, plz].allSatisfy({ ($0 ?? "").isBlank }) {
                probe.postal = .absent
            } else {
                switch PostalIdentity.normalize(first: first, last: last, fullName: full, street: street, houseNumber: number, postcode: plz, memo: memo) {
                case .success(let identity):
                    probe.postal = .usable
                    probe.hasFirstName = !identity.first.isEmpty
                    identity.keys(fingerprinter, into: &probe.keys, memo: memo)
                case .failure(let reason):
                    probe.postal = .invalid(reason)
                }
            }
        }
        // Every phone and e-mail column gives a key; one unusable value makes its channel unusable.
        func key(_ indices: [Int], _ kind: KeyKind, _ invalid: Reason, _ normalize: (String) -> Result<String, InvalidValue>,
                 into state: inout ChannelState) {
            for index in indices {
                guard let raw = field(index), !raw.isBlank else { continue }
                switch normalize(raw) {
                case .success(let value):
                    probe.keys.append(ProbeKey(kind: kind, fingerprint: fingerprinter.fingerprint(kind, value)))
                    if state == .absent { state = .usable }
                case .failure:
                    state = .invalid(invalid)
                }
            }
        }
        var phone = ChannelState.absent, email = ChannelState.absent
        key(columns.phones, .phone, .phoneInvalid, PhoneNormalizer.normalize, into: &phone)
        key(columns.emails, .email, .emailInvalid, EmailNormalizer.normalize, into: &email)
        probe.phone = phone
        probe.email = email
        if unreadable { probe.rowProblem = .encoding }
        return probe
    }
}
