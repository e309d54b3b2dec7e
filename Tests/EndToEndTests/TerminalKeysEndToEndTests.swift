import Foundation
import Testing

/// The raw sequences real terminals send, typed into the real binary under several TERM values:
/// whatever the terminfo entry knows or lacks, the keys move and edit, and nothing unknown leaks.
@Suite("Keys of real terminals in forms and the notes (tmux)", .serialized)
struct TerminalKeysEndToEndTests {
    static let terms = ["tmux-256color", "xterm-256color", "screen", "linux", "vt220", "rxvt-unicode"]

    /// The demo's COPIL n°4 on its séance screen.
    func openCopil4(_ term: String) throws -> (Terminal, String) {
        let (dir, path) = try demoCopy()
        let t = try Terminal(["--journal", path], width: 100, height: 30, env: ["TERM": term], dir: dir)
        try t.waitFor("Comité de pilotage")
        try t.keys("Enter"); try t.waitFor("Membres (17")
        try t.keys("Tab", "Enter"); try t.waitFor("Comité de pilotage n°4")
        return (t, path)
    }

    @Test("A follow-up form: Home/End/arrows of xterm, tmux, PuTTY, the Linux console, rxvt, Windows Terminal; unknown sequences and Alt+x change nothing",
          arguments: terms)
    func followUpForm(_ term: String) throws {
        let (t, path) = try openCopil4(term)
        try t.keys("F6"); try t.waitFor("Suite à donner")
        try t.type("compte rendu")
        try t.type("\u{1B}[1~")          // Home: tmux, screen, PuTTY, Linux console
        try t.type("Envoyer le ")
        try t.type("\u{1B}[4~")          // End: the same terminals
        try t.type(" aux partenaires")
        try t.type("\u{1B}OH")           // Home: xterm, GNOME Terminal (application mode)
        try t.type("\u{1B}[C"); try t.type("\u{1B}OC")   // → in both modes
        try t.type("X")
        try t.keys("BSpace")
        try t.type("\u{1B}OF")           // End: xterm, GNOME Terminal
        try t.type("\u{1B}[1;5D"); try t.type("\u{1B}[1;5D")   // Ctrl+← twice: before « aux »
        try t.type("vite ")
        try t.type("\u{1B}[H")           // Home: xterm normal mode, Windows Terminal
        try t.type("\u{1B}[3~")          // Suppr: the « E »
        try t.type("E")
        try t.type("\u{1B}[99~")         // unknown: nothing
        try t.type("\u{1B}x")            // Alt+x: nothing, and the form stays
        try t.type("\u{1B}[7~")          // Home: rxvt
        try t.type("« ")
        try t.type("\u{1B}[8~")          // End: rxvt
        try t.type(" »")
        try t.type("\u{1B}[F")           // End: xterm normal mode, Windows Terminal
        try t.type("\u{1B}[D"); try t.type("\u{1B}OD")   // ← in both modes
        try t.type("\u{1B}[1;3C")        // Alt+→: to the end
        let expected = "« Envoyer le compte rendu vite aux partenaires »"
        try t.waitFor(expected)
        let screen = try t.screen()
        #expect(!screen.contains("[1~") && !screen.contains("[99~") && !screen.contains("OH"), "\(screen)")
        try t.keys("Tab"); try t.type("mart"); try t.keys("Tab")
        try t.waitFor("MARTIN Sophie")
        try t.keys("Tab"); try t.type("31/03/2010")
        try t.keys("F2"); try t.waitFor("Enregistré ✓")
        let journal = try String(contentsOfFile: path, encoding: .utf8)
        #expect(journal.contains("what=" + expected))
        #expect(journal.contains("owner=mem-copil-01"))
        try t.keys("F10")
        #expect(try t.exitCode() == 0)
    }

    @Test("Échap on a form with typed text asks first; n keeps the text, o abandons it")
    func escapeAsks() throws {
        let (t, path) = try openCopil4("xterm-256color")
        try t.keys("F6"); try t.waitFor("Suite à donner")
        try t.type("Relancer la CAF")
        try t.keys("Escape"); try t.waitFor("Abandonner le formulaire")
        try t.keys("n"); try t.waitFor("Relancer la CAF")
        #expect(try t.screen().contains("Suite à donner"))
        try t.keys("Escape"); try t.waitFor("Abandonner le formulaire")
        try t.keys("o"); try t.waitFor("Formulaire abandonné")
        #expect(!(try t.screen()).contains("Relancer la CAF"))
        try t.keys("F10")
        #expect(try t.exitCode() == 0)
        #expect(!(try String(contentsOfFile: path, encoding: .utf8)).contains("Relancer la CAF"))
    }

    @Test("The notes editor: the same sequences move and edit the line; the saved note is what was meant",
          arguments: terms)
    func notes(_ term: String) throws {
        let (t, path) = try openCopil4(term)
        try t.type("tous")
        try t.type("\u{1B}[H")           // Home
        try t.type("Bonjour ")
        try t.type("\u{1B}[4~")          // End
        try t.type("\u{1B}[1;5D")        // Ctrl+←: before « tous »
        try t.type("à ")
        try t.type("\u{1B}OF")           // End
        try t.type(".")
        try t.type("\u{1B}[99~")         // unknown
        try t.type("\u{1B}x")            // Alt+x
        try t.type("\u{1B}[1~")          // Home
        try t.type("\u{1B}[1;5C")        // Ctrl+→: after « Bonjour »
        try t.type("\u{1B}[3~")          // Suppr: the space
        try t.type("\u{1B}OC")           // →: after « à »
        try t.keys("BSpace")             // the « à »
        try t.type(" à")
        try t.type("\u{1B}[1;5C"); try t.type("\u{1B}[1;5C")   // past « tous »
        try t.type("\u{1B}\u{1B}[D")     // Alt+← as ESC-prefixed (PuTTY): back before « tous »
        try t.type("vous ")
        try t.waitFor("Bonjour à vous tous.")
        let screen = try t.screen()
        #expect(!screen.contains("[1~") && !screen.contains("[99~") && !screen.contains("[H"), "\(screen)")
        // The first line asks to open the séance; the line is saved with the opening.
        try t.keys("Enter"); try t.waitFor("Ouvrir la séance")
        try t.keys("Enter"); try t.waitFor("Enregistré ✓")
        let journal = try String(contentsOfFile: path, encoding: .utf8)
        #expect(journal.contains("text=Bonjour à vous tous.\t") || journal.hasSuffix("text=Bonjour à vous tous.\n"), "\(journal.suffix(400))")
        try t.keys("F10")
        #expect(try t.exitCode() == 0)
    }
}
