import Billing
import Foundation
import Logging
import Matching
import Pipeline
import Store

/// Whether a root can work: each check gives a line that is fine, a warning
/// or a problem. `robinson check` prints them; any problem makes it exit 1.
struct RootCheck {
    struct Finding: Sendable {
        enum Severity: String, Sendable { case ok, warning, problem }
        let check: String
        let severity: Severity
        let text: String
    }

    let root: RuntimeRoot
    let configFile: String?
    let environment: [String: String]
    let now: Date

    /// Free space below this is a problem, below twice this a warning.
    static let minimumFreeBytes: UInt64 = 1 << 30
    static let minimumFreeFraction = 0.05

    func run() async -> [Finding] {
        var findings: [Finding] = []
        func add(_ check: String, _ severity: Finding.Severity, _ text: String) {
            findings.append(Finding(check: check, severity: severity, text: text))
        }

        // Configuration: every problem, not only the first.
        let sources = ConfigurationSources(file: configFile, environment: environment)
        var pipeline = PipelineSettings()
        var billing = BillingSettings()
        if sources.problems.isEmpty {
            do {
                let loaded = try await SettingsLoader.load(file: configFile, environment: environment)
                (pipeline, billing) = (loaded.pipeline, loaded.billing)
                add("configuration", .ok, configFile.map { "\($0) and the environment are valid" } ?? "no file; defaults and the environment are valid")
            } catch {
                add("configuration", .problem, "\(error)")
            }
        } else {
            for problem in sources.problems { add("configuration", .problem, problem) }
        }

        // The root and its folders.
        guard FileManager.default.fileExists(atPath: root.state) else {
            add("root", .problem, "\(root.path) is not a robinson root: run `robinson --root \(root.path) init`")
            return findings
        }
        let modes = folderModeProblems()
        if modes.isEmpty { add("folders", .ok, "\(root.folders.count) folders, mode 0700, owned by this user") }
        for problem in modes { add("folders", .problem, problem) }
        findings += freeSpace()

        // The hashing key.
        let keyFile = pipeline.keyFile ?? root.defaultKeyFile
        var keyId: String?
        do {
            keyId = Fingerprinter(key: try HashingKey.load(path: keyFile)).keyId
            add("hashing key", .ok, "\(keyFile): 32 bytes, mode 0600, key id \(keyId!)")
        } catch {
            add("hashing key", .problem, "\(error)")
        }

        // The state database, and whether it knows what the root holds.
        guard let database = openDatabase(&findings) else { return findings }
        let runtime = Runtime(root: root, settings: pipeline, database: database, clock: { [now] in now }, actor: CommandContext.actor,
                              logger: .init(label: "robinson"))

        // The index: present, verified (checksum and key), young enough.
        if keyId != nil {
            let index = IndexHealth.assess(runtime, verify: true)
            switch index.state {
            case .current:
                add("index", .ok, "\(index.version ?? "") verified, \(index.ageDays(at: now) ?? 0) days old, \(index.fingerprints ?? 0) fingerprints")
            case .aging:
                add("index", .warning, index.message(at: now) ?? "")
            case .stale, .missing, .unusable:
                add("index", .problem, index.message(at: now) ?? "")
            }
        }

        findings += consistency(database)
        findings += mail(pipeline)
        findings += billingSetup(billing, database)
        return findings
    }

    // MARK: - Checks

    private func folderModeProblems() -> [String] {
        var problems: [String] = []
        for folder in root.folders {
            var info = stat()
            guard lstat(folder, &info) == 0 else {
                problems.append("\(folder) is missing: run `robinson --root \(root.path) init`")
                continue
            }
            if info.st_mode & S_IFMT != S_IFDIR { problems.append("\(folder) is not a folder") }
            if info.st_mode & 0o077 != 0 { problems.append("\(folder) has mode \(String(info.st_mode & 0o777, radix: 8)); it holds personal data: chmod 700 \(folder)") }
            if info.st_uid != geteuid() { problems.append("\(folder) belongs to uid \(info.st_uid), not to this user (uid \(geteuid()))") }
        }
        for file in [root.database, root.database + "-wal"] {
            var info = stat()
            if stat(file, &info) == 0, info.st_mode & 0o077 != 0 {
                problems.append("\(file) has mode \(String(info.st_mode & 0o777, radix: 8)): chmod 600 \(file)")
            }
        }
        return problems
    }

    private func freeSpace() -> [Finding] {
        var info = statvfs()
        guard statvfs(root.path, &info) == 0 else { return [Finding(check: "disk", severity: .problem, text: "cannot read the free space of \(root.path)")] }
        let free = UInt64(info.f_bavail) * UInt64(info.f_frsize)
        let total = UInt64(info.f_blocks) * UInt64(info.f_frsize)
        let fraction = total > 0 ? Double(free) / Double(total) : 1
        let text = "\(free / (1 << 20)) MiB free of \(total / (1 << 20)) MiB (\(Int(fraction * 100)) %) under \(root.path)"
        if free < Self.minimumFreeBytes || fraction < Self.minimumFreeFraction {
            return [Finding(check: "disk", severity: .problem, text: text + "; at least 1 GiB and 5 % are needed")]
        }
        if free < 2 * Self.minimumFreeBytes || fraction < 2 * Self.minimumFreeFraction {
            return [Finding(check: "disk", severity: .warning, text: text)]
        }
        return [Finding(check: "disk", severity: .ok, text: text)]
    }

