import Foundation
import Testing

/// A person on two committees, in the real program (issue 14).
@Suite("A person on several committees, in a real terminal (tmux)", .serialized)
struct PersonEndToEndTests {
    @Test("The secretary adds a CT1 member to the COPIL, edits her e-mail there and sees it on the CT1")
    func personOnTwoCommittees() throws {
        let (dir, journal) = try demoCopy()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let t = try Terminal(["--journal", journal], width: 120, height: 40, dir: dir)
        try t.waitFor("Comité de pilotage")
        try t.keys("Enter")
        try t.waitFor("Membres (17, dont 14 votants)")
        try t.waitFor("Autre comité")
        try t.keys("p")
        try t.waitFor("Ajouter une personne d'un autre comité")
        try t.type("cros nadine")
        try t.waitFor("CROS Nadine (Conseil général du Cantal")
        try t.keys("Enter")
        try t.waitFor("CROS Nadine au Comité de pilotage")
        try t.keys("F2")
        try t.waitFor("Enregistré ✓")
        try t.waitFor("Membres (18")
        try t.waitFor("Siège aussi au")
        // Her seat here: the last of the list. Her e-mail, typed once.
        try t.keys("End")
        try t.waitFor("›CROS Nadine")
        try t.keys("e")
        try t.waitFor("Modifier le membre")
        try t.waitFor("changé aussi au Comité technique")
        try t.keys("Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "C-u")
        try t.type("n.cros@cg15.fr")
        try t.keys("F2")
        try t.waitFor("Enregistré ✓")
        // On the CT1, the same person, the same e-mail.
        try t.keys("Escape")
        try t.waitFor("Votants")
        try t.keys("Down", "Enter")
        try t.waitFor("Aide sociale")
        try t.keys("Down", "Down")
        try t.waitFor("›CROS Nadine")
        try t.waitFor("Comité de pilotage")   // « Siège aussi au »
        try t.keys("e")
        try t.waitFor("Modifier le membre")
        try t.waitFor("n.cros@cg15.fr")
        try t.keys("Escape")
        try t.waitFor("›CROS Nadine")
        try t.keys("F10")
        #expect(try t.exitCode() == 0)

        let text = try String(contentsOfFile: journal, encoding: .utf8)
        #expect(text.contains("\tmember.add\tmem-"))
        #expect(text.contains("committee=com-copil\tname=CROS Nadine\tperson=mem-ct1-03"))
        #expect(text.contains("\tmember.edit\tmem-") && text.contains("email=n.cros@cg15.fr"))
        let check = try run([seanceBinary, "check", journal])
        #expect(check.code == 0, "\(check.out)")
        #expect(check.out.contains("membres : 64   personnes : 63"), "\(check.out)")
    }
}
