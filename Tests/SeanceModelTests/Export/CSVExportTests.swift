import Foundation
import Testing
@testable import SeanceModel

@Suite("Exports: decisions as SCDL CSV")
struct CSVExportTests {
    let st = ExportFixture.demo

    /// Reads a CSV with Python's csv module (`;`), prints the header then each row, fields
    /// joined by « ¦ » and line breaks inside a field shown as ⏎.
    static let reader = """
        import sys, csv
        with open(sys.argv[1], newline="", encoding="utf-8") as f:
            for row in csv.reader(f, delimiter=";"):
                print("¦".join(x.replace("\\n", "⏎") for x in row))
        """

    func rows(_ text: String) -> (status: Int32, rows: [[String]], errors: String) {
        let f = ExportTempFile("d.csv", Array(text.utf8))
        let r = ExternalTool.python(Self.reader, f.path)
        return (r.status, r.output.split(separator: "\n").map { $0.split(separator: "¦", omittingEmptySubsequences: false).map(String.init) }, r.errors)
    }

    @Test("Python's csv module reads the header and the decisions of the séance",
          .enabled(if: ExternalTool.enabled("python3")))
    func readBack() throws {
        let text = try #require(try Export.decisionsCSV(st, .meeting(ExportFixture.copil3)).text)
        let r = rows(text)
        #expect(r.status == 0, "\(r.errors)")
        #expect(r.rows.first == SCDLDeliberations.columns)
        #expect(r.rows.count == 12)   // header + 11 decisions, the adopted ranking among them
        let row = try #require(r.rows.first { $0.count > 2 && $0[2] == "dec-copil-3-3" })
        let named = Dictionary(uniqueKeysWithValues: zip(SCDLDeliberations.columns, row))
        #expect(named["COLL_NOM"] == "Contrat de cohésion sociale de Saint-Flour 2010–2012")
        #expect(named["DELIB_DATE"] == "2009-12-17")
        #expect(named["DELIB_OBJET"] == "La fiche « création d'un centre social municipal » est validée, rang 2.")
        #expect(named["VOTE_EFFECTIF"] == "14")
        #expect(named["VOTE_REEL"] == "12")
        #expect(named["VOTE_POUR"] == "11")
        #expect(named["VOTE_CONTRE"] == "0")
        #expect(named["VOTE_ABSTENTION"] == "1")
        // Unanimity without counts: everyone present voted for.
        let unanimous = try #require(r.rows.first { $0.count > 2 && $0[2] == "dec-copil-3-1" })
        #expect(Array(unanimous[12...15]) == ["12", "12", "0", "0"])
    }

    @Test("Quotes, semicolons, line breaks and formulas are written so that a reader gets the text back",
          .enabled(if: ExternalTool.enabled("python3")))
    func quoting() throws {
        var s = st
        var d = s.decisions["dec-copil-3-1"]!
        d.text = "Texte « cité » ; avec \"guillemets\",\nsur deux lignes"
        s.decisions[d.id] = d
        var e = s.decisions["dec-copil-3-2"]!
        e.text = "=SOMME(A1:A3)"
        s.decisions[e.id] = e
        let text = try #require(try Export.decisionsCSV(s, .meeting(ExportFixture.copil3), options: SCDLOptions(siret: "21150187600017")).text)
        #expect(text.contains(";\"Texte « cité » ; avec \"\"guillemets\"\", sur deux lignes\";"))
        let r = rows(text)
        #expect(r.status == 0, "\(r.errors)")
        #expect(r.rows.allSatisfy { $0.count == 17 })
        #expect(r.rows[1][6] == "Texte « cité » ; avec \"guillemets\", sur deux lignes")
        #expect(r.rows[1][1] == "21150187600017")
        #expect(r.rows.first { $0.count > 2 && $0[2] == "dec-copil-3-2" }?[6] == "'=SOMME(A1:A3)")
    }

    @Test("Lines end in CR LF; a period holds every decision of its séances, in date order")
    func period() throws {
        let scope = DecisionScope.period(from: LocalDate(year: 2009, month: 1, day: 1), to: LocalDate(year: 2009, month: 12, day: 31))
        let text = try #require(try Export.decisionsCSV(st, scope).text)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.last == "")
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let expected = st.decisions.values.filter { st.meetings[$0.meeting]!.date.year == 2009 }.count
        #expect(lines.count - 2 == expected)
        let dates = lines.dropFirst().dropLast().map { $0.split(separator: ";", omittingEmptySubsequences: false)[3] }
        #expect(dates == dates.sorted())
    }

    @Test("Amounts take a decimal comma")
    func money() {
        #expect(CSVWriter.number(Money(cents: 2_850_000)) == "28500,00")
        #expect(CSVWriter.number(Money(cents: -5)) == "-0,05")
    }
}