    private func openDatabase(_ findings: inout [Finding]) -> StateDatabase? {
        do {
            guard try root.requireDatabaseUnlessUnused() else {
                findings.append(Finding(check: "database", severity: .problem, text: "\(root.database) is missing: run `robinson --root \(root.path) init`"))
                return nil
            }
            let database = try StateDatabase(path: root.database)
            let damage = try database.quickCheck()
            if damage.isEmpty {
                findings.append(Finding(check: "database", severity: .ok, text: "\(root.database): quick_check ok"))
            } else {
                findings.append(Finding(check: "database", severity: .problem,
                                        text: "\(root.database) is damaged (quick_check: \(damage.prefix(3).joined(separator: "; "))); restore it from the backup"))
            }
            return database
        } catch {
            findings.append(Finding(check: "database", severity: .problem, text: "\(error)"))
            return nil
        }
    }

    /// Jobs, invoices and pain.008 files on disk that the database does not know:
    /// the database is older than the files (restored from an old backup, or replaced).
    private func consistency(_ database: StateDatabase) -> [Finding] {
        do {
            var onDisk = RootContents.scan(root)
            onDisk.invoiceNumbers = BillingContext.invoiceNumbers(onDiskUnder: root.billing)
            let unknownJobs = onDisk.jobIds.subtracting(try database.jobIds()).sorted()
            let unknownInvoices = onDisk.invoiceNumbers.subtracting(try database.invoiceNumbers()).sorted()
            let unknownCollections = onDisk.collectionFiles.subtracting(try database.collectionPaths()).sorted()
            var findings: [Finding] = []
            if !unknownJobs.isEmpty {
                findings.append(Finding(check: "database", severity: .problem, text: "\(unknownJobs.count) job folders on disk are unknown to the database "
                    + "(\(unknownJobs.prefix(3).joined(separator: ", "))\(unknownJobs.count > 3 ? ", …" : "")): it is older than the files; restore the latest backup"))
            }
            if !unknownInvoices.isEmpty {
                findings.append(Finding(check: "database", severity: .problem, text: "\(unknownInvoices.count) invoices under billing/ are unknown to the database "
                    + "(\(unknownInvoices.prefix(3).joined(separator: ", "))\(unknownInvoices.count > 3 ? ", …" : "")): it is older than the files; "
                    + "restore the latest backup before billing again, or numbers would be issued twice"))
            }
            if !unknownCollections.isEmpty {
                findings.append(Finding(check: "database", severity: .problem, text: "\(unknownCollections.count) pain.008 files under billing/ are unknown to the database "
                    + "(\(unknownCollections.prefix(2).map(root.relative).joined(separator: ", "))): restore the latest backup before collecting again"))
            }
            if findings.isEmpty {
                findings.append(Finding(check: "database", severity: .ok,
                                        text: "knows every job (\(onDisk.jobIds.count) on disk), invoice (\(onDisk.invoiceNumbers.count)) and pain.008 file (\(onDisk.collectionFiles.count))"))
            }
            return findings
        } catch {
            return [Finding(check: "database", severity: .problem, text: "\(error)")]
        }
    }

    private func mail(_ settings: PipelineSettings) -> [Finding] {
        let command = settings.sendmail.split(separator: " ").map(String.init)
        guard let program = command.first else {
            return [Finding(check: "mail", severity: .warning, text: "notify.sendmail is empty: customer e-mails stay in mail/outgoing/")]
        }
        guard access(program, X_OK) == 0 else {
            return [Finding(check: "mail", severity: .problem, text: "notify.sendmail: \(program) is not an executable program; customer e-mails cannot be sent")]
        }
        return [Finding(check: "mail", severity: .ok, text: "\(program) is executable")]
    }

    private func billingSetup(_ settings: BillingSettings, _ database: StateDatabase) -> [Finding] {
        var findings: [Finding] = []
        if let use = try? database.billingInUse(), use.plans {
            do {
                _ = try settings.checkedSeller(sepa: use.sepa)
                findings.append(Finding(check: "billing", severity: .ok, text: "seller and bank data complete\(use.sepa ? ", creditor id for SEPA" : "")"))
            } catch {
                findings.append(Finding(check: "billing", severity: .problem, text: "\(error)"))
            }
        }
        var schemas: [(String, String, Bool)] = settings.pain008Schemas.map { ("billing.pain008Schemas", $0, false) }
        if let xrechnung = settings.xrechnungSchema { schemas.append(("billing.xrechnungSchema", xrechnung, false)) }
        if let bank = settings.bankSchemas { schemas.append(("billing.bankSchemas", bank, true)) }
        if let rules = settings.schematronRules { schemas.append(("billing.schematronRules", rules, true)) }
        for (key, path, isFolder) in schemas {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            if !exists || isDirectory.boolValue != isFolder || !FileManager.default.isReadableFile(atPath: path) {
                findings.append(Finding(check: "schemas", severity: .problem, text: "\(key): \(path) is not a readable \(isFolder ? "folder" : "file")"))
            } else {
                findings.append(Finding(check: "schemas", severity: .ok, text: "\(key): \(path) is readable"))
            }
        }
        return findings
    }
}
