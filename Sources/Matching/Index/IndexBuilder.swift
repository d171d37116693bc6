import Foundation

/// `robinson index build`: delivery → new index version → verified → switched in.
public struct IndexBuilder: Sendable {
    public let directory: IndexDirectory
    public let fingerprinter: Fingerprinter
    public let workers: Int

    public init(directory: IndexDirectory, fingerprinter: Fingerprinter, workers: Int) {
        self.directory = directory
        self.fingerprinter = fingerprinter
        self.workers = workers
    }

    public struct Outcome: Sendable {
        public var version: String
        public var header: IndexHeader
        public var skipped: [SkippedEntry]
        public var skippedCount: Int
    }

    public func build(deliveries: [String], force: Bool, now: Date, progress: ((Int) -> Void)? = nil) throws -> Outcome {
        var delivery = try DeliveryReader(fingerprinter: fingerprinter, workers: workers).read(paths: deliveries, progress: progress)
        guard !delivery.entries.isEmpty else { throw IndexError.emptyDelivery(path: deliveries.joined(separator: ", ")) }

        let stamp = Self.versionStamp(now)
        let version = "v\(stamp)-\(SHA256Digest.hex(delivery.digest).prefix(8))"
        let temporary = "\(directory.path)/.build-\(version)-\(getpid())"
        defer { unlink(temporary) }
        let header = try IndexWriter.write(
            entries: &delivery.entries, to: temporary, keyId: fingerprinter.keyId, sourceDigest: delivery.digest,
            rowsPerList: delivery.rowsPerList, keysPerKind: delivery.keysPerKind, buildTime: Int64(now.timeIntervalSince1970)
        )
        // Read back what was written, from the disk, before anything points at it.
        IndexFile.dropCachedPages(path: temporary)
        let check = try IndexFile(path: temporary)
        guard check.header == header else { throw IndexError.corrupt(path: temporary, detail: "read-back differs") }

        if !force, let current = try? directory.openCurrent(keyId: fingerprinter.keyId),
           header.entryCount * 2 < current.header.entryCount {
            throw IndexError.shrinkingDelivery(entries: header.entryCount, current: current.header.entryCount)
        }
        try directory.install(temporary: temporary, version: version)
        return Outcome(version: version, header: header, skipped: delivery.skipped, skippedCount: delivery.skippedCount)
    }

    static func versionStamp(_ date: Date) -> String {
        var time = time_t(date.timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&time, &parts)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec)
    }
}
