import Foundation
import Testing
import TestSupport

/// README "Install on a server", as written, into a temporary prefix; then
/// every line of `Jobs/crontab` once, as cron would run it, on an empty month.
@Suite("install as the README says", .serialized)
struct InstallTests {
    /// The shell blocks of README.md that follow an `<!-- install-steps` marker.
    static func installBlocks() throws -> [String] {
        let readme = try String(contentsOfFile: CLI.packageRoot + "/README.md", encoding: .utf8)
        var blocks: [String] = []
        var rest = readme[...]
        while let marker = rest.range(of: "<!-- install-steps") {
            rest = rest[marker.upperBound...]
            guard let open = rest.range(of: "```sh\n"), let close = rest[open.upperBound...].range(of: "\n```") else { break }
            blocks.append(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return blocks
    }

    /// Commands of a block with continuation lines joined.
    static func commands(_ block: String) -> [String] {
        var out: [String] = []
        var pending = ""
        for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasSuffix("\\") { pending += line.dropLast() + " "; continue }
            out.append(pending + line)
            pending = ""
        }
        return out.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// What a test cannot or should not do: install packages, clone and build
    /// (the tests use this checkout's build), create a system user; and, for an
    /// empty month, import master data. Everything else runs as written.
    static func runsHere(_ command: String) -> Bool {
        let skipped = ["apt-get ", "git clone ", "swift build ", "useradd "]
        if skipped.contains(where: command.hasPrefix) { return false }
        if command.contains(" plans import ") { return false }
        return true
    }

    /// The server's paths moved under `prefix`, the release binary replaced by this build's, no user switch or chown.
    static func relocated(_ text: String, prefix: String) -> String {
        var text = text
            .replacingOccurrences(of: "/opt/robinson/.build/release/robinson", with: CLI.binary)
            .replacingOccurrences(of: "/opt/robinson", with: CLI.packageRoot)
            .replacingOccurrences(of: "/srv/", with: prefix + "/srv/")
            .replacingOccurrences(of: "/etc/robinson", with: prefix + "/etc/robinson")
            .replacingOccurrences(of: "/etc/cron.d/", with: prefix + "/etc/cron.d/")
            .replacingOccurrences(of: "runuser -u robinson -- ", with: "")
        text = text.replacing(#/ -o [a-z]+ -g [a-z]+/#, with: "")
        return text
    }

    func bash(_ script: String, environment: [String: String], in folder: String) throws -> CLI.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLI.Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                          stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test("the README's install steps work as written, and every crontab line then exits 0 and prints nothing")
    func installAndSchedule() throws {
        let prefix = try TemporaryFolders.make("robinson-install")
        defer { try? FileManager.default.removeItem(atPath: prefix) }
        try FileManager.default.createDirectory(atPath: prefix + "/srv", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: prefix + "/etc/cron.d", withIntermediateDirectories: true)
        // A machine without a mail server: the edit of notify.sendmail the README asks for, as the environment gives it.
        let sendmail = prefix + "/sendmail"
        try "#!/bin/sh\ncat > /dev/null\n".write(toFile: sendmail, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sendmail)
        let environment = ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "HOME": prefix, "ROBINSON_NOW": "2026-12-07T06:30:00+01:00",
                           "ROBINSON_NOTIFY_SENDMAIL": sendmail]

        let blocks = try Self.installBlocks()
        #expect(blocks.count == 2, "README marks the install block and the first-index block")
        let steps = blocks.flatMap(Self.commands).filter(Self.runsHere)
        #expect(steps.contains { $0.contains("robinson.yaml.example") }, "the configuration file is created from the example")
        #expect(steps.contains { $0.contains("robinson-deliveries") && $0.hasPrefix("install -d") }, "the delivery folder is created")
        #expect(steps.contains { $0.hasPrefix("cp Jobs/crontab") })
        #expect(!blocks.joined().contains("sudo"), "plain Debian 12 has no sudo")

        // The first delivery arrives where the weekly job reads it (after the folder exists, before the index build).
        let buildIndex = try #require(steps.firstIndex { $0.contains(" index build ") })
        let delivery = "zstd -q -f -o /srv/robinson-deliveries/current.csv.zst \(CLI.fixture("robinson-lists.csv"))"
        var script = "set -euo pipefail\n"
        for (index, step) in steps.enumerated() {
            if index == buildIndex { script += delivery + "\n" }
            script += step + "\n"
        }
        let install = try bash(Self.relocated(script, prefix: prefix), environment: environment, in: CLI.packageRoot)
        #expect(install.status == 0, "install: \(install.stderr)\n\(install.stdout)")
        #expect(!install.stdout.contains("PROBLEM"), "check after install: \(install.stdout)")
        #expect(FileManager.default.fileExists(atPath: prefix + "/etc/robinson/robinson.yaml"))

        // Every line of the crontab as installed, with cron's environment lines.
        let crontab = Self.relocated(try String(contentsOfFile: prefix + "/etc/cron.d/robinson", encoding: .utf8), prefix: prefix)
        var cronEnvironment = environment
        var commands: [String] = []
        for line in crontab.split(separator: "\n").map(String.init) where !line.hasPrefix("#") && !line.isEmpty {
            if let equals = line.firstIndex(of: "="), !line[..<equals].contains(" ") {
                cronEnvironment[String(line[..<equals])] = String(line[line.index(after: equals)...])
                continue
            }
            let fields = line.split(separator: " ", maxSplits: 6, omittingEmptySubsequences: true)
            #expect(fields.count == 7 && fields[5] == "robinson", "m h dom mon dow user command: \(line)")
            let command = String(fields[6]).trimmingCharacters(in: .whitespaces)
            #expect(!command.replacingOccurrences(of: "\\%", with: "").contains("%"), "cron turns a bare % into a newline: \(line)")
            commands.append(command)
        }
        #expect(cronEnvironment["MAILTO"]?.isEmpty == false, "cron mails what a line prints")
        #expect(cronEnvironment["ROBINSON_CONFIG"] == prefix + "/etc/robinson/robinson.yaml")
        #expect(commands.count == 7)
        for name in ["run", "purge", "index build", "check", "bill", "collect", "dunning"] {
            #expect(commands.contains { $0.contains("\" \(name)") }, "\(name) is scheduled")
        }
        for command in commands {
            let result = try bash(command.replacingOccurrences(of: "\\%", with: "%"), environment: cronEnvironment, in: prefix)
            #expect(result.status == 0 && result.stdout.isEmpty && result.stderr.isEmpty,
                    "\(command): exit \(result.status), stdout \(result.stdout), stderr \(result.stderr)")
        }
    }

    @Test("the systemd units pass systemd-analyze verify; every service mails its journal on failure")
    func systemdUnits() throws {
        let folder = try TemporaryFolders.make("robinson-units")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let jobs = CLI.packageRoot + "/Jobs"
        let units = try FileManager.default.contentsOfDirectory(atPath: jobs).filter { $0.hasSuffix(".service") || $0.hasSuffix(".timer") }.sorted()
        #expect(units.contains("robinson-check.timer") && units.contains("robinson-failure@.service"))
        for unit in units {
            let text = try String(contentsOfFile: jobs + "/" + unit, encoding: .utf8)
            if unit.hasSuffix(".service") && unit != "robinson-failure@.service" {
                #expect(text.contains("OnFailure=robinson-failure@%n.service"), "\(unit) mails its failure")
                #expect(units.contains(unit.replacingOccurrences(of: ".service", with: ".timer")), "\(unit) has a timer")
            }
            // systemd checks that ExecStart's program exists: this build's binary and script stand in for /opt/robinson.
            try text.replacingOccurrences(of: "/opt/robinson/.build/release/robinson", with: CLI.binary)
                .replacingOccurrences(of: "/opt/robinson", with: CLI.packageRoot)
                .write(toFile: folder + "/" + unit, atomically: true, encoding: .utf8)
        }
        // The template as systemd instantiates it for a failed unit.
        try FileManager.default.copyItem(atPath: folder + "/robinson-failure@.service", toPath: folder + "/robinson-failure@robinson-run.service.service")
        let verify = try bash("systemd-analyze verify --man=no *.service *.timer", environment: ["PATH": "/usr/bin:/bin"], in: folder)
        #expect(verify.status == 0 && verify.stderr.isEmpty, "systemd-analyze verify: \(verify.stderr)")

        // The failure mail: the journal excerpt to MAILTO through sendmail.
        let journal = folder + "/journalctl", sendmail = folder + "/sendmail", message = folder + "/message"
        try "#!/bin/sh\necho \"$*\"\necho 'robinson: rejected inbox/K1001/x.csv'\n".write(toFile: journal, atomically: true, encoding: .utf8)
        try "#!/bin/sh\necho \"$*\" > \(message).args\ncat > \(message)\n".write(toFile: sendmail, atomically: true, encoding: .utf8)
        for tool in [journal, sendmail] { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: tool) }
        let mailed = try bash(jobs + "/robinson-failure-mail robinson-run.service",
                              environment: ["PATH": folder + ":/usr/bin:/bin", "MAILTO": "ops@example.org", "SENDMAIL": sendmail], in: folder)
        #expect(mailed.status == 0, "\(mailed.stderr)")
        let text = try String(contentsOfFile: message, encoding: .utf8)
        #expect(text.hasPrefix("To: ops@example.org\nSubject: robinson: robinson-run.service failed on "))
        #expect(text.contains("--unit robinson-run.service --lines 50"))
        #expect(text.contains("robinson: rejected inbox/K1001/x.csv"))
        #expect(try String(contentsOfFile: message + ".args", encoding: .utf8) == "-t -i\n")
    }
}
