import Foundation

/// The files of one job under `work/<job>/`.
public struct JobFolder: Sendable {
    public let path: String

    public init(work: String, jobId: String) { path = "\(work)/\(jobId)" }

    public var claimNote: String { path + "/claim.json" }
    public var decoded: String { path + "/decoded.json" }
    /// The customer's file with the markers, written by the match stage, moved into the outbox by emit.
    public func annotated(zstd: Bool) -> String { path + (zstd ? "/annotated.csv.zst" : "/annotated.csv") }
    public var stats: String { path + "/match.json" }
    /// The CSV an uploaded workbook was converted to; the later stages read it instead of the input.
    public var converted: String { path + "/converted.csv" }
    /// Where a workbook's parts are unpacked while it is converted.
    var workbookParts: String { path + "/workbook" }
    /// Why the job is being rejected, while its input moves to `rejected/`.
    var rejection: String { path + "/rejection.txt" }

    /// The claimed input keeps its (displayable, fitted) name, so messages about it name the customer's file.
    public var inputFolder: String { path + "/input" }
    public func input(named name: String) -> String { inputFolder + "/" + name }

    /// The claimed input, whatever its name.
    public var claimedInput: String? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: inputFolder)) ?? []
        return names.first.map { inputFolder + "/" + $0 }
    }

    /// What the stages after decode read: the converted workbook, else the claimed input.
    func readable(_ claimed: String) -> String {
        FileManager.default.fileExists(atPath: converted) ? converted : claimed
    }

    /// The claim note, nil when missing or unreadable.
    var note: ClaimNote? {
        FileManager.default.contents(atPath: claimNote).flatMap { try? JSONDecoder().decode(ClaimNote.self, from: $0) }
    }
}

/// Facts about a claim, written before the rename so that a crash right
/// after it can be adopted by the next run.
struct ClaimNote: Codable, Sendable {
    var jobId: String
    var customerId: String
    /// The name as shown (``InboxName/display``).
    var inputName: String
    var claimedAt: Date
    /// Size and modification time when claimed: a file that changes afterwards is refused.
    var size: Int64?
    var modified: FileTime?
    /// How a name that was not UTF-8 was read.
    var nameNote: String?
}
