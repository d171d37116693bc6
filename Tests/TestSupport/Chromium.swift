import Foundation

/// Drives Debian's `chromium` headless, so tests see a page as a browser
/// renders it. Each call is one browser start (about 3 s) with a profile of
/// its own, ended after `timeout` seconds at the latest.
public enum Chromium {
    /// What a page did in the browser.
    public struct Rendering: Sendable {
        /// The DOM after the page was parsed and laid out (`--dump-dom`).
        public let dom: String
        /// Every message the page wrote to the console, including blocked
        /// scripts and loads (Content-Security-Policy violations) and errors.
        public let console: [String]
    }

    /// Loads `file` and returns the DOM and the console messages.
    public static func render(_ file: String, timeout: Int = 60) throws -> Rendering {
        let (stdout, stderr) = try run(["--enable-logging=stderr", "--v=0", "--dump-dom"], file, timeout: timeout)
        // Chromium logs each console message as `[pid:tid:time:INFO:CONSOLE:line] "text", source: url (line)`.
        let console = stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
        return Rendering(dom: stdout, console: console)
    }

    /// Saves a PNG of `file` as a window of `width` × `height` pixels shows it.
    public static func screenshot(_ file: String, to png: String, width: Int = 1280, height: Int = 2000, timeout: Int = 60) throws {
        try? FileManager.default.removeItem(atPath: png)
        _ = try run(["--screenshot=\(png)", "--window-size=\(width),\(height)", "--hide-scrollbars"], file, timeout: timeout)
        guard FileManager.default.fileExists(atPath: png) else { throw ChromiumFailure(status: 0, stderr: "no screenshot written to \(png)") }
    }

    private static func run(_ arguments: [String], _ file: String, timeout: Int) throws -> (String, String) {
        let profile = try TemporaryFolders.make("chromium-test")
        defer { try? FileManager.default.removeItem(atPath: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = [String(timeout), "chromium", "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
                             "--user-data-dir=\(profile)"] + arguments + [URL(fileURLWithPath: file).absoluteString]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read stderr beside stdout so neither pipe fills up and stalls the browser.
        let errors = ErrorCollector(err.fileHandleForReading)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderr = errors.wait()
        guard process.terminationStatus == 0 else { throw ChromiumFailure(status: process.terminationStatus, stderr: stderr) }
        return (String(decoding: stdout, as: UTF8.self), stderr)
    }
}

/// Reads a pipe to its end on a thread of its own.
private final class ErrorCollector: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}

/// Chromium failed or timed out (status 124), or is not installed (127); `./run.sh` installs it.
public struct ChromiumFailure: Error, CustomStringConvertible {
    public let status: Int32
    public let stderr: String
    public var description: String { "chromium exited \(status): \(stderr.suffix(2000))" }
}
