import Foundation
import Testing

@Suite("A whole séance in a real terminal (tmux)", .serialized)
struct MeetingEndToEndTests {
    @Test("Create, agenda, attendance, notes, speaker, vote, follow-up, next item, clôture; list and journal show it")
    func wholeSeance() throws {
        let (dir, path) = try demoCopy()
        let t = try Terminal(["--journal", path], width: 110, height: 32, dir: dir)
        try t.waitFor("Comité de pilotage")
        try t.keys("Enter"); try t.waitFor("Membres (17")
        try t.keys("s"); try t.waitFor("Nouvelle séance")
        try t.keys("C-u"); try t.type("16/03/2010")
        try t.keys("Tab", "C-u"); try t.type("18h30")
        try t.keys("Tab"); try t.type("Salle du conseil, mairie")
        try t.keys("Tab"); try t.type("Lancement du programme d'actions")
        try t.keys("F2"); try t.waitFor("Enregistré ✓")
        try t.keys("Tab", "Enter")
        try t.waitFor("Comité de pilotage n°5")
        try t.waitFor("Suivi des décisions précédentes")

        try t.keys("F2"); try t.waitFor("Durée totale prévue")
        for (title, n) in [("Approbation du compte rendu", 2), ("Épicerie solidaire « Le Panier »", 3), ("Plan de financement", 4), ("Questions diverses", 5)] {
            try t.keys("n"); try t.waitFor("Nouveau point")
            try t.type(title)
            try t.keys("F2"); try t.waitFor("  \(n) 1")
        }
        try t.keys("Escape")
        try t.waitFor("5. Questions diverses")

        try t.keys("F4"); try t.waitFor("Présences")
        for _ in 0..<9 { try t.keys("p") }
        try t.waitFor("Votants présents : 9 sur 14")
        // Escape and what follows in one write would be Alt+letter: wait for the séance.
        try t.keys("Escape"); try t.waitFor("Ordre du jour")

        try t.type("Le président ouvre la séance : « bienvenue », œuvre commune à 28 500 €.")
        // The first line asks to open the séance, at its planned start (it is written up afterwards).
        try t.keys("Enter"); try t.waitFor("Ouvrir la séance"); try t.waitFor("18\u{00A0}h\u{00A0}30")
        try t.keys("Enter"); try t.waitFor("• Le président ouvre la séance")
        try t.type("mart"); try t.keys("Tab")
        try t.waitFor("› Mme MARTIN Sophie – élue")
        try t.type("soutient l'épicerie.")
        try t.keys("Enter"); try t.waitFor("soutient l'épicerie.")

        try t.keys("F5"); try t.waitFor("Décision *")
        try t.type("Le comité valide le suivi")
        try t.keys("Tab", "Tab"); try t.type("7")
        try t.keys("Tab"); try t.type("1")
        try t.keys("Tab"); try t.type("1")
        try t.keys("F2"); try t.waitFor("Décision n°1 – Validée : Le comité valide le suivi. Vote : 7")

        try t.keys("F6"); try t.waitFor("Suite à donner")
        try t.type("Envoyer le compte rendu aux partenaires")
        try t.keys("Tab"); try t.type("MARTIN Sophie")
        try t.keys("Tab"); try t.type("31/03/2010")
        try t.keys("F2"); try t.waitFor("Suite : Envoyer le compte rendu aux partenaires – Mme MARTIN Sophie")

        // Written up afterwards: the next point asks when it started.
        try t.keys("F9"); try t.waitFor("Point 2 commencé à")
        try t.keys("Enter"); try t.waitFor("▶2. Approbation")
        try t.keys("C-t"); try t.waitFor("Clôture à")
        try t.keys("Enter"); try t.waitFor("lecture seule · Ctrl+R rouvre")
        try t.keys("F10")
        #expect(try t.exitCode() == 0)

        let list = try run([seanceBinary, "list", path])
        #expect(list.out.contains("2010-03-16 18:30\tComité de pilotage n°5\tLancement du programme d'actions\tclose"))
        let journal = try String(contentsOfFile: path, encoding: .utf8)
        #expect(journal.contains("\tnote.add\t"))
        #expect(journal.contains("text=Le président ouvre la séance : « bienvenue », œuvre commune à 28 500 €."))
        #expect(journal.contains("speaker=mem-copil-01"))
        #expect(journal.contains("\tdecision.record\t"))
        #expect(journal.contains("for=7\tagainst=1\tabstention=1\tvoters_present=9\tquorum_met=oui"))
        #expect(journal.contains("\tfollowup.add\t"))
        #expect(journal.contains("owner=mem-copil-01\tdue=2010-03-31"))
        #expect(journal.contains("\tseance.close\t"))
        let check = try run([seanceBinary, "check", path])
        #expect(check.code == 0, "\(check.out)")
    }

