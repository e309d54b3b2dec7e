import Foundation
import Testing

@Suite("The real binary in a real terminal (tmux)", .serialized)
struct EndToEndTests {
    @Test("Demo: dashboard, a committee, F1, too small and back, F10 exits 0")
    func demoTour() throws {
        let t = try Terminal(["--demo"], width: 100, height: 30)
        try t.waitFor("Comité de pilotage")
        try t.waitFor("Contrat de cohésion sociale de Saint-Flour 2010–2012")
        try t.waitFor("DÉMO ·")   // the copy's path is on screen
        try t.waitFor("F10 Quitter")
        try t.keys("Enter")
        try t.waitFor("Membres (17, dont 14 votants)")
        try t.waitFor("MARTIN Sophie")
        try t.waitFor("Séances (4)")
        try t.keys("F1")
        try t.waitFor("Aide — Comité")
        try t.keys("Escape")
        try t.waitFor("Membres (17")
        try t.resize(40, 10)
        try t.waitFor("trop petite")
        try t.resize(100, 30)
        try t.waitFor("Membres (17")
        try t.keys("Escape")
        try t.waitFor("Votants")
        try t.keys("F10")
        #expect(try t.exitCode() == 0)
        // The copy is a real, private, valid journal.
        let copies = try FileManager.default.subpathsOfDirectory(atPath: t.dir).filter { $0.hasSuffix("saint-flour.seance") }
        #expect(copies.count == 1)
        let check = try run([seanceBinary, "check", t.dir + "/" + copies[0]])
        #expect(check.code == 0)
    }

    @Test("First run: create the project, a committee and a member in French; the journal holds them")
    func firstRun() throws {
        let t = try Terminal([], width: 100, height: 30)
        try t.waitFor("Bienvenue dans Séance")
        try t.keys("Enter")
        try t.waitFor("Créer le projet")
        try t.type("Projet social « Cœur de ville » 2026–2028")
        try t.keys("Tab"); try t.type("Bondy")
        try t.keys("Tab"); try t.type("01/01/2026")
        try t.keys("Tab"); try t.type("31/12/2028")
        try t.keys("Tab"); try t.type("1 250 000")
        try t.keys("Tab"); try t.type("Accès aux droits ; Vie sociale et vivre ensemble")
        try t.keys("F2")
        try t.waitFor("enveloppe 1\u{202F}250\u{202F}000,00\u{00A0}€")
        try t.keys("n")
        try t.waitFor("Nouveau comité")
        try t.type("Comité technique « Vie sociale »")
        try t.keys("Tab", "Tab", "Right", "Right", "F2")
        try t.waitFor("Comité technique « Vie sociale »")
        try t.keys("Enter")
        try t.waitFor("Aucun membre")
        try t.keys("n")
        try t.waitFor("Nouveau membre")
        try t.type("LEFÈVRE Anaïs")
        try t.keys("Tab", "Right")   // the civilité: Mme
        try t.keys("Tab"); try t.type("Centre social Balavoine")
        try t.keys("F2")
        try t.waitFor("Enregistré ✓")
        try t.waitFor("›LEFÈVRE Anaïs")
        try t.waitFor("Membres (1, dont 1 votant)")
        try t.keys("F10")
        #expect(try t.exitCode() == 0)

        let journal = t.dir + "/data/seance/journal.seance"
        let text = try String(contentsOfFile: journal, encoding: .utf8)
        #expect(text.hasPrefix("seance-journal 1\n"))
        #expect(text.contains("\tproject.set\tproject\tname=Projet social « Cœur de ville » 2026–2028\t"))
        #expect(text.contains("\tclaire\taxis.add\t"))
        #expect(text.contains("name=Comité technique « Vie sociale »\tkind=technique\taxis="))
        #expect(text.contains("\tmember.add\tmem-"))
        #expect(text.contains("name=LEFÈVRE Anaïs\tcivility=Mme\torganisation=Centre social Balavoine"))
        let attributes = try FileManager.default.attributesOfItem(atPath: journal)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let folder = try FileManager.default.attributesOfItem(atPath: t.dir + "/data/seance")
        #expect((folder[.posixPermissions] as? Int) == 0o700)
        let check = try run([seanceBinary, "check", journal])
        #expect(check.code == 0, "\(check.out)")
        #expect(check.out.contains("comités : 1"))
    }

    @Test("A second copy on the same journal reports the lock and can open read-only")
    func secondCopy() throws {
        let (dir, path) = try demoCopy()
        let first = try Terminal(["--journal", path], dir: dir)
        try first.waitFor("Comité de pilotage")
        let pid = try #require(try first.programPID())
        let second = try Terminal(["--journal", path], dir: dir)
        try second.waitFor("déjà ouvert")
        try second.waitFor("processus \(pid)")
        try second.keys("o")
        try second.waitFor("LECTURE SEULE")
        try second.waitFor("Comité de pilotage")
        try second.keys("n")
        try second.waitFor("lecture seule : aucune modification possible")
        try second.keys("F10")
        #expect(try second.exitCode() == 0)
        try first.keys("F10")
        #expect(try first.exitCode() == 0)
    }

