import Billing
import Foundation
import FuzzSupport
import MasterData
import Store

/// The first byte chooses the import (plans, customers, mandates); the rest
/// is the CSV file. Each input is imported into a state database that holds
/// the fixtures' plans, customers and mandates and nothing else (a fresh copy
/// after every import that succeeded), so that updates, unchanged rows and
/// replacements are reached and no input depends on the ones before it.
@main enum Target {
    static func main() { runFuzzer { data, size in fuzzMasterData(data, size) } }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMasterData(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data!, count: size))
    let path = Scratch.write(bytes.dropFirst(), name: "import.csv")
    let target = Seeded.target()
    let imported: Bool
    switch bytes[0] % 3 {
    case 0: imported = (try? PlanImport(target).run(path: path)) != nil
    case 1: imported = (try? CustomerImport(target).run(path: path)) != nil
    default: imported = (try? MandateImport(target).run(path: path)) != nil
    }
    // A refused file changed nothing (one transaction); an imported one may have.
    if imported { Seeded.discard() }
    return 0
}

/// The seeded database, made once per process from Fixtures/, and the copy
/// the imports write to, copied again after an import that succeeded.
private enum Seeded {
    nonisolated(unsafe) static var current: MasterDataImport?

    static func target() -> MasterDataImport {
        if let current { return current }
        let folder = Scratch.folder + "/db"
        Scratch.remove(folder)
        try! FileManager.default.copyItem(atPath: Seeded.folder, toPath: folder)
        let target = MasterDataImport(database: try! StateDatabase(path: folder + "/robinson.sqlite"), actor: "fuzz", now: now)
        current = target
        return target
    }

    static func discard() { current = nil }

    static let now = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01
    static let folder: String = {
        let folder = Scratch.folder + "/seed"
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../Fixtures").standardized.path
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        do {
            let database = try StateDatabase(path: folder + "/robinson.sqlite")
            let target = MasterDataImport(database: database, actor: "seed", now: now)
            _ = try PlanImport(target).run(path: fixtures + "/plans.csv")
            _ = try CustomerImport(target).run(path: fixtures + "/customers.csv")
            _ = try MandateImport(target).run(path: fixtures + "/mandates.csv")
        } catch {
            finding("cannot seed the database from \(fixtures): \(error)")
        }
        return folder
    }()
}
