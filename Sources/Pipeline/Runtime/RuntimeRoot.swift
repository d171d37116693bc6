import Foundation

/// The runtime folders under one root (DESIGN §4). They hold personal data:
/// folders are 0700, files 0600.
public struct RuntimeRoot: Sendable {
    public let path: String

    public init(path: String) {
        self.path = (path as NSString).standardizingPath
    }

    public var inbox: String { path + "/inbox" }
    public var work: String { path + "/work" }
    public var outbox: String { path + "/outbox" }
    public var rejected: String { path + "/rejected" }
    public var index: String { path + "/index" }
    public var billing: String { path + "/billing" }
    public var mail: String { path + "/mail" }
    public var outgoingMail: String { path + "/mail/outgoing" }
    public var sentMail: String { path + "/mail/sent" }
    public var state: String { path + "/state" }
    /// Monthly HTML reports (`robinson report`); made when the first is written.
    public var reports: String { path + "/reports" }
    public var database: String { path + "/state/robinson.sqlite" }
    public var lockFile: String { path + "/state/run.lock" }
    public var defaultKeyFile: String { path + "/state/hashing.key" }

    public var folders: [String] { [path, inbox, work, outbox, rejected, index, billing, mail, outgoingMail, sentMail, state] }

    /// Creates missing folders with mode 0700 and tightens existing ones.
    public func create() throws {
        for folder in folders {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            chmod(folder, 0o700)
        }
    }

    /// `outbox/K1001/…` for a path under the root; other paths unchanged.
    public func relative(_ full: String) -> String {
        full.hasPrefix(path + "/") ? String(full.dropFirst(path.count + 1)) : full
    }

    public func makeFolder(_ folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }
}
