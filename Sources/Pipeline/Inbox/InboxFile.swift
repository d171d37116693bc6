import Foundation

/// A file waiting in `inbox/<customer>/`.
struct InboxFile: Sendable {
    let customerId: String
    let name: String
    let path: String
    let size: Int64
    let modified: Date
}

/// Lists inbox files and decides which are settled enough to claim.
struct InboxScanner {
    let root: RuntimeRoot

    /// Every candidate file, customers and names sorted so runs are reproducible.
    func files() -> [InboxFile] {
        let fm = FileManager.default
        var result: [InboxFile] = []
        for customer in ((try? fm.contentsOfDirectory(atPath: root.inbox)) ?? []).sorted() where !customer.hasPrefix(".") {
            let folder = root.inbox + "/" + customer
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            for name in ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).sorted() where !InputName.isIgnored(name) {
                let path = folder + "/" + name
                var info = stat()
                guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
                result.append(InboxFile(customerId: customer, name: name, path: path, size: Int64(info.st_size), modified: Self.modified(info)))
            }
        }
        return result
    }

    /// Files lying in `inbox/` itself, outside any customer folder: never
    /// processed (whose are they?), but reported.
    func strayFiles() -> [InboxFile] {
        let fm = FileManager.default
        return ((try? fm.contentsOfDirectory(atPath: root.inbox)) ?? []).sorted().compactMap { name in
            guard !InputName.isIgnored(name) else { return nil }
            let path = root.inbox + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT != S_IFDIR else { return nil }
            return InboxFile(customerId: "", name: name, path: path, size: Int64(info.st_size), modified: Self.modified(info))
        }
    }

    static func modified(_ info: stat) -> Date {
        Date(timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec) + TimeInterval(info.st_mtim.tv_nsec) / 1e9)
    }

    /// A file is settled when it has not been written to for `seconds`
    /// (a copy still running keeps touching its mtime).
    static func isSettled(_ file: InboxFile, now: Date, seconds: Int) -> Bool {
        now.timeIntervalSince(file.modified) >= TimeInterval(seconds)
    }
}
