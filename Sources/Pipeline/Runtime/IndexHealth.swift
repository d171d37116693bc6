import Foundation
import Matching

/// Whether the current index may be used for matching, and how old it is.
/// Matching against an old Robinson list is the legal risk the service exists
/// to remove, so a stale index holds files like a missing one.
public struct IndexHealth: Sendable {
    public enum State: String, Sendable {
        /// Usable and younger than `warnIndexAgeDays`.
        case current
        /// Usable, but `warnIndexAgeDays` old or older: a new delivery is due.
        case aging
        /// Older than `maxIndexAgeDays`: not used; files wait in the inbox.
        case stale
        /// No index built yet: files wait in the inbox.
        case missing
        /// Unreadable, corrupt, of another format or built with another key.
        case unusable
    }

    public let state: State
    public let version: String?
    public let builtAt: Date?
    public let fingerprints: UInt64?
    /// Why the index cannot be used (for `unusable`).
    public let problem: String?
    let maxAgeDays: Int

    /// Inbox files wait instead of being matched.
    public var holdsFiles: Bool { state == .stale || state == .missing || state == .unusable }

    /// Whole days since the build.
    public func ageDays(at now: Date) -> Int? {
        builtAt.map { Int(now.timeIntervalSince($0) / 86_400) }
    }

    /// Reads the current version's header (and with `verify` its checksum) and
    /// checks key and age.
    public static func assess(_ runtime: Runtime, verify: Bool = false) -> IndexHealth {
        let settings = runtime.settings
        let directory = runtime.indexDirectory
        let pointed: String?
        do {
            pointed = try directory.pointedVersion()
        } catch {
            return IndexHealth(state: .unusable, version: nil, builtAt: nil, fingerprints: nil, problem: "\(error)", maxAgeDays: settings.maxIndexAgeDays)
        }
        guard let version = pointed else {
            return IndexHealth(state: .missing, version: nil, builtAt: nil, fingerprints: nil, problem: nil, maxAgeDays: settings.maxIndexAgeDays)
        }
        let index: IndexFile
        do {
            index = try IndexFile(path: directory.file(for: version), verifyChecksum: verify)
            try index.requireKey(try runtime.fingerprinter().keyId)
        } catch {
            return IndexHealth(state: .unusable, version: version, builtAt: nil, fingerprints: nil, problem: "\(error)",
                               maxAgeDays: settings.maxIndexAgeDays)
        }
        let builtAt = Date(timeIntervalSince1970: TimeInterval(index.header.buildTime))
        let age = runtime.now.timeIntervalSince(builtAt)
        let state: State = age > TimeInterval(settings.maxIndexAgeDays) * 86_400 ? .stale
            : age >= TimeInterval(settings.warnIndexAgeDays) * 86_400 ? .aging : .current
        return IndexHealth(state: state, version: version, builtAt: builtAt, fingerprints: index.header.entryCount, problem: nil,
                           maxAgeDays: settings.maxIndexAgeDays)
    }

    /// One line for ops, or nil when the index is current.
    public func message(at now: Date) -> String? {
        let age = ageDays(at: now).map { "\($0) days" } ?? "?"
        switch state {
        case .current:
            return nil
        case .aging:
            return "the Robinson index \(version ?? "") is \(age) old; build the new delivery soon (files are held once it is older than \(maxAgeDays) days)"
        case .stale:
            return "the Robinson index \(version ?? "") is \(age) old, older than matching.maxIndexAgeDays (\(maxAgeDays)); inbox files are held until a new index is built"
        case .missing:
            return "no Robinson index has been built yet; inbox files are held until one is built"
        case .unusable:
            return "the Robinson index cannot be used (\(problem ?? "")); inbox files are held until it is rebuilt"
        }
    }
}
