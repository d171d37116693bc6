import Foundation

/// poppler-utils (found through PATH) on PDF bytes: what a reader of the invoice sees.
enum PdfText {
    /// `pdftotext -layout`, pages separated by form feeds.
    static func text(_ pdf: [UInt8]) throws -> String {
        try run("pdftotext", ["-layout", "-enc", "UTF-8"], pdf, trailing: ["-"])
    }

    /// `pdffonts` rows after the header: name type encoding emb sub uni object generation.
    static func fonts(_ pdf: [UInt8]) throws -> [[String]] {
        try run("pdffonts", [], pdf).split(separator: "\n").dropFirst(2).map { $0.split(separator: " ").map(String.init) }
    }

    /// `pdfinfo -isodates` by field name.
    static func info(_ pdf: [UInt8]) throws -> [String: String] {
        var fields: [String: String] = [:]
        for line in try run("pdfinfo", ["-isodates"], pdf).split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    private static func run(_ tool: String, _ arguments: [String], _ pdf: [UInt8], trailing: [String] = []) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("invoice-test-\(UUID().uuidString).pdf")
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
        guard process.terminationStatus == 0 else { throw PdfToolFailure(tool: tool, status: process.terminationStatus) }
        return String(decoding: output, as: UTF8.self)
    }
}

struct PdfToolFailure: Error {
    let tool: String
    let status: Int32
}
