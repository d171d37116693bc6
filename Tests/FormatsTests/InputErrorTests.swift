import Formats
import Testing

private let path = "/srv/robinson/rejected/k7/kunden.csv"

@Suite struct InputErrorTests {
    /// Each message names the file (short and full), the line when known, and what to do.
    @Test(arguments: [
        (InputError.empty(path: path), nil as String?, "Upload"),
        (.binary(path: path, offset: 12), "byte 12", "Save the file again"),
        (.spreadsheetWorkbook(path: path), nil, "CSV UTF-8"),
        (.unsupportedEncoding(path: path, encoding: "UTF-16"), "UTF-16", "Save the file again"),
        (.undecodableBytes(path: path, line: 7, offset: 300), "line 7", "Save the file again"),
        (.unbalancedQuote(path: path, line: 42), "line 42", "fix it"),
        (.recordTooLong(path: path, line: 3, limit: 100), "line 3", "fix it"),
        (.corruptStream(path: path, detail: "zstd: Data corruption detected"), "Data corruption", "Compress the file again"),
        (.truncatedStream(path: path), nil, "Upload the complete file"),
        (.io(path: path, detail: "Permission denied"), "Permission denied", "Check"),
    ])
    func describesTheProblem(_ error: InputError, _ detail: String?, _ advice: String) {
        let text = error.description
        #expect(text.contains("\"kunden.csv\""))
        #expect(text.contains(path))
        if let detail { #expect(text.contains(detail)) }
        #expect(text.contains(advice))
        #expect(error.path == path)
    }

    @Test func bareFileNameIsNotRepeated() {
        #expect(InputError.empty(path: "kunden.csv").description.hasPrefix("The file \"kunden.csv\" is empty"))
    }

    @Test func outputErrorNamesFileAndOperation() {
        let text = OutputError.io(path: "/srv/out/a.csv", operation: "fsync", detail: "No space left on device").description
        #expect(text.contains("\"a.csv\" (/srv/out/a.csv)"))
        #expect(text.contains("fsync"))
        #expect(text.contains("disk space"))
    }
}