    @Test("A séance written up afterwards keeps its own times; a vote without quorum is refused, then confirmed « sans quorum »")
    func writtenUpAfterwards() throws {
        let (dir, path) = try demoCopy()
        let t = try Terminal(["--journal", path], width: 110, height: 34, dir: dir)
        try t.waitFor("Comité de pilotage")
        try t.keys("Enter"); try t.waitFor("Membres (17")
        try t.keys("s"); try t.waitFor("Nouvelle séance")
        try t.keys("C-u"); try t.type("16/03/2010")
        try t.keys("Tab", "C-u"); try t.type("9h30")
        try t.keys("Tab"); try t.type("Mairie")
        try t.keys("F2"); try t.waitFor("Enregistré ✓")
        try t.keys("Tab", "Enter"); try t.waitFor("Comité de pilotage n°5")
        // Two members only: the quorum (8 of 14) is not reached.
        try t.keys("F4"); try t.waitFor("Présences")
        try t.keys("p", "p"); try t.waitFor("Votants présents : 2 sur 14")
        try t.keys("Escape"); try t.waitFor("F4 Présences")
        try t.type("La présidente constate l'absence de quorum.")
        try t.keys("Enter"); try t.waitFor("Ouverture à")
        try t.waitFor("9\u{00A0}h\u{00A0}30")
        try t.keys("Enter"); try t.waitFor("• La présidente constate")
        try t.keys("F5"); try t.waitFor("Décision *")
        try t.type("Le suivi est approuvé")
        try t.keys("Tab", "Tab"); try t.type("2")
        try t.keys("F2"); try t.waitFor("Quorum non atteint")
        try t.waitFor("sans quorum ?")
        try t.keys("o"); try t.waitFor("sans quorum (le")
        try t.keys("C-t"); try t.waitFor("Clôture à")
        try t.keys("C-u"); try t.type("11h05"); try t.keys("Enter")
        try t.waitFor("close à 11\u{00A0}h\u{00A0}05")
        try t.keys("F10")
        #expect(try t.exitCode() == 0)

        let md = try run([seanceBinary, "export", path, "--seance", "last", "--format", "md"])
        #expect(md.code == 0, "\(md.err)")
        #expect(md.out.contains("de 9\u{00A0}h\u{00A0}30 à 11\u{00A0}h\u{00A0}05"))
        #expect(md.out.contains("durée effective\u{202F}: 1\u{00A0}h\u{00A0}35"))
        #expect(md.out.contains("sans quorum"))
        // No wall-clock time of today in the minutes of 2010.
        let now = Date()
        var c = Calendar(identifier: .gregorian); c.timeZone = TimeZone(identifier: "Europe/Paris")!
        for delta in -2...2 {
            let d = now.addingTimeInterval(Double(delta * 60))
            let stamp = "\(c.component(.hour, from: d))\u{00A0}h\u{00A0}" + String(format: "%02d", c.component(.minute, from: d))
            if !["9\u{00A0}h\u{00A0}30", "11\u{00A0}h\u{00A0}05"].contains(stamp) {
                #expect(!md.out.contains(stamp), "heure du jour « \(stamp) » dans le compte rendu")
            }
        }
        let journal = try String(contentsOfFile: path, encoding: .utf8)
        #expect(journal.contains("without_quorum=oui"))
    }

