import Synthetic
import Testing

@Suite struct CSVLineTests {
    @Test(arguments: [
        ["a", "b", "c"], ["", "", ""], ["Müller, Hans", "x;y", "say \"hi\""], ["post;telefon"], ["a\"", "\"b"],
    ])
    func roundTrips(fields: [String]) {
        #expect(CSVLine.split(Substring(CSVLine.join(fields))) == fields)
    }

    @Test func quotesOnlyWhenNeeded() {
        #expect(CSVLine.join(["Müller, Hans", "a;b", "x\"y"]) == "Müller, Hans;\"a;b\";\"x\"\"y\"")
    }
}
