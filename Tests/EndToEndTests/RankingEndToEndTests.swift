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
        try t.keys("c"); try t.waitFor("Hiérarchisation — Comité de pilotage n°4")
        try t.keys("2"); try t.waitFor("Méthode : critères pondérés")
        try t.keys("Enter"); try t.waitFor("Note :")
        try t.type("9"); try t.keys("F2"); try t.waitFor("Enregistré ✓")
        try t.keys("3"); try t.waitFor("Bulletins : 0 sur 14")
        for order in ["5 16 1", "16 5", "5 1"] {
            try t.keys("Enter"); try t.waitFor("Bulletin de")
            try t.type(order); try t.keys("F2"); try t.waitFor("Enregistré ✓")
            try t.keys("Down")
        }
        try t.waitFor("Bulletins : 3 sur 14")
        try t.keys("e"); try t.waitFor("Enveloppe budgétaire")
        try t.keys("C-u"); try t.type("600 000"); try t.keys("F2")
        try t.waitFor("enveloppe 600")
        try t.keys("a"); try t.waitFor("Adopter ce classement")
        try t.keys("o"); try t.waitFor("ADOPTÉ le")
        try t.keys("v"); try t.waitFor("Classement des fiches actions")
        try t.keys("Escape", "Escape"); try t.waitFor("Séances (4)")
        try t.keys("F10")
        #expect(try t.exitCode() == 0)
        let journal = try String(contentsOfFile: path, encoding: .utf8)
        #expect(journal.contains("\tranking.open\t"))
        #expect(journal.contains("\tranking.score\t"))
        #expect(journal.contains("\tranking.ballot\t"))
        #expect(journal.contains("\tranking.envelope\t") && journal.contains("amount=600000.00"))
        #expect(journal.contains("\tranking.adopt\t"))
        #expect(journal.contains("text=Classement des fiches actions adopté (Schulze"))
        #expect(try run([seanceBinary, "check", path]).code == 0)
        let md = try run([seanceBinary, "export", path, "--seance", "sea-copil-4", "--format", "md"])
        #expect(md.out.contains("Classement adopté"))
        let id = journal.split(separator: "\n").first { $0.contains("\tranking.adopt\t") }!.split(separator: "\t")[4]
        let csv = try run([seanceBinary, "export", path, "--ranking", String(id), "--format", "csv"])
        #expect(csv.code == 0)
        #expect(csv.out.hasPrefix("rang;identifiant;titre"))
    }
}
