import Formats

/// Normalizes and keys one data row straight from the chunk's bytes, with the
/// byte-level normalizers and reused buffers: no `String`, dictionary or array
/// is created per row. Gives exactly the probe `RowKeyer` gives (the
/// differential test checks it on generated rows and random bytes); a field
/// with a scalar outside `ScalarTable`, a whole-name column or an e-mail
/// address that is not plain ASCII goes to the reference normalizers.
///
/// One per worker: not thread-safe.
public final class ByteRowKeyer {
    public let columns: AddressColumns
    public let headerFieldCount: Int
    public let encoding: TextEncoding
    public let fingerprinter: Fingerprinter

    /// A row with another field count than the header is `feldanzahl` (address
    /// files); when false, it is keyed from the fields it has (deliveries).
    @exclusivity(unchecked) public var checksFieldCount = true

    /// Fields handed to the reference normalizers so far (for the benchmark's report).
    @exclusivity(unchecked) public private(set) var referenceFields = 0
    /// First-name fields found in and missing from the memo so far (for the benchmark's report).
    public var givenNameMemoHits: Int { givenNames.hits }
    public var givenNameMemoMisses: Int { givenNames.misses }

    @exclusivity(unchecked) private var scalars = ScratchBuffer<UInt32>(capacity: 1024)
    @exclusivity(unchecked) private var unescaped = ScratchBuffer<UInt8>(capacity: 256)
    @exclusivity(unchecked) private var parts = ScratchBuffer<UInt8>(capacity: 256)
    @exclusivity(unchecked) private var message = ScratchBuffer<UInt8>(capacity: 256)
    @exclusivity(unchecked) private var codes = ScratchBuffer<UInt8>(capacity: 64)
    @exclusivity(unchecked) private var postalFields = ScratchBuffer<Field?>(capacity: 8)
    private let postalColumns: [Int?]
    /// Whether a field of the row being keyed could not be decoded. A property,
    /// not a local the nested functions capture: that would be checked for
    /// exclusive access at run time on every row.
    @exclusivity(unchecked) private var unreadable = false
    /// `columns.hasPostal`, asked once per row.
    private let hasPostal: Bool
    @exclusivity(unchecked) private var names = NameBytes()
    @exclusivity(unchecked) private var streets = StreetBytes()
    @exclusivity(unchecked) private var houses = HouseNumberBytes()
    @exclusivity(unchecked) private var contacts = ContactBytes()
    @exclusivity(unchecked) private var givenNames = GivenNameMemo()
    private let plain = PlainText()
    /// The key kinds' prefixes, one after the other, and where each lies.
    @exclusivity(unchecked) private var prefixes = ScratchBuffer<UInt8>(capacity: 64)
    private let prefixRanges: [Range<Int>]
    /// Start and end of each part of the key being hashed; of three keys
    /// hashed together, each from a multiple of `Fingerprinter.boundsPerKey` on.
    private let bounds = UnsafeMutablePointer<Int>.allocate(capacity: 3 * Fingerprinter.boundsPerKey)

    public init(columns: AddressColumns, headerFieldCount: Int, encoding: TextEncoding, fingerprinter: Fingerprinter) {
        self.columns = columns
        self.headerFieldCount = headerFieldCount
        self.encoding = encoding
        self.fingerprinter = fingerprinter
        var ranges: [Range<Int>] = []
        for kind in KeyKind.allCases {
            let start = prefixes.count
            prefixes.append(contentsOf: kind.prefixBytes)
            ranges.append(start..<prefixes.count)
        }
        prefixRanges = ranges
        hasPostal = columns.hasPostal
        postalColumns = [columns.firstName, columns.lastName, columns.fullName, columns.street, columns.houseNumber, columns.postcode]
    }

    deinit {
        bounds.deallocate()
        scalars.release()
        prefixes.release()
        unescaped.release()
        parts.release()
        message.release()
        codes.release()
        postalFields.release()
        names.release()
        streets.release()
        houses.release()
        contacts.release()
        givenNames.release()
    }

    public convenience init(_ keyer: RowKeyer) {
        self.init(columns: keyer.columns, headerFieldCount: keyer.headerFieldCount, encoding: keyer.encoding, fingerprinter: keyer.fingerprinter)
    }

