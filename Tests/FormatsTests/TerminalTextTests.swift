import Formats
import Testing

@Suite("terminal and TSV escaping")
struct TerminalTextTests {
    @Test func controlCharactersBecomeVisibleEscapes() {
        #expect(TerminalText.escaped("Liste\nBcc: x@example.org\r\n\tText.csv") == "Liste\\nBcc: x@example.org\\r\\n\\tText.csv")
        #expect(TerminalText.escaped("a\u{1B}[2Jb\u{07}\u{7F}\u{85}") == "a\\x1B[2Jb\\x07\\x7F\\x85")
        #expect(TerminalText.escaped("rechnung\u{202E}fdp.exe") == "rechnung\\u{202E}fdp.exe")
        #expect(TerminalText.escaped("zeile\u{2028}zwei") == "zeile\\u{2028}zwei")
    }

    @Test func ordinaryTextIsKept() {
        for text in ["Müller & Söhne GmbH", "Adressen März 2026.csv", "C:\\Daten\\liste.csv", "日本語", "👍"] {
            #expect(TerminalText.escaped(text) == text)
            #expect(!TerminalText.needsEscaping(text))
        }
    }

    @Test func tsvEscapesTheBackslashToo() {
        #expect(TerminalText.tsvEscaped("a\tb\\c\nd") == "a\\tb\\\\c\\nd")
    }
}
