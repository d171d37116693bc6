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

    /// `inbox/K1001/adressen.csv`, escaped for printing (`inbox/K1001/sub/` for a folder).
    public let path: String
    /// The customer folder, nil for an entry directly in `inbox/`.
    public let folder: String?
    /// Nil for entries that are not regular files (links, folders).
    public let size: Int64?
    public let modified: Date?
    public let state: State
    public let reason: String?
}

/// Classifies every inbox file: settled or not, held (suspended customer, no
/// usable index) or not, in a known customer's folder or not.
struct InboxSurvey {
    let runtime: Runtime

    /// An entry and, for a regular file, what `Claim` needs to take it.
    struct Surveyed {
        let entry: InboxEntry
        let file: InboxFile?
        /// Held only because the index is missing, unusable or stale.
        var waitsForIndex = false
    }

    func entries(customers: [String: Customer], index: IndexHealth) -> [InboxEntry] {
        survey(customers: customers, index: index).map(\.entry)
    }

    func survey(customers: [String: Customer], index: IndexHealth) -> [Surveyed] {
        let now = runtime.now
        let scan = InboxScanner(root: runtime.root).scan()
        var surveyed = scan.held.map { held in
            let folder = held.path.split(separator: "/").dropFirst().first.map(String.init)
            return Surveyed(entry: InboxEntry(path: held.path, folder: held.stray ? nil : folder, size: nil, modified: nil,
                                              state: held.stray ? .stray : .held, reason: held.reason), file: nil)
        }
        for file in scan.files {
            let (state, reason) = classify(file, customer: customers[file.customerId], index: index, now: now)
            let waitsForIndex = state == .held && reason == nil
            surveyed.append(Surveyed(entry: InboxEntry(path: file.display, folder: file.customerId, size: file.size,
                                                       modified: file.modified.date, state: state,
                                                       reason: waitsForIndex ? index.message(at: now) : reason),
                                     file: file, waitsForIndex: waitsForIndex))
        }
        return surveyed
    }

    /// The state and why; `(.held, nil)` means held for the index.
    private func classify(_ file: InboxFile, customer: Customer?, index: IndexHealth, now: Date) -> (InboxEntry.State, String?) {
        if InboxScanner.isFromTheFuture(file, now: now) {
            return (.held, "modified \(BerlinCalendar.timestamp(file.modified.date)), later than now (\(BerlinCalendar.timestamp(now))); "
                + "the clock went backwards or the uploader's runs ahead. It is processed once that time has passed, or at once after `touch`.")
        }
        guard InboxScanner.isSettled(file, now: now, seconds: runtime.settings.settleSeconds) else {
            let age = max(0, Int(now.timeIntervalSince(file.modified.date)))
            return (.settling, "modified \(age) s ago; claimed once unchanged for \(runtime.settings.settleSeconds) s")
        }
        guard let customer else {
            return (.unknownFolder, "folder '\(file.customerId)' is not a known customer id; the next run rejects the file")
        }
        if customer.status == .suspended {
            return (.held, customer.suspendedForArrears
                ? "customer \(customer.id) is suspended for arrears (robinson dunning); the file is processed once they have paid in full"
                : "customer \(customer.id) is suspended in the master data")
        }
        if customer.status != .terminated, !customer.bookedLists.isEmpty, index.holdsFiles {
            return (.held, nil)
        }
        return (.ready, nil)
    }
}