    @Test("Written up afterwards (12/11/2026 at 9 h 30): arrivals, departures and point starts are asked; going back to a point moves no clock")
    func timesAskedAfterwards() throws {
        let (dir, path) = try demoCopy()
        let t = try Terminal(["--journal", path], width: 110, height: 34, dir: dir)
        let nb = "\u{00A0}"
        try t.waitFor("Comité de pilotage")
        try t.keys("Enter"); try t.waitFor("Membres (17")
        try t.keys("s"); try t.waitFor("Nouvelle séance")
        try t.keys("C-u"); try t.type("12/11/2026")
        try t.keys("Tab", "C-u"); try t.type("9h30")
        try t.keys("Tab"); try t.type("Mairie")
        try t.keys("F2"); try t.waitFor("Enregistré ✓")
        try t.keys("Tab", "Enter"); try t.waitFor("Comité de pilotage n°5")
        try t.keys("F2"); try t.waitFor("Durée totale prévue")
        try t.keys("n"); try t.waitFor("Nouveau point")
        try t.type("Questions diverses"); try t.keys("F2"); try t.waitFor("Questions diverses")
        try t.keys("Escape"); try t.waitFor("F4 Présences")
        // Three members there from the start (before the opening: no time).
        try t.keys("F4"); try t.waitFor("Présences")
        try t.keys("p", "p", "p"); try t.waitFor("Votants présents : 3 sur 14")
        try t.keys("Escape"); try t.waitFor("F4 Présences")
        try t.type("La présidente ouvre la séance.")
        try t.keys("Enter"); try t.waitFor("Ouverture à"); try t.waitFor("9\(nb)h\(nb)30")
        try t.keys("Enter"); try t.waitFor("• La présidente ouvre la séance.")
        // The fourth member arrives at 9 h 50; the first leaves at 10 h 30.
        try t.keys("F4"); try t.waitFor("Présences")
        try t.keys("Down", "Down", "Down", "p"); try t.waitFor("Arrivée à")
        try t.keys("C-u"); try t.type("9h50"); try t.keys("Enter")
        try t.waitFor("(depuis 9\(nb)h\(nb)50)")
        try t.keys("Home", "a"); try t.waitFor("Départ à")
        try t.keys("C-u"); try t.type("10h30"); try t.keys("Enter")
        try t.waitFor("à 10\(nb)h\(nb)30")
        try t.keys("Escape"); try t.waitFor("F4 Présences")
        // Point 2 at 10 h 00.
        try t.keys("F9"); try t.waitFor("Point 2 commencé à")
        try t.keys("C-u"); try t.type("10h00"); try t.keys("Enter")
        try t.waitFor("▶2.")
        try t.type("Point deux : discussion."); try t.keys("Enter"); try t.waitFor("• Point deux : discussion.")
        // Back to point 1 to correct its line, then forward again: no clock moves.
        try t.keys("F8"); try t.waitFor("son heure ne change pas")
        try t.keys("Up", "Enter"); try t.waitFor("Corriger la ligne")
        try t.keys("End"); try t.type(" Bienvenue."); try t.keys("F2")
        try t.waitFor("• La présidente ouvre la séance. Bienvenue.")
        try t.keys("F9"); try t.waitFor("Point 2, commencé à 10")
        try t.keys("C-t"); try t.waitFor("Clôture à")
        try t.keys("C-u"); try t.type("11h00"); try t.keys("Enter")
        try t.waitFor("close à 11\(nb)h\(nb)00")
        try t.keys("F10")
        #expect(try t.exitCode() == 0)

        let md = try run([seanceBinary, "export", path, "--seance", "last", "--format", "md"])
        #expect(md.code == 0, "\(md.err)")
        #expect(md.out.contains("de 9\(nb)h\(nb)30 à 11\(nb)h\(nb)00"), "\(md.out)")
        #expect(md.out.contains("(depuis 9\(nb)h\(nb)50)"), "\(md.out)")
        #expect(md.out.contains("parti") && md.out.contains("à 10\(nb)h\(nb)30"), "\(md.out)")
        #expect(md.out.contains("durée effective\u{202F}: 30\(nb)min"), "\(md.out)")
        #expect(md.out.contains("durée effective\u{202F}: 1\(nb)h."), "\(md.out)")
        func starts(_ file: String) throws -> Int {
            try String(contentsOfFile: file, encoding: .utf8).components(separatedBy: "\tagenda.start\t").count - 1
        }
        #expect(try starts(path) - starts(demoJournal) == 2, "un début par point, pas à chaque F8/F9")
    }

