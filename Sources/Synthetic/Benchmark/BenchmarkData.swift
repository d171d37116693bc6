/// Large address files and deliveries for the benchmarks (`Benchmarks/`).
///
/// Both writers stream: each row comes from its own generator
/// (`SplitMix64(seed:stream:index:)`), goes through a 1 MiB buffer and is
/// forgotten, so memory stays bounded at any size, and the same arguments
/// always give the same bytes. Unlike the evaluation set nothing is kept
/// unique: at these sizes a rare accidental duplicate does not matter.
public enum BenchmarkData {
    /// The header of `writeInput`'s files.
    public static let inputHeader = "vorname;nachname;strasse;hausnummer;plz;ort;telefon;email"

    /// Writes an address file of `rows` data rows (`;`, UTF-8, LF, header `inputHeader`).
    ///
    /// `listedPercent` of the rows are people from the postal list that
    /// `writeDelivery(post: deliveryPost, …)` writes with the same seed, half of
    /// them respelled (abbreviations, umlauts written out, titles …); the others
    /// are on no list. About 60 % of the rows have a phone number, 40 % an e-mail address.
    public static func writeInput(
        rows: Int, seed: UInt64, to path: String, listedPercent: Int = 10, deliveryPost: Int = 100_000
    ) throws {
        let file = try BufferedFileWriter(path: path)
        try file.line(inputHeader)
        for index in 0..<max(0, rows) {
            var random = SplitMix64(seed: seed, stream: Stream.input, index: UInt64(index))
            var style = PostalStyle()
            let person: Person
            if deliveryPost > 0, random.chance(listedPercent) {
                person = postPerson(random.below(deliveryPost), seed: seed)
                if random.chance(50) {
                    style = VariantRecipe.mixedStyle(person, &random)
                    style.layout = .columns  // this file has no whole-name column
                }
            } else {
                var traits = PersonFactory.Traits()
                if random.chance(30) { traits.phone = .mobile }
                person = PersonFactory.person(traits, &random)
            }
            let row = PostalRenderer.row(person, style)
            let phone = random.chance(60) ? random.pick(PhoneFormat.allCases).render(person.phone, &random) : ""
            let email = random.chance(40) ? person.email : ""
            try file.line(CSVLine.join([
                row.firstName, row.lastName, row.street, row.houseNumber, row.postcode, row.city, phone, email,
            ]))
        }
        try file.finish()
    }

    /// Writes a delivery (docs/formats.md, "Robinson list delivery format") with the given
    /// number of rows per list, in canonical spelling: post rows first, then
    /// telefon, mobil and email.
    public static func writeDelivery(post: Int, telefon: Int, mobil: Int, email: Int, seed: UInt64, to path: String) throws {
        let file = try BufferedFileWriter(path: path)
        try file.line(DeliveryRow.header)
        for index in 0..<max(0, post) {
            try file.line(DeliveryRow.post(postPerson(index, seed: seed)).line)
        }
        for index in 0..<max(0, telefon) {
            var random = SplitMix64(seed: seed, stream: Stream.telefon, index: UInt64(index))
            try file.line(DeliveryRow(list: "telefon", phone: PhonePlan.landline(&random).e164).line)
        }
        for index in 0..<max(0, mobil) {
            var random = SplitMix64(seed: seed, stream: Stream.mobil, index: UInt64(index))
            try file.line(DeliveryRow(list: "mobil", phone: PhonePlan.mobile(&random).e164).line)
        }
        for index in 0..<max(0, email) {
            var random = SplitMix64(seed: seed, stream: Stream.email, index: UInt64(index))
            let gender: Gender = random.chance(50) ? .female : .male
            let first = PersonFactory.firstName(.any, gender, &random)
            let surname = PersonFactory.surname(.any, &random).surname
            try file.line(DeliveryRow(list: "email", email: EmailAddresses.address(first: first, surname: surname, &random)).line)
        }
        try file.finish()
    }

    /// Entry `index` of the postal list for `seed`: the same person in the delivery and in the input.
    static func postPerson(_ index: Int, seed: UInt64) -> Person {
        var random = SplitMix64(seed: seed, stream: Stream.post, index: UInt64(index))
        return PersonFactory.person(PersonFactory.Traits(), &random)
    }

    /// Independent generator streams per kind of row.
    private enum Stream {
        static let post: UInt64 = 1, telefon: UInt64 = 2, mobil: UInt64 = 3, email: UInt64 = 4, input: UInt64 = 5
    }
}
