import Testing
@testable import SeanceModel

@Suite("Escaping of text in journal lines")
struct EscapingTests {
    @Test("French text stays legible", arguments: ["Épicerie solidaire « Le Panier »", "cœur, œuvre", "28 500 €", "NOM Prénom – rôle (organisation) : …"])
    func legible(_ text: String) {
        #expect(JournalEscaping.escape(text) == text)
    }

    @Test("Tabs, newlines, backslashes, controls and invisible marks are escaped and come back")
    func roundTrip() throws {
        let nasty = "a\tb\nc\\d\r\u{1B}[31mrouge\u{07}\u{7F}\u{85}\u{202E}inversé\u{200B}\u{FEFF}\u{2028}👩‍💻 e\u{301}"
        let escaped = JournalEscaping.escape(nasty)
        for s in escaped.unicodeScalars {
            #expect(!JournalEscaping.isInvisibleOrControl(s.value), "raw \(s.value) left in \(escaped)")
        }
        #expect(escaped.contains("\\u{1B}"))
        #expect(escaped.contains("\\u{202E}"))
        #expect(escaped.contains("\\t") && escaped.contains("\\n") && escaped.contains("\\\\"))
        #expect(try JournalEscaping.unescape(Substring(escaped)) == nasty)
    }

    @Test("Unknown or broken escapes are refused", arguments: ["\\q", "fin\\", "\\u{}", "\\u{110000}", "\\u{12", "\\u12"])
    func refused(_ raw: String) {
        #expect(throws: JournalEscaping.UnescapeError.self) { try JournalEscaping.unescape(Substring(raw)) }
    }

    @Test("Visible text replaces controls and bidi marks with stand-ins")
    func visible() {
        #expect(VisibleText.make("a\u{1B}[2Jb") == "a\u{241B}[2Jb")
        #expect(VisibleText.make("x\u{202E}y") == "x<U+202E>y")
        #expect(VisibleText.make("ligne\nsuivante") == "ligne\u{240A}suivante")
        #expect(VisibleText.make("ligne\nsuivante", keepNewlines: true) == "ligne\nsuivante")
        #expect(VisibleText.make("Élodie « ok » €") == "Élodie « ok » €")
    }
}
