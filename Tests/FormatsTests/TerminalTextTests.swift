import Formats
import Testing

@Suite struct TerminalTextTests {
    @Test func headerInjectionInANameStaysOnOneLine() {
        let name = "Liste\nBcc: someone@example.org\n\nText.csv"
        let shown = TerminalText.escaped(name)
        #expect(shown == #"Liste\nBcc: someone@example.org\n\nText.csv"#)
        #expect(!shown.contains("\n"))
    }

    @Test func terminalControlsAndBidiOverridesAreVisible() {
        #expect(TerminalText.escaped("a\u{1B}[2Jb\rc\td\u{7F}") == #"a\x1B[2Jb\rc\td\x7F"#)
        #expect(TerminalText.escaped("rechnung\u{202E}fdp.exe") == #"rechnung\u{202E}fdp.exe"#)
        #expect(TerminalText.escaped("x\u{85}y\u{2028}z") == #"x\x85y\u{2028}z"#)
        #expect(TerminalText.escaped("nul\u{0}") == #"nul\x00"#)
    }

    @Test func printableTextIsUnchanged() {
        for text in ["Adressen März 2026.csv", "Kunden (Kopie) – final €.csv", "C:\\Daten\\liste.csv", "👨‍👩‍👧 Familie.csv", ""] {
            #expect(TerminalText.escaped(text) == text)
        }
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
