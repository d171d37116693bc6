import Foundation

/// Runs compiled Schematron rule sets (XSLT 2.0 that writes SVRL, like the
/// official EN 16931 and XRechnung validation artefacts) over XML files with
/// Saxon-HE, and reads the reports.
///
/// One JVM per rule set checks every file (Saxon's folder mode compiles the
/// stylesheet once); the rule sets run side by side. A cold JVM costs about
/// a second, the EN 16931 stylesheet a few more to compile, each file then
/// milliseconds: check many files in one call.
public struct Schematron: Sendable {
    /// The `java` executable (a name is looked up in `PATH`).
    public var java: String
    /// Saxon-HE's jar (Debian `libsaxonhe-java`).
    public var saxonJar: String

    public static let defaultSaxonJar = "/usr/share/java/Saxon-HE.jar"

    public init(java: String = "java", saxonJar: String = Schematron.defaultSaxonJar) {
        self.java = java
        self.saxonJar = saxonJar
    }

    /// What is missing to run at all (nil when Java and Saxon are there).
    public func missingTools() -> String? {
        guard FileManager.default.isReadableFile(atPath: saxonJar) else {
            return "Saxon-HE is not installed at \(saxonJar) (Debian package libsaxonhe-java)"
        }
        guard Self.executable(java) != nil else { return "no Java runtime: '\(java)' was not found (Java 17, Debian openjdk-17-jre-headless)" }
        return nil
    }

    /// The findings of every rule set for every file, keyed by the path as
    /// given; a file without findings maps to an empty list.
    public func validate(_ files: [String], against ruleSets: [SchematronRules]) throws(SchematronError) -> [String: [SchematronFinding]] {
        var findings = Dictionary(uniqueKeysWithValues: files.map { ($0, [SchematronFinding]()) })
        guard !files.isEmpty, !ruleSets.isEmpty else { return findings }
        if let missing = missingTools() { throw .toolsMissing(missing) }
        guard let javaPath = Self.executable(java) else { throw .toolsMissing("no Java runtime") }

        let work = FileManager.default.temporaryDirectory.appendingPathComponent("robinson-schematron-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: work) }
        let input = work + "/input"
        // Files get neutral names: Saxon's folder mode then sees nothing of the callers' names.
        let names = files.indices.map { String(format: "%06d.xml", $0) }
        do {
            try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
            for (file, name) in zip(files, names) {
                try FileManager.default.copyItem(atPath: file, toPath: input + "/" + name)
            }
        } catch {
            throw .unreadable("\(error)")
        }

        let runs = ruleSets.enumerated().map { index, rules in
            SaxonRun(java: javaPath, jar: saxonJar, stylesheet: rules.path, input: input, output: work + "/report-\(index)")
        }
        do {
            for run in runs { try FileManager.default.createDirectory(atPath: run.output, withIntermediateDirectories: true) }
        } catch {
            throw .unreadable("\(error)")
        }
        let outcomes = runs.runConcurrently()
        for ((rules, run), outcome) in zip(zip(ruleSets, runs), outcomes) {
            if case .failure(let error) = outcome { throw error }
            var reported = 0
            for (file, name) in zip(files, names) {
                if let report = FileManager.default.contents(atPath: run.output + "/" + name) {
                    findings[file, default: []] += try SVRLReport.findings(Array(report), ruleSet: rules.name)
                    reported += 1
                } else if case .success(let complaints) = outcome, let complaint = complaints.about(name) {
                    // Saxon goes on after a document it cannot read; a receiver rejects that document.
                    findings[file, default: []].append(SchematronFinding(ruleSet: rules.name, id: "XML", flag: "fatal",
                                                                         text: "not readable as XML: \(complaint)", location: "/"))
                } else {
                    throw .noReport(ruleSet: rules.name, file: file)
                }
            }
            // Nothing checked at all: the stylesheet or Saxon is broken, not the documents.
            if reported == 0, case .success(let complaints) = outcome, complaints.status != 0, !complaints.text.contains("While processing ") {
                throw .saxonFailed(stylesheet: rules.path, status: complaints.status, message: complaints.lastLines)
            }
        }
        return findings
    }

    static func executable(_ name: String) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// One compiled rule set: a name for reports and the XSLT file.
public struct SchematronRules: Sendable, Equatable {
    /// The file name without `.xslt`, e.g. `EN16931-CII-validation`.
    public var name: String
    public var path: String

    public init(path: String) {
        self.path = path
        self.name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    /// Every `*.xslt` in `folder`, sorted by name; empty when the folder is missing.
    public static func all(in folder: String) -> [SchematronRules] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".xslt") }.sorted().map { SchematronRules(path: folder + "/" + $0) }
    }
}

