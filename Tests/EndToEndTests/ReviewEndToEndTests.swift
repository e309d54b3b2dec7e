import Foundation
import Testing

@Suite("Review and documents, end to end", .serialized)
struct ReviewEndToEndTests {
    @Test("History, search « epicerie », jump to the result, export the séance as ODT")
    func historySearchExport() throws {
        let (dir, path) = try demoCopy()
        let t = try Terminal(["--journal", path], width: 120, height: 36, dir: dir)
        try t.waitFor("Comité de pilotage")
        try t.keys("h"); try t.waitFor("Historique des séances")
        try t.waitFor("Comité de pilotage n°4")
        // Escape and the next key in one write are Alt+key (as a terminal sends it): wait between.
        try t.keys("Escape"); try t.waitFor("Suites à donner ouvertes")
        try t.keys("/"); try t.waitFor("Rechercher :")
        try t.type("epicerie")
        try t.waitFor("résultats")
        try t.waitFor("Épicerie")
        try t.keys("Enter")
        try t.waitFor("Ordre du jour")
        try t.keys("C-p"); try t.waitFor("Exporter un document de la séance")
        try t.keys("F2"); try t.waitFor("Écrit :")
        // The same form makes the convocation as an e-mail ready to send.
        try t.keys("C-p"); try t.waitFor("Exporter un document de la séance")
        try t.keys("Tab", "Right", "Right", "Right"); try t.waitFor("convocation en e-mail (.eml")
        try t.keys("F2"); try t.waitFor(".eml")
        try t.keys("F10")
        #expect(try t.exitCode() == 0)
        let odts = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".odt") }
        #expect(odts.count == 1)
        let text = try run(["odt2txt", dir + "/" + odts[0]])
        #expect(text.code == 0)
        #expect(text.out.contains("Compte rendu"))
        let emls = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".eml") }
        #expect(emls.count == 1)
        let check = try run(["python3", "-c", """
            import email, sys
            from email import policy
            m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=policy.default)
            kinds = sorted(p.get_content_type() for p in m.iter_attachments())
            print(len(m['To'].addresses), kinds)
            """, dir + "/" + emls[0]])
        #expect(check.code == 0, "\(check.err)")
        #expect(check.out.contains("application/pdf") && check.out.contains("text/calendar"), "\(check.out)")
    }

    @Test("seance export on the command line: each format, the relevé, CSV, ICS, and the errors")
    func exportCommand() throws {
        let md = try run([seanceBinary, "export", demoJournal, "--seance", "sea-copil-3", "--format", "md"])
        #expect(md.code == 0, "\(md.err)")
        #expect(md.out.contains("Comité de pilotage n°\u{00A0}3"))
        let txt = try run([seanceBinary, "export", demoJournal, "--seance", "last", "--format", "txt"])
        #expect(txt.out.split(separator: "\n").allSatisfy { $0.count <= 72 })
        let releve = try run([seanceBinary, "export", demoJournal, "--what", "decisions", "--from", "2009-09-01", "--to", "2009-12-31", "--format", "md"])
        #expect(releve.code == 0 && releve.out.contains("Relevé"))
        let csv = try run([seanceBinary, "export", demoJournal, "--what", "decisions", "--format", "csv"])
        #expect(csv.out.hasPrefix("COLL_NOM;"))
        let ics = try run([seanceBinary, "export", demoJournal, "--format", "ics"])
        #expect(ics.out.contains("BEGIN:VEVENT"))
        let (dir, _) = try demoCopy()
        let out = dir + "/cr.odt"
        let odt = try run([seanceBinary, "export", demoJournal, "--seance", "sea-copil-3", "--format", "odt", "-o", out])
        #expect(odt.code == 0)
        #expect(try run(["odt2txt", out]).out.contains("Relevé des décisions"))
        for what in ["minutes", "decisions"] {
            let pdf = dir + "/\(what).pdf"
            let r = try run([seanceBinary, "export", demoJournal, "--what", what, "--seance", "last", "--format", "pdf", "-o", pdf])
            #expect(r.code == 0, "\(r.err)")
            #expect(r.out.isEmpty)
            let info = try run(["pdfinfo", pdf])
            #expect(info.code == 0 && info.out.contains("(A4)"), "\(info.err)")
        }
        let unknown = try run([seanceBinary, "export", demoJournal, "--seance", "sea-nulle", "--format", "md"])
        #expect(unknown.code == 1)
        let badFormat = try run([seanceBinary, "export", demoJournal, "--seance", "last", "--format", "docx"])
        #expect(badFormat.code == 64)
    }
}
