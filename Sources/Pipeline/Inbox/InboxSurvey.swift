import Foundation
import Store

/// A file in the inbox and what happens to it next: `status` lists these,
/// `run` claims the ready ones and reports the held ones.
public struct InboxEntry: Sendable, Equatable {
    public enum State: String, Sendable, CaseIterable {
        /// Still being written (or just written): claimed once unchanged for `inbox.settleSeconds`.
        case settling
        /// Claimed by the next run.
        case ready
        /// Left in the inbox on purpose; `reason` says why and what ends it.
        case held
        /// In a folder that is no customer's: the next run rejects it with a note.
        case unknownFolder
        /// Directly in `inbox/`, in no customer folder: never processed.
        case stray
    }

    /// The customer folder, nil for a stray file.
    public let folder: String?
    public let name: String
    public let size: Int64
    public let modified: Date
    public let state: State
    public let reason: String?

    /// `inbox/K1001/adressen.csv`.
    public var displayPath: String { "inbox/" + (folder.map { $0 + "/" } ?? "") + name }
}

/// Classifies every inbox file: settled or not, held (suspended customer, no
/// usable index) or not, in a known customer's folder or not.
struct InboxSurvey {
    let runtime: Runtime

    func entries(customers: [String: Customer], index: IndexHealth) -> [InboxEntry] {
        let now = runtime.now
        let scanner = InboxScanner(root: runtime.root)
        var entries = scanner.strayFiles().map { stray in
            InboxEntry(folder: nil, name: stray.name, size: stray.size, modified: stray.modified, state: .stray,
                       reason: "not in a customer folder; move it into inbox/<customer-id>/")
        }
        for file in scanner.files() {
            let (state, reason) = classify(file, customer: customers[file.customerId], index: index, now: now)
            entries.append(InboxEntry(folder: file.customerId, name: file.name, size: file.size, modified: file.modified,
                                      state: state, reason: reason))
        }
        return entries
    }

    private func classify(_ file: InboxFile, customer: Customer?, index: IndexHealth, now: Date) -> (InboxEntry.State, String?) {
        let age = now.timeIntervalSince(file.modified)
        if age < 0 {
            return (.settling, "modified \(Int(-age)) s in the future (clock moved back?); claimed once that time has passed and it settled")
        }
        if age < TimeInterval(runtime.settings.settleSeconds) {
            return (.settling, "modified \(Int(age)) s ago; claimed once unchanged for \(runtime.settings.settleSeconds) s")
        }
        guard let customer else {
            return (.unknownFolder, "folder '\(file.customerId)' is not a known customer id; the next run rejects the file")
        }
        if customer.status == .suspended {
            return (.held, customer.suspendedForArrears
                ? "customer \(customer.id) is suspended for arrears; the file is processed once they have paid in full"
                : "customer \(customer.id) is suspended in the master data")
        }
        if customer.status != .terminated, !customer.bookedLists.isEmpty, index.holdsFiles {
            return (.held, index.message(at: now))
        }
        return (.ready, nil)
    }
}
