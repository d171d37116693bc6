import Foundation

/// Runs the poppler-utils tools on PDF bytes, so tests check what a reader
/// of the file sees rather than cairo's internals. The tools are found
/// through PATH (Debian puts them in /usr/bin).
public enum Poppler {
    /// A word as `pdftotext -bbox` places it: page (from 1) and box in points from the top left.
    public struct Word: Sendable, Equatable, CustomStringConvertible {
        public let text: String
        public let page: Int
        public let xMin: Double
        public let yMin: Double
        public let xMax: Double
        public let yMax: Double

        public init(text: String, page: Int, xMin: Double, yMin: Double, xMax: Double, yMax: Double) {
            self.text = text
            self.page = page
            self.xMin = xMin
            self.yMin = yMin
            self.xMax = xMax
            self.yMax = yMax
        }

        /// Whether the two boxes share more than `tolerance` points in both directions.
        public func overlaps(_ other: Word, tolerance: Double = 0.1) -> Bool {
            page == other.page
                && min(xMax, other.xMax) - max(xMin, other.xMin) > tolerance
                && min(yMax, other.yMax) - max(yMin, other.yMin) > tolerance
        }

        public var description: String {
            "'\(text)' p\(page) [\(Int(xMin))–\(Int(xMax)) × \(Int(yMin))–\(Int(yMax))]"
        }
    }

    /// `pdftotext -layout`: the page text in reading layout, pages separated by form feeds.
    public static func text(_ pdf: [UInt8]) throws -> String {
        try run("pdftotext", ["-layout", "-enc", "UTF-8"], pdf, trailing: ["-"])
    }

    /// `pdftotext -bbox`: every word with its page and box.
    public static func words(_ pdf: [UInt8]) throws -> [Word] {
        let html = try run("pdftotext", ["-bbox", "-enc", "UTF-8"], pdf, trailing: ["-"])
        let pattern = /<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)<\/word>/
        return html.components(separatedBy: "<page ").dropFirst().enumerated().flatMap { index, page in
            page.matches(of: pattern).map { match in
                Word(text: String(match.5), page: index + 1, xMin: Double(match.1) ?? .nan, yMin: Double(match.2) ?? .nan,
                     xMax: Double(match.3) ?? .nan, yMax: Double(match.4) ?? .nan)
            }
        }
    }

    /// Every pair of words whose boxes overlap: text printed over text.
    public static func collisions(_ pdf: [UInt8]) throws -> [(Word, Word)] {
        let words = try words(pdf)
        var pairs: [(Word, Word)] = []
        for (index, word) in words.enumerated() {
            for other in words[(index + 1)...] where word.overlaps(other) { pairs.append((word, other)) }
        }
        return pairs
    }

    /// `pdffonts` rows after the two header lines: name type encoding emb sub uni object-id generation.
    public static func fonts(_ pdf: [UInt8]) throws -> [[String]] {
        try run("pdffonts", [], pdf).split(separator: "\n").dropFirst(2).map { $0.split(separator: " ").map(String.init) }
    }

    /// `pdfinfo -isodates`: title, author, dates, page count, by field name.
    public static func info(_ pdf: [UInt8]) throws -> [String: String] {
        var fields: [String: String] = [:]
        for line in try run("pdfinfo", ["-isodates"], pdf).split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    private static func run(_ tool: String, _ arguments: [String], _ pdf: [UInt8], trailing: [String] = []) throws -> String {
        let file = URL(fileURLWithPath: try TemporaryFolders.make("poppler-test") + "/document.pdf")
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
public struct PopplerFailure: Error {
    public let tool: String
    public let status: Int32
}
