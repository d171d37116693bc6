import Foundation

/// Runs the poppler-utils tools on PDF bytes, so tests check what a reader
/// of the file sees rather than cairo's internals. The tools are found
/// through PATH (Debian puts them in /usr/bin).
enum Poppler {
    /// A word as `pdftotext -bbox` places it, in points from the top left.
    struct Word {
        let text: String
        let xMin: Double
        let xMax: Double
    }

    /// `pdftotext -layout`: the page text in reading layout, pages separated by form feeds.
    static func text(_ pdf: [UInt8]) throws -> String {
        try run("pdftotext", ["-layout", "-enc", "UTF-8"], pdf, trailing: ["-"])
    }

    /// `pdftotext -bbox`: every word with its horizontal extent.
    static func words(_ pdf: [UInt8]) throws -> [Word] {
        let html = try run("pdftotext", ["-bbox", "-enc", "UTF-8"], pdf, trailing: ["-"])
        let pattern = /<word xMin="([0-9.]+)" yMin="[0-9.]+" xMax="([0-9.]+)" yMax="[0-9.]+">([^<]*)<\/word>/
        return html.matches(of: pattern).map { match in
            Word(text: String(match.3), xMin: Double(match.1) ?? .nan, xMax: Double(match.2) ?? .nan)
        }
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

    private static func run(_ tool: String, _ arguments: [String], _ pdf: [UInt8], trailing: [String] = []) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("documents-test-\(UUID().uuidString).pdf")
        try Data(pdf).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        // env looks the tool up in PATH.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments + [file.path] + trailing
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw PopplerFailure(tool: tool, status: process.terminationStatus) }
        return String(decoding: output, as: UTF8.self)
    }
}

/// A poppler tool exited with an error (not installed: status 127 from env).
struct PopplerFailure: Error {
    let tool: String
    let status: Int32
}
