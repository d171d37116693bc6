/// The workbook's shared string table (`xl/sharedStrings.xml`), which cells
/// refer to by index. Held as one byte buffer with offsets: about the size of
/// the text itself, however many strings there are.
struct SharedStrings {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    init() {}

    /// Reads every string item (`si`) of the part unpacked to `file`.
    init(_ file: String?, path: String, part: String) throws(WorkbookError) {
        guard let file else { throw .damaged(path: path, part: part, detail: "the part is missing") }
        var bytes: [UInt8] = []
        var ends: [Int] = []
        do {
            let reader = try XMLStreamReader(path: file)
            while let element = try reader.next() {
                guard element.depth == 1 else { continue }
                guard element.localName == "si" else {
                    reader.skipContent()
                    continue
                }
                bytes.append(contentsOf: SheetReader.richText(try reader.expand()).utf8)
                ends.append(bytes.count)
            }
        } catch {
            throw WorkbookParts.damaged(error, path: path, part: part)
        }
        self.bytes = bytes
        self.ends = ends
    }

    var count: Int { ends.count }

    subscript(index: Int) -> String {
        let start = index == 0 ? 0 : ends[index - 1]
        return String(decoding: bytes[start..<ends[index]], as: UTF8.self)
    }
}