    @Test("kill -9 while typing: the restart offers the draft back")
    func killWhileTyping() throws {
        let (dir, path) = try demoCopy()
        let t = try Terminal(["--journal", path], width: 100, height: 30, dir: dir)
        try t.waitFor("Comité de pilotage")
        try t.keys("Enter", "Tab", "Enter")
        try t.waitFor("Comité de pilotage n°4")
        try t.type("Le maire rappelle « l'urgence » du dossier")
        try t.waitFor("« l'urgence » du dossier")
        // Wait until the draft file holds the line (it is written within about a second).
        let draft = path + ".draft"
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            if let s = try? String(contentsOfFile: draft, encoding: .utf8), s.contains("du dossier") { break }
            usleep(50_000)
        }
        #expect(try String(contentsOfFile: draft, encoding: .utf8).contains("Le maire rappelle « l'urgence » du dossier"))
        let pid = try #require(try t.programPID())
        kill(pid, SIGKILL)
        _ = try t.exitCode()

        let again = try Terminal(["--journal", path], width: 100, height: 30, dir: dir)
        try again.waitFor("Reprendre le brouillon ?")
        try again.waitFor("« Le maire rappelle « l'urgence » du dossier »")
        try again.keys("o")
        try again.waitFor("› Le maire rappelle « l'urgence » du dossier")
        try again.keys("Enter"); try again.waitFor("Ouvrir la séance")
        try again.keys("Enter")
        try again.waitFor("• Le maire rappelle « l'urgence » du dossier")
        try again.keys("F10")
        #expect(try again.exitCode() == 0)
        #expect(!FileManager.default.fileExists(atPath: draft))
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("text=Le maire rappelle « l'urgence » du dossier"))
    }

    @Test("SIGTERM while typing saves the draft at once")
    func termWhileTyping() throws {
        let (dir, path) = try demoCopy()
        let t = try Terminal(["--journal", path], width: 100, height: 30, dir: dir)
        try t.waitFor("Comité de pilotage")
        try t.keys("Enter", "Tab", "Enter")
        try t.waitFor("Comité de pilotage n°4")
        try t.type("Dernier mot")
        try t.waitFor("› Dernier mot")
        let pid = try #require(try t.programPID())
        kill(pid, SIGTERM)
        #expect(try t.exitCode() == 143)
        #expect(try String(contentsOfFile: path + ".draft", encoding: .utf8).contains("Dernier mot"))
    }

    @Test("A paste of several thousand characters does not freeze the screen")
    func bigPaste() throws {
        let (dir, path) = try demoCopy()
        let t = try Terminal(["--journal", path], width: 100, height: 30, dir: dir)
        try t.waitFor("Comité de pilotage")
        try t.keys("Enter", "Tab", "Enter")
        try t.waitFor("Comité de pilotage n°4")
        let text = String(repeating: "Épicerie solidaire « Le Panier » ", count: 120) + "FIN"
        let start = Date()
        try t.type(text)
        try t.waitFor("FIN", timeout: 20)
        try t.keys("Enter"); try t.waitFor("Ouvrir la séance")
        try t.keys("Enter")
        try t.waitFor("Enregistré ✓")
        let elapsed = Date().timeIntervalSince(start)
        #expect(elapsed < 15, "collage de \(text.count) caractères en \(elapsed) s")
        try t.keys("F10")
        #expect(try t.exitCode() == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("FIN\n"))
    }
}
