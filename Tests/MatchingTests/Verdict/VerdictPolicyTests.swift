import Matching
import Testing

@Suite("Verdict rules")
struct VerdictPolicyTests {
    static func probe(_ keys: [(KeyKind, UInt64)], postal: ChannelState = .absent, phone: ChannelState = .absent,
                      email: ChannelState = .absent, firstName: Bool = true) -> RowProbe {
        var p = RowProbe()
        p.keys = keys.map { ProbeKey(kind: $0.0, fingerprint: $0.1) }
        p.postal = postal
        p.phone = phone
        p.email = email
        p.hasFirstName = firstName
        return p
    }

    // Index: 1 = person on post, 2 = household on post, 3 = phone on mobil, 4 = email, 5 = phonetic on post.
    static func lookup(_ fp: UInt64) -> ListSet {
        switch fp {
        case 1, 2, 5: ListSet(.post)
        case 3: ListSet(.mobil)
        case 4: ListSet(.email)
        default: []
        }
    }

    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let probe: RowProbe
        let booked: ListSet
        let marker: Marker
        let lists: String
        let grund: String
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "person and phonetic: person reported", probe: probe([(.household, 2), (.person, 1), (.phonetic, 5)], postal: .usable), booked: .all, marker: .ja, lists: "post", grund: "person"),
        Case(name: "person hit", probe: probe([(.household, 2), (.person, 1)], postal: .usable), booked: .all, marker: .ja, lists: "post", grund: "person"),
        Case(name: "phonetic only", probe: probe([(.household, 9), (.person, 8), (.phonetic, 5)], postal: .usable), booked: .all, marker: .ja, lists: "post", grund: "phonetisch"),
        Case(name: "person and phone", probe: probe([(.person, 1), (.phone, 3)], postal: .usable, phone: .usable), booked: .all, marker: .ja, lists: "post;mobil", grund: "person,telefon"),
        Case(name: "household only", probe: probe([(.household, 2), (.person, 8)], postal: .usable), booked: .all, marker: .nein, lists: "", grund: "haushalt"),
        Case(name: "household without first name", probe: probe([(.household, 2)], postal: .usable, firstName: false), booked: .all, marker: .pruefen, lists: "post", grund: "vorname-fehlt"),
        Case(name: "list not booked", probe: probe([(.phone, 3)], phone: .usable), booked: [ListSet(.telefon)], marker: .nein, lists: "", grund: ""),
        Case(name: "email hit", probe: probe([(.email, 4)], email: .usable), booked: [ListSet(.email)], marker: .ja, lists: "email", grund: "email"),
        Case(name: "no hit", probe: probe([(.person, 8), (.household, 9)], postal: .usable), booked: .all, marker: .nein, lists: "", grund: ""),
        Case(name: "invalid phone, no hit", probe: probe([(.person, 8)], postal: .usable, phone: .invalid(.phoneInvalid)), booked: .all, marker: .pruefen, lists: "", grund: "telefon-ungueltig"),
        Case(name: "invalid phone but phone lists not booked", probe: probe([(.person, 8)], postal: .usable, phone: .invalid(.phoneInvalid)), booked: [ListSet(.post)], marker: .nein, lists: "", grund: ""),
        Case(name: "hit wins over invalid field", probe: probe([(.person, 1)], postal: .usable, phone: .invalid(.phoneInvalid)), booked: .all, marker: .ja, lists: "post", grund: "person"),
        Case(name: "nothing checkable", probe: probe([], postal: .absent), booked: [ListSet(.post)], marker: .pruefen, lists: "", grund: "keine-pruefbaren-daten"),
        Case(name: "only data for unbooked list", probe: probe([(.email, 10)], email: .usable), booked: [ListSet(.post)], marker: .pruefen, lists: "", grund: "keine-pruefbaren-daten"),
        Case(name: "bad postcode", probe: probe([], postal: .invalid(.postcodeInvalid)), booked: [ListSet(.post)], marker: .pruefen, lists: "", grund: "plz-ungueltig"),
    ]

    @Test(arguments: cases)
    func decides(_ c: Case) {
        let verdict = VerdictPolicy(booked: c.booked).decide(c.probe, lookup: Self.lookup)
        #expect(verdict.marker == c.marker)
        #expect(verdict.lists.joined() == c.lists)
        #expect(verdict.grund == c.grund)
    }

    @Test func householdCanBeMadeAHitByConfiguration() {
        let policy = VerdictPolicy(hitKinds: [.person, .household], booked: .all)
        let verdict = policy.decide(Self.probe([(.household, 2)], postal: .usable), lookup: Self.lookup)
        #expect(verdict.marker == .ja)
        #expect(verdict.grund == "haushalt")
    }

    @Test func rowProblemAndBlank() {
        var p = RowProbe()
        p.rowProblem = .fieldCount
        #expect(VerdictPolicy(booked: .all).decide(p, lookup: Self.lookup) == Verdict(marker: .pruefen, reason: .fieldCount))
        var blank = RowProbe()
        blank.isBlank = true
        #expect(VerdictPolicy(booked: .all).decide(blank, lookup: Self.lookup).marker == .blank)
    }
}

@Suite("Header synonyms")
struct AddressColumnsTests {
    @Test func germanExcelHeader() {
        let c = AddressColumns.detect(header: ["Anrede", "Vorname", "Name", "Straße", "PLZ", "Ort", "Telefon", "Kundennr"])
        #expect(c.firstName == 1 && c.lastName == 2 && c.street == 3 && c.postcode == 4 && c.city == 5 && c.phones == [6])
        #expect(c.houseNumber == nil && c.fullName == nil && c.isUsable)
    }

    @Test func englishHeaderWithSeveralPhones() {
        let c = AddressColumns.detect(header: ["First Name", "Last Name", "Street", "House Number", "ZIP", "City", "Phone", "Mobile", "E-Mail"])
        #expect(c.firstName == 0 && c.lastName == 1 && c.street == 2 && c.houseNumber == 3 && c.postcode == 4 && c.city == 5)
        #expect(c.phones == [6, 7] && c.emails == [8])
    }

    @Test func nameAloneIsTheWholeName() {
        let c = AddressColumns.detect(header: ["Name", "Anschrift", "Postleitzahl", "Stadt"])
        #expect(c.fullName == 0 && c.lastName == nil && c.street == 1 && c.postcode == 2 && c.hasPostal)
    }

    @Test func numberedAndQualifiedColumns() {
        let c = AddressColumns.detect(header: ["Tel. privat", "Telefon 2", "Handynummer", "E-Mail geschäftlich", "Fax"])
        #expect(c.phones == [0, 1, 2, 4])
        #expect(c.emails == [3])
    }

    @Test func unusableHeader() {
        #expect(!AddressColumns.detect(header: ["Artikel", "Menge", "Preis"]).isUsable)
        // A name without address is not a postal channel.
        #expect(!AddressColumns.detect(header: ["Vorname", "Nachname"]).isUsable)
    }
}
