import Foundation
import Pipeline

/// What the root's folders say happened: the jobs whose folders exist, the
/// invoice numbers of the documents under `billing/`, the pain.008 files.
/// `check` compares it with the database.
struct RootContents {
    var jobIds: Set<String> = []
    /// Filled by the caller from `BillingContext.invoiceNumbers(onDiskUnder:)` (Billing knows its file names).
    var invoiceNumbers: Set<String> = []
    var collectionFiles: Set<String> = []

    static func scan(_ root: RuntimeRoot) -> RootContents {
        var contents = RootContents()
        let fm = FileManager.default
        func names(_ folder: String) -> [String] { ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") } }
        let jobId = /\d{8}-\d{6}-[0-9a-f]{6}/
        contents.jobIds.formUnion(names(root.work).filter { $0.wholeMatch(of: jobId) != nil })
        for folder in [root.outbox, root.rejected] {
            for customer in names(folder) {
                contents.jobIds.formUnion(names(folder + "/" + customer).filter { $0.wholeMatch(of: jobId) != nil })
            }
        }
        for month in names(root.billing) where month.wholeMatch(of: /\d{4}-\d{2}/) != nil {
            let folder = root.billing + "/" + month
            for name in names(folder + "/sepa") where name.hasSuffix(".xml") {
                contents.collectionFiles.insert(folder + "/sepa/" + name)
            }
        }
        return contents
    }
}