    @Test("A read-only copy follows the copy that writes: a line typed there shows here")
    func readOnlyFollows() throws {
        let (dir, path) = try demoCopy()
        let writer = try Terminal(["--journal", path], dir: dir)
        try writer.waitFor("Comité de pilotage")
        try writer.keys("Enter", "Tab", "Enter"); try writer.waitFor("Comité de pilotage n°4")
        let reader = try Terminal(["--journal", path], dir: dir)
        try reader.waitFor("déjà ouvert")
        try reader.keys("o"); try reader.waitFor("LECTURE SEULE")
        try reader.keys("Enter", "Tab", "Enter"); try reader.waitFor("Comité de pilotage n°4")
        try writer.type("Le projecteur suit la saisie"); try writer.keys("Enter")
        try writer.waitFor("Ouvrir la séance"); try writer.keys("Enter"); try writer.waitFor("Enregistré ✓")
        try reader.waitFor("• Le projecteur suit la saisie", timeout: 5)
        try reader.waitFor("Journal relu")
        try reader.keys("F10")
        #expect(try reader.exitCode() == 0)
        try writer.keys("F10")
        #expect(try writer.exitCode() == 0)
    }

    @Test("A torn last line is set aside at opening and the secretary is told")
    func tornTail() throws {
        let (dir, path) = try demoCopy()
        let fragment = "2010-01-20T10:00:00+01:00\t01FZ00000000000000000000ZZ\tclaire\tnote.add\tnote-x\tseance=sea-copil-4\ttext=Le maire ouvre"
        let h = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        h.seekToEndOfFile(); h.write(fragment.data(using: .utf8)!); h.closeFile()
        let t = try Terminal(["--journal", path], dir: dir)
        try t.waitFor("Fin du journal réparée")
        try t.waitFor("mis de côté")
        let side = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("journal.seance.torn-") }
        #expect(side.count == 1)
        #expect(try String(contentsOfFile: dir + "/" + side[0], encoding: .utf8) == fragment)
        try t.keys("Enter")
        try t.waitFor("Votants")
        try t.keys("F10")
        #expect(try t.exitCode() == 0)
        #expect(try run([seanceBinary, "check", path]).code == 0)
    }

    @Test("A malformed line: check names FILE:LINE and exits 1; the program shows it read-only")
    func malformed() throws {
        let (dir, path) = try demoCopy()
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        lines[9] = "ligne modifiée à la main"
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let check = try run([seanceBinary, "check", path])
        #expect(check.code == 1)
        #expect(check.out.contains("\(path):10: ligne illisible"))
        let t = try Terminal(["--journal", path], dir: dir)
        try t.waitFor("LECTURE SEULE")
        try t.waitFor("journal.seance:10:")
        try t.keys("Enter")
        try t.waitFor("Votants")
        try t.keys("F10")
        #expect(try t.exitCode() == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test("A closed terminal (SIGHUP) ends the program cleanly; nothing committed is lost")
    func hangup() throws {
        let (dir, path) = try demoCopy()
        let t = try Terminal(["--journal", path], dir: dir)
        try t.waitFor("Comité de pilotage")
        try t.keys("x")
        try t.waitFor("Axes du projet")
        try t.keys("n"); try t.waitFor("Nouvel axe")
        try t.keys("Tab"); try t.type("Santé et prévention « Bien vieillir »"); try t.keys("F2")
        try t.waitFor("Enregistré ✓")
        let pid = try #require(try t.programPID())
        kill(pid, SIGHUP)
        #expect(try t.exitCode() == 129)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("title=Santé et prévention « Bien vieillir »"))
        #expect(try run([seanceBinary, "check", path]).code == 0)
    }

    @Test("check and list on the command line")
    func commandLine() throws {
        let ok = try run([seanceBinary, "check", demoJournal])
        #expect(ok.code == 0)
        #expect(ok.out.contains("séances : 28"))
        let missing = try run([seanceBinary, "check", "/nonexistent/j.seance"])
        #expect(missing.code == 2)
        #expect(missing.err.contains("Journal introuvable : /nonexistent/j.seance"))
        let list = try run([seanceBinary, "list", demoJournal])
        #expect(list.code == 0)
        #expect(list.out.split(separator: "\n").count == 28)
        #expect(list.out.contains("sea-copil-3\t2009-12-17 18:00\tComité de pilotage n°3\t"))
        let notTTY = try run([seanceBinary, "--journal", demoJournal])
        #expect(notTTY.code == 2)
        #expect(notTTY.err.contains("terminal"))
    }

    @Test("Colours by default; NO_COLOR gives the same screen in bold and reverse only")
    func noColor() throws {
        func firstScreen(_ env: [String: String]) throws -> String {
            let t = try Terminal(["--demo"], width: 100, height: 30, env: env)
            try t.waitFor("Votants")
            let s = try t.tmux(["capture-pane", "-e", "-p", "-t", t.name])
            try t.keys("F10")
            _ = try t.exitCode()
            return s
        }
        let colour = try firstScreen([:])
        let plain = try firstScreen(["NO_COLOR": "1"])
        let colourCode = try Regex("\u{1B}\\[[0-9;]*(3[0-7]|4[0-7])m")
        #expect(colour.contains(colourCode))
        #expect(!plain.contains(colourCode))
        #expect(plain.contains("\u{1B}[1;7m") || plain.contains("\u{1B}[7m"))   // the title bar in reverse
    }
}