/// One failed assert or successful report of a rule set.
public struct SchematronFinding: Sendable, Equatable, CustomStringConvertible {
    public var ruleSet: String
    /// The rule, e.g. `BR-CO-10` or `PEPPOL-EN16931-R111`.
    public var id: String
    /// `fatal` rejects the document; `warning` and `information` do not.
    public var flag: String
    public var text: String
    /// XPath of the offending node.
    public var location: String

    public var isFatal: Bool { flag == "fatal" }

    public init(ruleSet: String, id: String, flag: String, text: String, location: String) {
        self.ruleSet = ruleSet
        self.id = id
        self.flag = flag
        self.text = text
        self.location = location
    }

    public var description: String { "\(id) (\(flag)): \(text)" }
}

public enum SchematronError: Error, Sendable, Equatable, CustomStringConvertible {
    case toolsMissing(String)
    case unreadable(String)
    /// Saxon stopped with an error (a broken stylesheet or an unreadable document).
    case saxonFailed(stylesheet: String, status: Int32, message: String)
    case noReport(ruleSet: String, file: String)
    case badReport(ruleSet: String)

    public var description: String {
        switch self {
        case .toolsMissing(let what): "the schematron check cannot run: \(what)"
        case .unreadable(let why): "the files to check cannot be read: \(why)"
        case .saxonFailed(let stylesheet, let status, let message):
            "Saxon failed on \((stylesheet as NSString).lastPathComponent) (exit \(status)): \(message)"
        case .noReport(let ruleSet, let file): "\(ruleSet) wrote no report for \((file as NSString).lastPathComponent)"
        case .badReport(let ruleSet): "\(ruleSet) wrote a report that is not SVRL"
        }
    }
}

/// Reads the failed asserts and successful reports of an SVRL document.
enum SVRLReport {
    static let namespace = "http://purl.oclc.org/dsdl/svrl"

    static func findings(_ bytes: [UInt8], ruleSet: String) throws(SchematronError) -> [SchematronFinding] {
        let query: XMLQuery
        do { query = try XMLQuery(bytes, namespaces: ["svrl": namespace]) } catch { throw .badReport(ruleSet: ruleSet) }
        guard query.count("/svrl:schematron-output") == 1 else { throw .badReport(ruleSet: ruleSet) }
        let nodes = "(//svrl:failed-assert | //svrl:successful-report)"
        return (0..<query.count(nodes)).map { index in
            let node = "\(nodes)[\(index + 1)]"
            return SchematronFinding(
                ruleSet: ruleSet, id: query.string(node + "/@id") ?? "?", flag: query.string(node + "/@flag") ?? "",
                text: (query.string(node + "/svrl:text") ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " "),
                location: query.string(node + "/@location") ?? "")
        }
    }
}

/// One Saxon process over a folder of documents.
struct SaxonRun: Sendable {
    let java: String
    let jar: String
    let stylesheet: String
    let input: String
    let output: String

    /// What Saxon said on stderr and how it ended; a failure only when it could not run at all.
    struct Complaints: Sendable {
        var status: Int32
        var text: String

        /// Saxon's message about one input document (`While processing NAME: …`), if any.
        func about(_ name: String) -> String? {
            guard status != 0 else { return nil }
            let line = text.split(separator: "\n").first { $0.contains("While processing \(name)") }
            return line.map { String($0.split(separator: ";").last ?? $0).trimmingCharacters(in: .whitespaces) } ?? "Saxon could not read it"
        }

        var lastLines: String { text.split(separator: "\n").suffix(3).joined(separator: " | ") }
    }

    func run() -> Result<Complaints, SchematronError> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: java)
        // Folder in, folder out: the stylesheet is compiled once for all documents.
        // A short run is mostly start-up and compiling the stylesheet: the client compiler
        // alone and the serial collector halve its CPU time and keep to one core.
        process.arguments = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", jar, "net.sf.saxon.Transform", "-s:\(input)", "-xsl:\(stylesheet)", "-o:\(output)"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return .failure(.toolsMissing("\(java) cannot be started: \(error)")) }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return .success(Complaints(status: process.terminationStatus, text: String(decoding: message, as: UTF8.self)))
    }
}

extension Array where Element == SaxonRun {
    /// Runs every process at once.
    func runConcurrently() -> [Result<SaxonRun.Complaints, SchematronError>] {
        let results = SchematronResults(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in results.set(index, self[index].run()) }
        return results.all
    }
}

private final class SchematronResults: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Result<SaxonRun.Complaints, SchematronError>]

    init(count: Int) { values = Array(repeating: .failure(.toolsMissing("not run")), count: count) }
    func set(_ index: Int, _ value: Result<SaxonRun.Complaints, SchematronError>) { lock.withLock { values[index] = value } }
    var all: [Result<SaxonRun.Complaints, SchematronError>] { lock.withLock { values } }
}
