import Foundation
import Testing

/// `invoice validate`: the official EN 16931 and XRechnung rules run on issued files.
@Suite("invoice validate", .serialized)
struct InvoiceValidateCommandTests {
    static let rules = (CLI.packageRoot as NSString).deletingLastPathComponent + "/shared/schemas/schematron"

    func billedMonth() throws -> CLI {
        let cli = try BillingCommandTests().monthWithUsage()
        try cli.ok(["bill", "--period", "2026-10"], env: BillingCommandTests.billingDay)
        return cli
    }

    @Test("without the rules or Saxon it says what is missing, checks nothing and exits 69 (unavailable)")
    func unavailable() throws {
        let cli = try billedMonth()
        let noRules = try cli.run(["invoice", "validate", "--period", "2026-10"])
        #expect(noRules.status == 69)
        #expect(noRules.stderr == "robinson: the official e-invoice check is not available: the official rule sets are not in \(cli.root)/schematron: "
                + "EN16931-CII-validation.xslt and XRechnung-CII-validation.xslt missing; nothing was checked\n")
        #expect(noRules.stdout.isEmpty)
        let noSaxon = try cli.run(["invoice", "validate"], env: ["ROBINSON_BILLING_SCHEMATRON_RULES": Self.rules,
                                                                 "ROBINSON_BILLING_SAXON_JAR": "/nonexistent/saxon.jar"])
        #expect(noSaxon.status == 69)
        #expect(noSaxon.stderr.contains("Saxon-HE is not installed at /nonexistent/saxon.jar (Debian package libsaxonhe-java)"))
        let both = try cli.run(["invoice", "validate", "2026-000001", "--period", "2026-10"])
        #expect(both.status == 64)
    }

    @Test("issued files pass; a tampered one is rejected with its rule, a broken one as unreadable, a deleted one reported, exit 1")
    func checksIssuedFiles() throws {
        let cli = try billedMonth()
        cli.environment["ROBINSON_BILLING_SCHEMATRON_RULES"] = Self.rules
        let folder = cli.root + "/billing/2026-10/"
        let tampered = folder + "2026-000002-K1002-rechnung.xml"
        let xml = try String(contentsOfFile: tampered, encoding: .utf8)
        let grand = try #require(xml.range(of: "<ram:GrandTotalAmount>[0-9.]+</ram:GrandTotalAmount>", options: .regularExpression))
        try xml.replacingCharacters(in: grand, with: "<ram:GrandTotalAmount>0.01</ram:GrandTotalAmount>")
            .write(toFile: tampered, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: folder + "2026-000004-K1004-rechnung.xml")
        try "<rsm:CrossIndustryInvoice".write(toFile: folder + "2026-000003-K1003-rechnung.xml", atomically: true, encoding: .utf8)

        let result = try cli.run(["invoice", "validate", "--period", "2026-10"])
        #expect(result.status == 1, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "rule sets: EN16931-CII-validation, XRechnung-CII-validation (\(Self.rules))")
        #expect(lines.contains("2026-000001  ok"))
        #expect(lines.contains { $0.hasPrefix("2026-000003  REJECTED, 2 fatal") })
        #expect(lines.contains { $0.hasPrefix("  EN16931-CII-validation XML: not readable as XML: ") })
        #expect(lines.contains { $0.hasPrefix("2026-000002  REJECTED, ") })
        #expect(lines.contains { $0.hasPrefix("  EN16931-CII-validation BR-CO-15: ") })
        #expect(lines.contains { $0.hasPrefix("2026-000004  MISSING: ") })
        #expect(lines.last == "3 checked, 1 passed, 3 failed")

        let one = try cli.run(["invoice", "validate", "2026-000009"])
        #expect(one.status == 66)
        #expect(one.stderr.contains("there is no invoice 2026-000009"))
    }
}