    /// Asks the CPU to load what keying `record` will read from memory first
    /// (its first name's memo slot): called a row ahead, the load overlaps
    /// with keying the row before.
    @inline(__always)
    func prepare(_ chunk: RecordChunk, _ record: Int) {
        guard let index = columns.firstName, index < chunk.fieldCount(record) else { return }
        let span = chunk.fieldSpan(record, index)
        chunk.bytes.withUnsafeBufferPointer { bytes in
            givenNames.prefetch(UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]))
        }
    }

    /// A decoded field: its scalars in `scalars`, nil when absent or unreadable.
    private struct Field {
        var range: Range<Int>
        var covered: Bool
    }

    /// Overwrites `probe` with the probe of `record` (its key array keeps its capacity).
    public func probe(_ chunk: RecordChunk, _ record: Int, into probe: inout RowProbe) {
        probe.keys.removeAll(keepingCapacity: true)
        probe.postal = .absent
        probe.phone = .absent
        probe.email = .absent
        probe.rowProblem = nil
        probe.hasFirstName = false
        probe.isBlank = false
        if chunk.isBlank(record) {
            probe.isBlank = true
            return
        }
        let fieldCount = chunk.fieldCount(record)
        guard fieldCount == headerFieldCount || !checksFieldCount else {
            probe.rowProblem = .fieldCount
            return
        }
        scalars.removeAll()
        unreadable = false
        let utf8 = encoding == .utf8
        chunk.bytes.withUnsafeBufferPointer { bytes in
            func field(_ index: Int?) -> Field? {
                guard let index, index < fieldCount else { return nil }
                let span = chunk.fieldSpan(record, index)
                var raw = UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])
                if span.quoted, raw.contains(0x22) {
                    unescape(raw)
                    return unescaped.withBuffer { decode($0) }
                }
                if raw.isEmpty { raw = UnsafeBufferPointer(start: nil, count: 0) }
                return decode(raw)
            }
            func decode(_ raw: UnsafeBufferPointer<UInt8>) -> Field? {
                let start = scalars.count
                switch FieldScalars.decode(raw, as: encoding, into: &scalars) {
                case .decoded(let covered): return Field(range: start..<scalars.count, covered: covered)
                case .invalid:
                    if encoding == .utf8, case .decoded(let covered) = FieldScalars.decode(raw, as: .windows1252, into: &scalars) {
                        return Field(range: start..<scalars.count, covered: covered)
                    }
                    unreadable = true
                    return nil
                }
            }
            /// The field's bytes as they stand in the chunk; nil when absent or
            /// when quotes inside it must be unescaped first (the full path does that).
            func plainRaw(_ index: Int?) -> UnsafeBufferPointer<UInt8>? {
                guard let index, index < fieldCount else { return UnsafeBufferPointer(start: nil, count: 0) }
                let span = chunk.fieldSpan(record, index)
                let raw = UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])
                if span.quoted, raw.contains(0x22) { return nil }
                return raw
            }

            if hasPostal {
                var handled = false
                if columns.fullName == nil, let first = plainRaw(columns.firstName), let last = plainRaw(columns.lastName),
                    let street = plainRaw(columns.street), let number = plainRaw(columns.houseNumber),
                    let plz = plainRaw(columns.postcode)
                {
                    handled = postalPlain(first, last, street, number, plz, utf8: utf8, &probe)
                }
                if !handled {
                    postalFields.removeAll()
                    for column in postalColumns { postalFields.append(field(column)) }
                    probe.postal = postal(&probe)
                }
            }
            var phone = ChannelState.absent, email = ChannelState.absent
            for index in columns.phones {
                if let raw = plainRaw(index) {
                    let shape = plain.shape(raw, utf8: utf8)
                    if shape.isASCII {
                        if shape.isBlank { continue }
                        parts.removeAll()
                        let normalized = contacts.phone(ascii: raw, into: &parts)
                        addContact(normalized, .phone, .phoneInvalid, into: &phone, &probe)
                        continue
                    }
                }
                guard let value = field(index) else { continue }
                contact(value, .phone, .phoneInvalid, into: &phone, &probe)
            }
            for index in columns.emails {
                if let raw = plainRaw(index) {
                    let shape = plain.shape(raw, utf8: utf8)
                    if shape.isASCII {
                        if shape.isBlank { continue }
                        parts.removeAll()
                        var normalized = contacts.plainEmail(raw, into: &parts)
                        if normalized == nil { normalized = referenceContact(String(decoding: raw, as: UTF8.self), .email) }
                        addContact(normalized == true, .email, .emailInvalid, into: &email, &probe)
                        continue
                    }
                }
                guard let value = field(index) else { continue }
                contact(value, .email, .emailInvalid, into: &email, &probe)
            }
            probe.phone = phone
            probe.email = email
        }
        if unreadable { probe.rowProblem = .encoding }
    }

    /// `RecordChunk.fieldBytes` into the reused buffer: quotes removed, `""` → `"`.
    private func unescape(_ raw: UnsafeBufferPointer<UInt8>) {
        unescaped.removeAll()
        var inQuotes = true
        var i = 0
        while i < raw.count {
            let byte = raw[i]
            if inQuotes && byte == 0x22 {
                if i + 1 < raw.count && raw[i + 1] == 0x22 {
                    unescaped.append(0x22)
                    i += 2
                    continue
                }
                inQuotes = false
            } else {
                unescaped.append(byte)
            }
            i += 1
        }
    }

    // MARK: - Postal

    private func postal(_ probe: inout RowProbe) -> ChannelState {
        let fields = postalFields
        return scalars.withBuffer { all in
            func text(_ field: Field?) -> UnsafeBufferPointer<UInt32> {
                guard let field, !field.range.isEmpty else { return UnsafeBufferPointer(start: nil, count: 0) }
                return UnsafeBufferPointer(rebasing: all[field.range])
            }
            let first = text(fields[0]), last = text(fields[1]), full = text(fields[2])
            let street = text(fields[3]), number = text(fields[4]), plz = text(fields[5])
            if FieldScalars.isBlank(first) && FieldScalars.isBlank(last) && FieldScalars.isBlank(full)
                && FieldScalars.isBlank(street) && FieldScalars.isBlank(number) && FieldScalars.isBlank(plz)
            {
                return .absent
            }
            var uncovered = false
            for field in fields where field.map({ !$0.covered }) ?? false { uncovered = true }
            if uncovered || (FieldScalars.isBlank(last) && fields[2] != nil && !FieldScalars.isBlank(full)) {
                referenceFields += 1
                return referencePostal(fields.map { $0.map { FieldScalars.string(UnsafeBufferPointer(rebasing: all[$0.range])) } }, &probe)
            }
            var streetText = street
            var numberText = number
            if FieldScalars.isBlank(number) {
                let split = streets.splitHouseNumber(street)
                streetText = UnsafeBufferPointer(rebasing: street[split.street])
                numberText = split.houseNumber.map { UnsafeBufferPointer(rebasing: street[$0]) } ?? UnsafeBufferPointer(start: nil, count: 0)
            }
            if FieldScalars.isBlank(last) || FieldScalars.isBlank(streetText) || FieldScalars.isBlank(numberText) || FieldScalars.isBlank(plz) {
                return .invalid(.addressIncomplete)
            }
            parts.removeAll()
            names.normalize(first, .given, into: &parts)
            let given = 0..<parts.count
            names.normalize(last, .surname, into: &parts)
            let surname = given.upperBound..<parts.count
            for index in 0..<parts.count where parts[index] >= 0x30 && parts[index] <= 0x39 { return .invalid(.nameInvalid) }
            if surname.isEmpty { return .invalid(.nameInvalid) }
            guard streets.normalize(streetText, 0..<streetText.count, into: &parts) else { return .invalid(.streetInvalid) }
            let streetKey = surname.upperBound..<parts.count
            guard houses.normalize(numberText, 0..<numberText.count, into: &parts) else { return .invalid(.houseNumberInvalid) }
            let house = streetKey.upperBound..<parts.count
            guard contacts.postcode(plz, 0..<plz.count, into: &parts) else { return .invalid(.postcodeInvalid) }
            let postcode = house.upperBound..<parts.count
            postalKeys(given: given, surname: surname, street: streetKey, house: house, postcode: postcode, &probe)
            return .usable
        }
    }

    /// The postal channel of a row whose postal fields are all plain (`PlainText`),
    /// read from their bytes; a name or house number in a form the fast paths
    /// leave alone is decoded and normalized by the scalar path. False, with
    /// nothing changed, when the scalar path must handle the whole channel (a
    /// field that is not plain, or a house number that may be in the street).
    private func postalPlain(
        _ first: UnsafeBufferPointer<UInt8>, _ last: UnsafeBufferPointer<UInt8>, _ street: UnsafeBufferPointer<UInt8>,
        _ number: UnsafeBufferPointer<UInt8>, _ plz: UnsafeBufferPointer<UInt8>, utf8: Bool, _ probe: inout RowProbe
    ) -> Bool {
        let firstShape = plain.shape(first, utf8: utf8), lastShape = plain.shape(last, utf8: utf8)
        let streetShape = plain.shape(street, utf8: utf8), numberShape = plain.shape(number, utf8: utf8)
        let plzShape = plain.shape(plz, utf8: utf8)
        guard firstShape.isPlain, lastShape.isPlain, streetShape.isPlain, numberShape.isPlain, plzShape.isPlain else { return false }
        if firstShape.isBlank && lastShape.isBlank && streetShape.isBlank && numberShape.isBlank && plzShape.isBlank {
            probe.postal = .absent
            return true
        }
        var street = street, number = number, numberIsASCII = numberShape.isASCII
        if numberShape.isBlank {
            // The house number may stand in the street cell: split as the scalar path does.
            // Anything unusual (no number found, nothing left of the street) is left to it.
            guard !streetShape.isBlank, let split = splitHouseNumber(street) else { return false }
            street = split.street
            number = split.number
            numberIsASCII = plain.shape(number, utf8: utf8).isASCII
        }
        if lastShape.isBlank || streetShape.isBlank || plzShape.isBlank {
            probe.postal = .invalid(.addressIncomplete)
            return true
        }
        probe.postal = postalPlainState(first, last, street, number, numberIsASCII, plz, plzShape.isASCII, &probe)
        return true
    }

    /// `StreetBytes.splitHouseNumber` of a plain street cell, as byte ranges of it;
    /// nil when it finds no house number or leaves no street.
    private func splitHouseNumber(_ street: UnsafeBufferPointer<UInt8>) -> (street: UnsafeBufferPointer<UInt8>, number: UnsafeBufferPointer<UInt8>)? {
        let text = decodePlain(street)
        let split = streets.splitHouseNumber(text)
        guard let house = split.houseNumber, !FieldScalars.isBlank(UnsafeBufferPointer(rebasing: text[split.street])) else { return nil }
        // Plain text: a scalar is one byte, or two from a lead byte (C2…CB) on.
        var offsets = (street: 0..<0, house: 0..<0)
        var scalar = 0, byte = 0
        while true {
            if scalar == split.street.lowerBound { offsets.street = byte..<byte }
            if scalar == split.street.upperBound { offsets.street = offsets.street.lowerBound..<byte }
            if scalar == house.lowerBound { offsets.house = byte..<byte }
            if scalar == house.upperBound { offsets.house = offsets.house.lowerBound..<byte }
            guard byte < street.count else { break }
            byte += street[byte] < 0x80 ? 1 : 2
            scalar += 1
        }
        return (UnsafeBufferPointer(rebasing: street[offsets.street]), UnsafeBufferPointer(rebasing: street[offsets.house]))
    }

    private func postalPlainState(
        _ first: UnsafeBufferPointer<UInt8>, _ last: UnsafeBufferPointer<UInt8>, _ street: UnsafeBufferPointer<UInt8>,
        _ number: UnsafeBufferPointer<UInt8>, _ numberIsASCII: Bool, _ plz: UnsafeBufferPointer<UInt8>, _ plzIsASCII: Bool,
        _ probe: inout RowProbe
    ) -> ChannelState {
        parts.removeAll()
        let known = givenNames.find(first)
        if let known {
            parts.append(contentsOf: known.folded)
        } else if !names.normalizePlain(first, into: &parts) {
            names.normalize(decodePlain(first), .given, into: &parts)
        }
        let given = 0..<parts.count
        if !names.normalizePlain(last, surname: true, into: &parts) { names.normalize(decodePlain(last), .surname, into: &parts) }
        let surname = given.upperBound..<parts.count
        for index in 0..<parts.count where parts[index] >= 0x30 && parts[index] <= 0x39 { return .invalid(.nameInvalid) }
        if surname.isEmpty { return .invalid(.nameInvalid) }
        guard streets.normalize(plain: street, into: &parts) else { return .invalid(.streetInvalid) }
        let streetKey = surname.upperBound..<parts.count
        if !(numberIsASCII && houses.normalizePlain(ascii: number, into: &parts)) {
            let text = decodePlain(number)
            guard houses.normalize(text, 0..<text.count, into: &parts) else { return .invalid(.houseNumberInvalid) }
        }
        let house = streetKey.upperBound..<parts.count
        if plzIsASCII {
            guard contacts.postcode(ascii: plz, into: &parts) else { return .invalid(.postcodeInvalid) }
        } else {
            let text = decodePlain(plz)
            guard contacts.postcode(text, 0..<text.count, into: &parts) else { return .invalid(.postcodeInvalid) }
        }
        let postcode = house.upperBound..<parts.count
        postalKeys(
            given: given, surname: surname, street: streetKey, house: house, postcode: postcode,
            givenCode: known?.code, firstField: known == nil ? first : nil, &probe)
        return .usable
    }

    /// A plain field's scalars, in `scalars` (cleared first).
    private func decodePlain(_ raw: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt32> {
        scalars.removeAll()
        _ = FieldScalars.decode(raw, as: encoding, into: &scalars)
        return scalars.buffer
    }

    /// The household key, and with a first name the person and phonetic keys,
    /// from the normalized parts in `parts`. `givenCode`: the given names' code
    /// from the memo; `firstField`: the first-name field to keep in the memo.
    private func postalKeys(
        given: Range<Int>, surname: Range<Int>, street: Range<Int>, house: Range<Int>, postcode: Range<Int>,
        givenCode: UnsafeBufferPointer<UInt8>? = nil, firstField: UnsafeBufferPointer<UInt8>? = nil, _ probe: inout RowProbe
    ) {
        probe.hasFirstName = !given.isEmpty
        guard !given.isEmpty else {
            probe.keys.append(ProbeKey(kind: .household, fingerprint: fingerprint(.household, surname, street, house, postcode)))
            return
        }
        codes.removeAll()
        parts.withBuffer { KoelnerBytes.encode($0, surname, into: &codes) }
        let lastLength = codes.count
        if let givenCode {
            codes.append(contentsOf: givenCode)
        } else {
            parts.withBuffer { KoelnerBytes.encode($0, given, into: &codes) }
            if let firstField {
                givenNames.store(firstField, folded: parts.slice(given), code: codes.slice(lastLength..<codes.count))
            }
        }
        let lastCode = parts.count..<(parts.count + lastLength)
        let firstCode = lastCode.upperBound..<(parts.count + codes.count)
        parts.append(contentsOf: codes.buffer)
        let keys = postalFingerprints(
            surname: surname, given: given, street: street, house: house, postcode: postcode, lastCode: lastCode, firstCode: firstCode)
        probe.keys.append(ProbeKey(kind: .household, fingerprint: keys.household))
        probe.keys.append(ProbeKey(kind: .person, fingerprint: keys.person))
        probe.keys.append(ProbeKey(kind: .phonetic, fingerprint: keys.phonetic))
    }

    private func referencePostal(_ fields: [String?], _ probe: inout RowProbe) -> ChannelState {
        switch PostalIdentity.normalize(
            first: fields[0], last: fields[1], fullName: fields[2], street: fields[3], houseNumber: fields[4], postcode: fields[5]
        ) {
        case .success(let identity):
            probe.hasFirstName = !identity.first.isEmpty
            identity.keys(fingerprinter, into: &probe.keys)
            return .usable
        case .failure(let reason):
            return .invalid(reason)
        }
    }

    /// `kind ␟ part ␟ part …` from ranges of `parts`, hashed (SipHash reads the
    /// parts where they lie; HMAC needs the string built first). Written for each
    /// number of parts a key has, so the ranges go straight into `bounds`.
    private func fingerprint(_ kind: KeyKind, _ a: Range<Int>) -> UInt64 {
        setPart(0, a)
        return fingerprint(kind, partCount: 1)
    }

    private func fingerprint(_ kind: KeyKind, _ a: Range<Int>, _ b: Range<Int>, _ c: Range<Int>, _ d: Range<Int>) -> UInt64 {
        setPart(0, a)
        setPart(1, b)
        setPart(2, c)
        setPart(3, d)
        return fingerprint(kind, partCount: 4)
    }

    private func fingerprint(
        _ kind: KeyKind, _ a: Range<Int>, _ b: Range<Int>, _ c: Range<Int>, _ d: Range<Int>, _ e: Range<Int>
    ) -> UInt64 {
        setPart(0, a)
        setPart(1, b)
        setPart(2, c)
        setPart(3, d)
        setPart(4, e)
        return fingerprint(kind, partCount: 5)
    }

    /// The household, person and phonetic keys from ranges of `parts`, hashed together.
    private func postalFingerprints(
        surname: Range<Int>, given: Range<Int>, street: Range<Int>, house: Range<Int>, postcode: Range<Int>,
        lastCode: Range<Int>, firstCode: Range<Int>
    ) -> (household: UInt64, person: UInt64, phonetic: UInt64) {
        // Key i's parts from part index `perKey * i` on (two bounds per part).
        let perKey = Fingerprinter.boundsPerKey / 2
        setPart(0, surname)
        setPart(1, street)
        setPart(2, house)
        setPart(3, postcode)
        setPart(perKey, surname)
        setPart(perKey + 1, given)
        setPart(perKey + 2, street)
        setPart(perKey + 3, house)
        setPart(perKey + 4, postcode)
        setPart(2 * perKey, lastCode)
        setPart(2 * perKey + 1, firstCode)
        setPart(2 * perKey + 2, street)
        setPart(2 * perKey + 3, house)
        setPart(2 * perKey + 4, postcode)
        if let keys = fingerprinter.fingerprints(
            (.household, .person, .phonetic), prefixes: (prefix(.household), prefix(.person), prefix(.phonetic)),
            parts: parts.base, bounds: bounds, counts: (4, 5, 5))
        {
            return keys
        }
        return (
            fingerprint(.household, surname, street, house, postcode), fingerprint(.person, surname, given, street, house, postcode),
            fingerprint(.phonetic, lastCode, firstCode, street, house, postcode))
    }

    @inline(__always)
    private func prefix(_ kind: KeyKind) -> UnsafeBufferPointer<UInt8> {
        prefixes.slice(prefixRanges[Int(kind.rawValue) - 1])
    }

    @inline(__always)
    private func setPart(_ index: Int, _ range: Range<Int>) {
        bounds[2 * index] = range.lowerBound
        bounds[2 * index + 1] = range.upperBound
    }

    /// The key of the first `count` parts in `bounds`.
    private func fingerprint(_ kind: KeyKind, partCount count: Int) -> UInt64 {
        let prefix = prefix(kind)
        if let value = fingerprinter.fingerprint(kind, prefix: prefix, parts: parts.base, bounds: bounds, count: count) {
            return value
        }
        var length = prefix.count
        for i in 0..<count { length += 1 + bounds[2 * i + 1] - bounds[2 * i] }
        message.removeAll()
        message.reserve(length)
        message.append(contentsOf: prefix)
        for i in 0..<count {
            message.append(0x1F)
            message.append(contentsOf: parts.slice(bounds[2 * i]..<bounds[2 * i + 1]))
        }
        return fingerprinter.fingerprint(message: message.buffer)
    }

    // MARK: - Phone and e-mail

    private func contact(_ field: Field, _ kind: KeyKind, _ invalid: Reason, into state: inout ChannelState, _ probe: inout RowProbe) {
        scalars.withBuffer { all in
            let text = UnsafeBufferPointer(rebasing: all[field.range])
            parts.removeAll()
            if FieldScalars.isBlank(text) { return }
            var normalized: Bool?
            if field.covered {
                switch kind {
                case .phone:
                    normalized = contacts.phone(text, into: &parts)
                default:
                    var ascii = true
                    for value in text where value >= 0x80 { ascii = false; break }
                    if ascii {
                        unescaped.removeAll()
                        for value in text { unescaped.append(UInt8(value)) }
                        normalized = unescaped.withBuffer { contacts.plainEmail($0, into: &parts) }
                    }
                }
            }
            if normalized == nil { normalized = referenceContact(FieldScalars.string(text), kind) }
            addContact(normalized == true, kind, invalid, into: &state, &probe)
        }
    }

    /// The reference normalizer's value of a phone or e-mail field, appended to `parts`.
    private func referenceContact(_ text: String, _ kind: KeyKind) -> Bool {
        referenceFields += 1
        let result = kind == .phone ? PhoneNormalizer.normalize(text) : EmailNormalizer.normalize(text)
        guard case .success(let value) = result else { return false }
        parts.append(contentsOf: value.utf8)
        return true
    }

    /// The key of the value in `parts`, or the channel marked unusable.
    private func addContact(_ normalized: Bool, _ kind: KeyKind, _ invalid: Reason, into state: inout ChannelState, _ probe: inout RowProbe) {
        guard normalized else {
            state = .invalid(invalid)
            return
        }
        probe.keys.append(ProbeKey(kind: kind, fingerprint: fingerprint(kind, 0..<parts.count)))
        if state == .absent { state = .usable }
    }
}
