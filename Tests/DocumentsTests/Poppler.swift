import Foundation

/// Runs the poppler-utils tools on PDF bytes, so tests check what a reader
/// of the file sees rather than cairo's internals.
enum Poppler {
    /// `pdftotext -layout`: the page text in reading layout.
    static func text(_ pdf: [UInt8]) throws -> String {
        try run("pdftotext", ["-layout", "-enc", "UTF-8"], pdf, outputToStdout: true)
    }

    /// `pdffonts`: one line per font with type, encoding, emb, sub, uni.
    static func fonts(_ pdf: [UInt8]) throws -> String {
        try run("pdffonts", [], pdf)
    }

    /// `pdfinfo`: title, author, dates, page count, by field name.
    static func info(_ pdf: [UInt8]) throws -> [String: String] {
        let output = try run("pdfinfo", ["-isodates"], pdf)
        var fields: [String: String] = [:]
        for line in output.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    private static func run(_ tool: String, _ arguments: [String], _ pdf: [UInt8], outputToStdout: Bool = false) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("documents-test-\(UUID().uuidString).pdf")
        try Data(pdf).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/" + tool)
        process.arguments = arguments + [file.path] + (outputToStdout ? ["-"] : [])
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw PopplerFailure(tool: tool, status: process.terminationStatus) }
        return String(decoding: output, as: UTF8.self)
    }
}

struct PopplerFailure: Error {
    let tool: String
    let status: Int32
}
