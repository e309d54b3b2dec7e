import Foundation
import Testing

@Suite("Ranking the fiches actions in a real terminal (tmux)", .serialized)
struct RankingEndToEndTests {
    @Test("Open the COPIL's ranking, score by criteria, switch to ballots, set the envelope, adopt; the journal has it")
    func rankAndAdopt() throws {
        let (dir, path) = try demoCopy()
        let t = try Terminal(["--journal", path], width: 120, height: 36, dir: dir)
        try t.waitFor("Comité de pilotage")
        try t.keys("Enter"); try t.waitFor("Membres (17")
        // Ballots are taken only from members present or represented: three arrive first.
        try t.keys("Tab", "Enter"); try t.waitFor("Comité de pilotage n°4")
        try t.keys("F4"); try t.waitFor("p Présent")
        try t.keys("p", "p", "p"); try t.waitFor("Votants présents : 3 sur 14")
        try t.keys("Escape"); try t.waitFor("F4 Présences")
        try t.keys("C-o"); try t.waitFor("Hiérarchisation — Comité de pilotage n°4")
        try t.keys("2"); try t.waitFor("Méthode : critères pondérés")
        // The grid is a spreadsheet: the score is typed in its cell, Entrée writes it.
        try t.type("9"); try t.waitFor("9▏")
        try t.keys("Enter"); try t.waitFor("Enregistré ✓")
        try t.waitFor("Ordre figé")
        try t.keys("Tab"); try t.waitFor("Bulletins : 0 sur 14")
        // After each ballot the selection passes to the next member.
        for order in ["5 16 1", "16 5", "5 1"] {
            try t.keys("Enter"); try t.waitFor("Bulletin de")
            try t.type(order); try t.keys("F2"); try t.waitFor("Enregistré ✓")
        }
        try t.waitFor("Bulletins : 3 sur 14")
        try t.keys("e"); try t.waitFor("Enveloppe budgétaire")
        try t.keys("C-u"); try t.type("600 000"); try t.keys("F2")
        try t.waitFor("enveloppe 600")
        // 3 voters of 14: no quorum; the adoption is confirmed « sans quorum », as a vote would be.
        try t.keys("a"); try t.waitFor("Adopter quand même, sans quorum ?")
        try t.keys("o"); try t.waitFor("ADOPTÉ le")
        try t.keys("v"); try t.waitFor("Classement des fiches actions")
        // Back through the séance (the ranking was opened from it) to the committee.
        try t.keys("Escape", "Escape"); try t.waitFor("F4 Présences")
        try t.keys("Escape"); try t.waitFor("Séances (4)")
        try t.keys("F10")
        #expect(try t.exitCode() == 0)
        let journal = try String(contentsOfFile: path, encoding: .utf8)
        #expect(journal.contains("\tranking.open\t"))
        #expect(journal.contains("\tranking.score\t"))
        #expect(journal.contains("\tranking.ballot\t"))
        #expect(journal.contains("\tranking.envelope\t") && journal.contains("amount=600000.00"))
        #expect(journal.contains("\tranking.adopt\t"))
        #expect(journal.contains("text=Classement des fiches actions adopté (Schulze"))
        #expect(journal.contains("Fiches retenues dans l'enveloppe de 600"))
        #expect(journal.contains("status=non_retenue"))
        #expect(try run([seanceBinary, "check", path]).code == 0)
        let md = try run([seanceBinary, "export", path, "--seance", "sea-copil-4", "--format", "md"])
        #expect(md.out.contains("Classement adopté"))
        let id = journal.split(separator: "\n").first { $0.contains("\tranking.adopt\t") }!.split(separator: "\t")[4]
        let csv = try run([seanceBinary, "export", path, "--ranking", String(id), "--format", "csv"])
        #expect(csv.code == 0)
        #expect(csv.out.hasPrefix("rang;identifiant;titre"))
    }

    @Test("The December COPIL: reopen it, take up its adopted ranking again by criteria and ballots under an envelope, adopt, close")
    func decemberCOPIL() throws {
        let (dir, path) = try demoCopy()
        let t = try Terminal(["--journal", path], width: 120, height: 36, dir: dir)
        try t.waitFor("Comité de pilotage")
        try t.keys("Enter"); try t.waitFor("Membres (17")
        try t.keys("Tab", "Down", "Enter"); try t.waitFor("Comité de pilotage n°3")
        try t.keys("C-r"); try t.waitFor("Rouvrir cette séance")
        try t.keys("o"); try t.waitFor("en cours")
        try t.keys("C-o"); try t.waitFor("ADOPTÉ le 17/12/2009")
        try t.keys("n"); try t.waitFor("Enregistré ✓")
        try t.waitFor("Méthode : critères pondérés")
        try t.keys("Enter"); try t.waitFor("Note :")
        try t.type("10"); try t.keys("F2"); try t.waitFor("Enregistré ✓")
        try t.keys("Tab"); try t.waitFor("Bulletins : 0 sur 14")
        try t.keys("Enter"); try t.waitFor("Bulletin de")
        try t.type("17 5 1"); try t.keys("F2"); try t.waitFor("Bulletins : 1 sur 14")
        try t.keys("e"); try t.waitFor("Enveloppe budgétaire")
        try t.keys("C-u"); try t.type("1 000 000"); try t.keys("F2"); try t.waitFor("enveloppe 1")
        try t.keys("a"); try t.waitFor("Adopter ce classement")
        try t.keys("o"); try t.waitFor("ADOPTÉ le")
        try t.keys("Escape"); try t.waitFor("Ordre du jour")
        try t.keys("C-t"); try t.waitFor("Clôture à")
        try t.keys("Enter"); try t.waitFor("lecture seule · Ctrl+R rouvre")
        try t.keys("F10")
        #expect(try t.exitCode() == 0)
        let journal = try String(contentsOfFile: path, encoding: .utf8)
        let adoptions = journal.split(separator: "\n").filter { $0.contains("\tranking.adopt\t") }
        #expect(adoptions.count == 2)
        #expect(journal.contains("\tseance.reopen\tsea-copil-3\t"))
        let decisions = try run([seanceBinary, "export", path, "--what", "decisions", "--seance", "sea-copil-3", "--format", "txt"])
        #expect(decisions.out.components(separatedBy: "Classement des fiches actions adopté").count == 3)
        #expect(try run([seanceBinary, "check", path]).code == 0)
    }
}
