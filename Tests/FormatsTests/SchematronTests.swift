import Foundation
import Testing
@testable import Formats
import TestSupport

/// The Saxon runner and the SVRL reader on a tiny rule set: findings by flag,
/// unreadable documents, broken stylesheets, missing tools.
@Suite("Schematron runner")
struct SchematronTests {
    /// Fails (fatal) when `total` is not 3, reports (warning) every `note`.
    static let rules = """
    <xsl:stylesheet version="2.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:svrl="http://purl.oclc.org/dsdl/svrl">
      <xsl:template match="/">
        <svrl:schematron-output>
          <xsl:if test="not(/doc/total = 3)">
            <svrl:failed-assert id="R-TOTAL" flag="fatal" location="/doc/total"><svrl:text>total must be 3</svrl:text></svrl:failed-assert>
          </xsl:if>
          <xsl:for-each select="/doc/note">
            <svrl:successful-report id="R-NOTE" flag="warning" location="/doc/note"><svrl:text>  a note:
              <xsl:value-of select="."/></svrl:text></svrl:successful-report>
          </xsl:for-each>
        </svrl:schematron-output>
      </xsl:template>
    </xsl:stylesheet>
    """

    struct ToolsMissing: Error {}

    func folder() throws -> String {
        let path = try TemporaryFolders.make("schematron-test")
        return path
    }

    func write(_ text: String, _ path: String) throws -> String {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func saxon() throws -> Schematron {
        let schematron = Schematron()
        if let missing = schematron.missingTools() {
            Issue.record("\(missing): run ./run.sh test, which installs it")
            throw ToolsMissing()
        }
        return schematron
    }

    @Test("findings by file and flag; an unreadable document is a fatal finding of its own, the others are still checked")
    func findings() throws {
        let schematron = try saxon()
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let rules = SchematronRules(path: try write(Self.rules, dir + "/tiny-rules.xslt"))
        #expect(rules.name == "tiny-rules")
        let good = try write("<doc><total>3</total></doc>", dir + "/good.xml")
        let bad = try write("<doc><total>4</total><note>x</note></doc>", dir + "/bad.xml")
        let broken = try write("<doc><total>3</total>", dir + "/broken.xml")
        let findings = try schematron.validate([good, bad, broken], against: [rules])
        #expect(findings[good] == [])
        #expect(findings[bad] == [
            SchematronFinding(ruleSet: "tiny-rules", id: "R-TOTAL", flag: "fatal", text: "total must be 3", location: "/doc/total"),
            SchematronFinding(ruleSet: "tiny-rules", id: "R-NOTE", flag: "warning", text: "a note: x", location: "/doc/note"),
        ])
        #expect(findings[broken]?.map(\.id) == ["XML"])
        #expect(findings[broken]?.allSatisfy(\.isFatal) == true)
    }

    @Test("a broken stylesheet or missing Saxon is an error, not a finding")
    func failures() throws {
        let schematron = try saxon()
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let good = try write("<doc><total>3</total></doc>", dir + "/good.xml")
        let broken = SchematronRules(path: try write("<xsl:stylesheet version=\"2.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\"><xsl:template match=\"/\"><xsl:bogus/></xsl:template></xsl:stylesheet>", dir + "/broken.xslt"))
        #expect { try schematron.validate([good], against: [broken]) } throws: { error in
            guard case .saxonFailed(_, let status, _) = error as? SchematronError else { return false }
            return status != 0
        }
        let noSaxon = Schematron(saxonJar: "/nonexistent/saxon.jar")
        #expect(noSaxon.missingTools()?.contains("libsaxonhe-java") == true)
        #expect(throws: SchematronError.toolsMissing(noSaxon.missingTools()!)) { try noSaxon.validate([good], against: [broken]) }
        #expect(SchematronRules.all(in: "/nonexistent") == [])
    }
}
