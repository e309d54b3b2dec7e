import Foundation
import Testing

@Suite("The import screen, end to end", .serialized)
struct ImportScreenEndToEndTests {
    @Test("From the dashboard: i, a Windows-1252 CSV previewed, a column's meaning fixed, imported in one batch into the journal")
    func importFromDashboard() throws {
        let (dir, path) = try demoCopy()
        // « CSV (séparateur : point-virgule) » of a French Excel, written by Python in cp1252.
        let csv = dir + "/partenaires.csv"
        let py = try run(["python3", "-c", """
            import sys
            text = 'Civilité;Nom;Prénom;Service;Courriel;Comité(s)\\r\\n' \\
                'Mme;Lœuillet;Élodie;CCAS;e.loeuillet@ccas.fr;Comité de pilotage\\r\\n' \\
                'M.;Roux;Rémi;Mission locale;r.roux@ml.fr;Comité de pilotage\\r\\n'
            open(sys.argv[1], 'wb').write(text.encode('cp1252'))
            """, csv])
        #expect(py.code == 0, "\(py.err)")
        let before = try String(contentsOfFile: path, encoding: .utf8)

        let t = try Terminal(["--journal", path], width: 100, height: 30, dir: dir)
        try t.waitFor("Comité de pilotage")
        try t.keys("i"); try t.waitFor("Importer un tableur")
        try t.type(csv)
        try t.keys("F2")
        try t.waitFor("Lu : CSV, Windows-1252, séparateur « ; »")
        let preview = try t.waitFor("Si vous importez : 2 membres créés")
        #expect(preview.contains("D  Service   → (ignorée)"), "\(preview)")
        #expect(preview.contains("Mme | Lœuillet | Élodie | CCAS"), "\(preview)")
        // Column D (Service) means Organisme: three rows down, then ← from « ignorée »
        // goes backwards through the fields: Rôle, Droit de vote, Comité(s), Téléphone, Courriel, Fonction, Organisme.
        try t.keys("Down", "Down", "Down")
        for _ in 0..<7 { try t.keys("Left") }
        try t.waitFor("D  Service   → Organisme (choisi)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == before, "nothing is written before Entrée")
        try t.keys("Enter")
        try t.waitFor("Importé : 2 membres créés, 0 membre mis à jour, 0 membre inchangé.")
        try t.keys("Enter"); try t.waitFor("i Importer")   // the dashboard's bar
        try t.keys("F10")
        #expect(try t.exitCode() == 0)

        let after = try String(contentsOfFile: path, encoding: .utf8)
        #expect(after.hasPrefix(before))
        let added = after.dropFirst(before.count).split(separator: "\n")
        #expect(added.count == 2, "one batch of two member.add: \(added)")
        #expect(added.allSatisfy { $0.contains("\tmember.add\t") && $0.contains("committee=com-copil") })
        #expect(added.contains { $0.contains("name=LŒUILLET Élodie") && $0.contains("organisation=CCAS") && $0.contains("email=e.loeuillet@ccas.fr") })
        #expect(added.contains { $0.contains("name=ROUX Rémi") && $0.contains("organisation=Mission locale") })
        #expect(try run([seanceBinary, "check", path]).code == 0)
    }
}
