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

    @Test func escapingIsIdempotent() {
        let once = TerminalText.escaped("a\nb\u{1B}c\u{202E}d\\e")
        #expect(TerminalText.escaped(once) == once)
    }

    @Test func bytesThatAreNotUTF8AreShownByteByByte() {
        #expect(TerminalText.escaped(bytes: Array("Adressen_M".utf8) + [0xE4] + Array("rz.csv".utf8)) == #"Adressen_M\xE4rz.csv"#)
        #expect(TerminalText.escaped(bytes: Array("Straße\n".utf8)) == #"Straße\n"#)
        #expect(TerminalText.escaped(bytes: [0xC3]) == #"\xC3"#)
        #expect(TerminalText.escaped(bytes: [0xF0, 0x9F, 0x98]) == #"\xF0\x9F\x98"#)
    }
}
