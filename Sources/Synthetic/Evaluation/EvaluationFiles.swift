import Foundation

/// Where an evaluation's files live: the delivery, the address file, the
/// expected markers, and the matcher's output.
public struct EvaluationFiles: Sendable {
    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    public var delivery: String { folder + "/delivery.csv" }
    public var input: String { folder + "/input.csv" }
    /// `id;kind;category;robinson;robinson_grund`, one line per input row.
    public var expected: String { folder + "/expected.csv" }
    /// Where the matcher writes the annotated input.
    public var output: String { folder + "/output.csv" }
}

extension EvaluationSet {
    /// Writes the delivery, the input and the expectations into `folder` (created when missing).
    @discardableResult
    public func write(to folder: String) throws -> EvaluationFiles {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let files = EvaluationFiles(folder: folder)

        let delivery = try BufferedFileWriter(path: files.delivery)
        try delivery.line(DeliveryRow.header)
        for row in self.delivery { try delivery.line(row.line) }
        try delivery.finish()

        let input = try BufferedFileWriter(path: files.input)
        try input.line(InputRow.header)
        for row in rows { try input.line(row.input.line(id: row.id)) }
        try input.finish()

        let expected = try BufferedFileWriter(path: files.expected)
        try expected.line("id;kind;category;robinson;robinson_grund")
        for row in rows {
            try expected.line(CSVLine.join([
                String(row.id), row.kind.name, row.kind.category.rawValue, row.expectedMarker.rawValue, row.expectedGrund,
            ]))
        }
        try expected.finish()
        return files
    }
}
