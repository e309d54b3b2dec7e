import Testing
@testable import SeanceModel
@testable import SeanceTUI

@Suite("The import screen: a spreadsheet previewed, its columns fixed, imported in one batch")
struct ImportScreenTests {
    /// A French Excel CSV in Windows-1252: « Service » is not a known header, so it starts ignored.
    static let csv: [UInt8] = {
        let text = "Nom;Prénom;Service;Courriel;Comité(s)\r\n"
            + "Lœuillet;Élodie;CCAS;e.loeuillet@ccas.fr;Comité de pilotage\r\n"
            + "Roux;Rémi;Mission locale;r.roux@ml.fr;Comité de pilotage\r\n"
        return text.unicodeScalars.map { $0 == "œ" ? 0x9C : UInt8($0.value) }
    }()

    func screen(_ h: Harness) -> String {
        App.view(h.app, h.ctx, width: 100, height: 30).trimmedLines.joined(separator: "\n")
    }

    var importState: (Harness) -> ImportState? = { h in
        if case .importPreview(let i) = h.app.top { return i }
        return nil
    }

    /// From the dashboard: i, the file's path, Entrée through the form's fields.
    func open(_ path: String, files: [String: [UInt8]]) -> Harness {
        var h = Harness()
        h.files = files
        h.press([.char("i")])
        #expect(h.form?.purpose == .importFile)
        h.type(path)
        h.press([.enter, .enter, .enter])
        return h
    }

    @Test("The preview, a column's meaning changed, one batch committed, the counts")
    func importPreviewAndCommit() throws {
        var h = open("/tmp/partenaires.csv", files: ["/tmp/partenaires.csv": Self.csv])
        let first = try #require(importState(h))
        #expect(first.plan.problems.isEmpty)
        var text = screen(h)
        #expect(text.contains("Import des membres — /tmp/partenaires.csv"))
        #expect(text.contains("Lu : CSV, Windows-1252, séparateur « ; » ; en-tête ligne 1, 2 ligne(s) de données."))
        #expect(text.contains("A  Nom") && text.contains("→ Nom"))
        #expect(text.contains("C  Service") && text.contains("→ (ignorée)"))
        #expect(text.contains("Lœuillet | Élodie | CCAS | e.loeuillet@ccas.fr | Comité de pilotage"))
        #expect(text.contains("Si vous importez : 2 membres créés, 0 membre mis à jour, 0 membre inchangé."))
        #expect(h.batches.isEmpty)

        // Column C means Organisme: ↓ ↓ to it, → until Organisme (after « ignorée »: the fields in order).
        h.press([.down, .down])
        let steps = ImportField.fields(.members).firstIndex(of: .organisation)! + 1
        h.press(Array(repeating: .right, count: steps))
        let fixed = try #require(importState(h))
        #expect(fixed.plan.columns[2].field == .organisation && fixed.plan.columns[2].byHand)
        text = screen(h)
        #expect(text.contains("→ Organisme (choisi)"))
        #expect(h.batches.isEmpty, "changing a meaning writes nothing")

        h.press([.enter])
        #expect(h.batches.count == 1, "the whole import is one batch")
        #expect(h.batches.first?.count == fixed.plan.drafts.count)
        let added = h.domain.members.values.filter { $0.email == "e.loeuillet@ccas.fr" }
        #expect(added.count == 1 && added.first?.organisation == "CCAS" && added.first?.committee == "com-copil")
        text = screen(h)
        #expect(text.contains("Importé : 2 membres créés, 0 membre mis à jour, 0 membre inchangé."))
        #expect(h.app.status?.text.hasPrefix("Importé ✓ : 2 membres créés") == true)

        // Entrée again leaves; the same file again changes nothing and writes nothing.
        h.press([.enter])
        #expect(h.app.top.kind == .dashboard)
        h.press([.char("i")]); h.type("/tmp/partenaires.csv"); h.press([.enter, .enter, .enter])
        h.press([.down, .down] + Array(repeating: .right, count: steps))
        #expect(screen(h).contains("Si vous importez : 0 membre créé, 0 membre mis à jour, 2 membres inchangés."))
        h.press([.enter])
        #expect(h.batches.count == 1)
        #expect(screen(h).contains("Importé : 0 membre créé, 0 membre mis à jour, 2 membres inchangés."))
    }

    @Test("Problems are shown as FICHIER:LIGNE:COLONNE and Entrée writes nothing; Échap leaves; a missing file stays in the form")
    func importRefused() throws {
        let bad = Array("Nom;Courriel;Comité\nDUPONT;sans-arobase;Comité de pilotage\n".utf8)
        var h = open("/tmp/casse.csv", files: ["/tmp/casse.csv": bad])
        #expect(importState(h) != nil)
        #expect(screen(h).contains("/tmp/casse.csv:2:2: adresse électronique sans @"))
        h.press([.enter])
        #expect(h.batches.isEmpty)
        #expect(h.app.status?.text.contains("Import refusé : 1 problème") == true)
        h.press([.escape])
        #expect(h.app.top.kind == .dashboard)
        #expect(h.app.status?.text == "Import abandonné : rien n'est écrit.")

        var missing = open("/tmp/absent.csv", files: [:])
        #expect(missing.form?.purpose == .importFile)
        #expect(missing.form?.error?.contains("Fichier introuvable") == true, "\(missing.form?.error ?? "")")
        missing.press([.escape, .char("o")])
        #expect(missing.app.top.kind == .dashboard)
    }
}
