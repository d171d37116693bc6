import Billing
import Foundation
import Formats
import Store

/// `robinson plans import FILE`: price plans from CSV (docs/formats.md, "Price plans").
/// All or nothing; every change is audited.
public struct PlanImport: Sendable {
    public static let columns = ["id", "name", "monthly_fee", "annual_fee", "price_per_1000", "package_price", "package_size",
                                 "included_records", "vat_rate", "due_days"]

    let target: MasterDataImport

    public init(_ target: MasterDataImport) { self.target = target }

    public func run(path: String) throws -> ImportReport {
        let plans = try parse(path: path)
        var changes = FieldChanges<Plan>()
        changes.compare("name", \.name)
        changes.compare("monthly_fee", \.monthlyFeeCents)
        changes.compare("annual_fee", \.annualFeeCents)
        changes.compare("price_per_1000", \.pricePerThousandCents)
        changes.compare("package_price", \.packagePriceCents)
        changes.compare("package_size", \.packageSize)
        changes.compare("included_records", \.includedRecords)
        changes.compare("vat_rate", \.vatBasisPoints)
        changes.compare("due_days", \.dueDays)
        return try target.store(plans, kind: "plan", id: \.id, changes: changes.between, created: { "plan \($0.name)" })
    }

    func parse(path: String) throws -> [Plan] {
        let table = try CSVTable.read(path: path, required: ["id", "name"])
        var plans: [Plan] = []
        var seen = Set<String>()
        for row in table.rows {
            let id = try row.required("id", in: table)
            guard id.count <= 35, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
                throw table.error(row, field: "id", "'\(id)' is not a plan id (letters, digits, - and _, at most 35)")
            }
            guard seen.insert(id).inserted else { throw table.error(row, field: "id", "plan \(id) appears twice") }
            func money(_ field: String) throws -> Int64? {
                guard let text = row.optional(field) else { return nil }
                do {
                    let amount = try Money(parsing: text)
                    guard !amount.isNegative else { throw table.error(row, field: field, "'\(text)' is negative") }
                    return amount.cents
                } catch let error as MasterDataError { throw error } catch {
                    throw table.error(row, field: field, "\(error)")
                }
            }
            func count(_ field: String, default fallback: Int64, range: ClosedRange<Int64>) throws -> Int64 {
                guard let text = row.optional(field) else { return fallback }
                guard let value = Int64(text.replacingOccurrences(of: ".", with: "")), range.contains(value) else {
                    throw table.error(row, field: field, "'\(text)' is not a whole number from \(range.lowerBound) to \(range.upperBound)")
                }
                return value
            }
            let monthly = try money("monthly_fee"), annual = try money("annual_fee")
            let perThousand = try money("price_per_1000"), package = try money("package_price")
            guard monthly == nil || annual == nil else {
                throw table.error(row, field: "annual_fee", "a plan has a monthly fee or an annual fee, not both")
            }
            guard perThousand == nil || package == nil else {
                throw table.error(row, field: "package_price", "a plan has a price per 1,000 records or per package, not both")
            }
            guard monthly != nil || annual != nil || perThousand != nil || package != nil else {
                throw table.error(row, field: "monthly_fee", "the plan has no price; give a fee, a price per 1,000 or a package price")
            }
            var vat = Percent(19)
            if let text = row.optional("vat_rate") {
                do { vat = try Percent(parsing: text) } catch { throw table.error(row, field: "vat_rate", "\(error)") }
                guard vat.basisPoints >= 0 && vat.basisPoints <= 10_000 else { throw table.error(row, field: "vat_rate", "'\(text)' is not a VAT rate") }
            }
            plans.append(Plan(
                id: id, name: try row.required("name", in: table), monthlyFeeCents: monthly, annualFeeCents: annual,
                pricePerThousandCents: perThousand, packagePriceCents: package,
                packageSize: try count("package_size", default: 1_500, range: 1...10_000_000),
                includedRecords: try count("included_records", default: 0, range: 0...1_000_000_000),
                vatBasisPoints: vat.basisPoints, dueDays: Int(try count("due_days", default: 7, range: 0...90)), updatedAt: target.now))
        }
        return plans
    }
}
