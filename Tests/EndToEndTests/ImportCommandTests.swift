import Foundation
import Testing

@Suite("seance import and the spreadsheet exports, as the binary runs them")
struct ImportCommandTests {
    @Test("A French Excel CSV is imported in one batch; again, nothing changes; a broken file writes nothing")
    func importCSV() throws {
        let (dir, journal) = try demoCopy()
        // « CSV (séparateur : point-virgule) » of a French Excel: Windows-1252, CR LF.
        let text = "Civilité;Nom;Prénom;Organisme;Fonction;Courriel;Comité(s)\r\n"
            + "Mme;Lœuillet;Élodie;CCAS;Directrice;e.loeuillet@ccas.fr;Comité de pilotage\r\n"
            + "M.;Roux;Rémi;Mission locale;Conseiller;r.roux@ml.fr;Comité de pilotage\r\n"
        let cp = text.unicodeScalars.map { u -> UInt8 in u == "œ" ? 0x9C : UInt8(u.value) }
        let csv = dir + "/partenaires.csv"
        FileManager.default.createFile(atPath: csv, contents: Data(cp))
        let dry = try run([seanceBinary, "import", journal, csv, "--what", "membres", "--dry-run"])
        #expect(dry.code == 0, "\(dry.err)")
        #expect(dry.out.contains("Lu : CSV, Windows-1252, séparateur « ; »"))
        #expect(dry.out.contains("Courriel") && dry.out.contains("→ Courriel"))
        let before = try Data(contentsOf: URL(fileURLWithPath: journal))
        let first = try run([seanceBinary, "import", journal, csv, "--what", "membres"])
        #expect(first.code == 0, "\(first.err)")
        #expect(first.err.contains("importé : 2 membres créés"))
        let second = try run([seanceBinary, "import", journal, csv, "--what", "membres"])
        #expect(second.err.contains("rien à changer : 0 membre créé, 0 membre mis à jour, 2 membres inchangés"), "\(second.err)")
        #expect(try run([seanceBinary, "check", journal]).code == 0)
        let after = try Data(contentsOf: URL(fileURLWithPath: journal))
        #expect(after.count > before.count)

        let bad = dir + "/casse.csv"
        FileManager.default.createFile(atPath: bad, contents: Data("Nom;Courriel\nDUPONT;sans-arobase\nMARTIN;m@x.fr\n".utf8))
        let r = try run([seanceBinary, "import", journal, bad, "--what", "membres", "--comite", "com-copil"])
        #expect(r.code == 1)
        #expect(r.err.contains("\(bad):2:2: adresse électronique sans @"), "\(r.err)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: journal)) == after)
    }

    @Test("The lists export as CSV, ODS and XLSX, and the old exports still work")
    func exports() throws {
        let (dir, journal) = try demoCopy()
        for what in ["membres", "suivi", "participation", "fiches"] {
            for format in ["csv", "ods", "xlsx"] {
                let out = dir + "/\(what).\(format)"
                let r = try run([seanceBinary, "export", journal, "--what", what, "--format", format, "-o", out])
                #expect(r.code == 0, "\(what) \(format): \(r.err)")
                #expect(FileManager.default.fileExists(atPath: out))
            }
        }
        #expect(try run([seanceBinary, "export", journal, "--what", "decisions", "--seance", "last", "--format", "csv"]).code == 0)
        #expect(try run([seanceBinary, "export", journal, "--what", "membres", "--format", "pdf"]).code == 64)
    }
}
