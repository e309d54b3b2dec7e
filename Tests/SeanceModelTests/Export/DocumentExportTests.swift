import Foundation
import Testing
@testable import SeanceModel

@Suite("Exports: content of the documents")
struct DocumentExportTests {
    let st = ExportFixture.demo
    let options = ExportFixture.options

    func text(_ id: String = ExportFixture.copil3, _ format: DocumentFormat = .md, _ o: ExportOptions? = nil) throws -> String {
        try #require(try Export.minutes(st, meeting: id, format: format, options: o ?? options).text)
    }

    @Test("The compte rendu has the usual sections, in order")
    func order() throws {
        let md = try text()
        let headings = ["# Compte rendu de séance", "## Présences", "## Ordre du jour", "## Déroulement de la séance",
                        "### Point 1 –", "### Point 6 –", "## Relevé des décisions", "## Suites à donner", "## Prochaine séance"]
        var at = md.startIndex
        for h in headings {
            let r = try #require(md.range(of: h, range: at..<md.endIndex), "« \(h) » manque ou n'est pas à sa place")
            at = r.upperBound
        }
        #expect(!md.contains("Classement adopté"))
    }

    @Test("Plain text lines are at most 72 columns", arguments: [ExportFixture.copil3, "sea-copil-4", "sea-ct1-01"])
    func width(_ id: String) throws {
        var docs = [try text(id, .txt), try #require(try Export.decisions(st, .meeting(id), format: .txt, options: options).text)]
        docs.append(try #require(try Export.decisions(st, .period(from: nil, to: nil), format: .txt, options: options).text))
        for doc in docs {
            for line in doc.split(separator: "\n", omittingEmptySubsequences: false) {
                #expect(line.count <= 72, "\(line.count) colonnes : \(line)")
                #expect(!line.hasSuffix(" "))
            }
        }
    }

    @Test("Wrapping cuts a word only when it is longer than the line, and keeps French punctuation with its word")
    func wrapping() {
        let long = String(repeating: "x", count: 30)
        #expect(PlainTextRenderer.wrapLine("abc \(long) de", width: 20, restWidth: 20) == ["abc", String(repeating: "x", count: 20), String(repeating: "x", count: 10) + " de"])
        #expect(PlainTextRenderer.wrapLine("un deux trois : quatre", width: 14, restWidth: 14) == ["un deux", "trois : quatre"])
        #expect(PlainTextRenderer.wrapLine("coût de 28 500 € net", width: 12, restWidth: 12) == ["coût de", "28 500 € net"])
        #expect(PlainTextRenderer.wrap("a\nb c", width: 3, first: "- ", rest: "  ") == ["- a", "  b", "  c"])
        #expect(PlainTextRenderer.wrapLine("中文字符中文字符", width: 6, restWidth: 6) == ["中文字", "符中文", "字符"])
    }

    @Test("A table whose words cannot fit in columns becomes one paragraph per row")
    func narrowTable() {
        let t = DocTable(header: ["Nom", "Organisation", "Présence"],
                         rows: [["DUPONT Jean", "Établissement-intercommunal", "présent"]], weights: [1, 1, 1])
        #expect(PlainTextRenderer.table(t, width: 40) == ["- DUPONT Jean", "  – Établissement-intercommunal", "  – présent"])
        #expect(PlainTextRenderer.table(t, width: 72) == [
            "Nom          Organisation                 Présence",
            "-----------  ---------------------------  --------",
            "DUPONT Jean  Établissement-intercommunal  présent",
        ])
    }

    @Test("Markdown escapes what would become markup")
    func markdownEscape() {
        #expect(MarkdownRenderer.escape("1. Épicerie *bio* [lien]") == "1\\. Épicerie \\*bio\\* \\[lien\\]")
        #expect(MarkdownRenderer.escape("# titre\n- tiret\n> cité") == "\\# titre\n\\- tiret\n\\> cité")
        #expect(MarkdownRenderer.escape("2009-12-17 – 12 pour") == "2009-12-17 – 12 pour")
    }

    @Test("A note typed with the speaker's completion is not labelled twice")
    func speakerOnce() throws {
        var s = st
        var n = s.notes["note-copil-3-02"]!
        n.text = "MOURGUES Valérie – rapporteur (CAF du Cantal – rapporteur du comité technique n°1) : Déjà étiquetée."
        s.notes[n.id] = n
        let md = try #require(try Export.minutes(s, meeting: ExportFixture.copil3, format: .md, options: options).text)
        #expect(FrenchTypography.plain(md).contains("**Mme MOURGUES Valérie – rapporteure (CAF du Cantal – rapporteur du comité technique n° 1) :** Déjà étiquetée."))
    }

    @Test("An override of the votes' outcome is stated; a séance to come has no quorum and says so")
    func overrideAndPlanned() throws {
        var s = st
        var d = s.decisions["dec-copil-3-9"]!
        d.computedOutcome = .rejete
        s.decisions[d.id] = d
        let md = try #require(try Export.minutes(s, meeting: ExportFixture.copil3, format: .md, options: options).text)
        #expect(FrenchTypography.plain(md).contains("Résultat des votes : rejeté ; résultat retenu par la séance : amendé."))

        let planned = try text("sea-copil-4")
        #expect(planned.contains("**État\u{202F}:** séance à venir (document préparatoire)"))
        #expect(!planned.contains("Quorum"))
        #expect(planned.contains("| non renseigné |") || planned.contains("| excusé(e) |"))
        #expect(planned.contains("Aucune décision n'a été prise."))
    }

    @Test("The adopted ranking is rendered when the caller gives it")
    func ranking() throws {
        let r = AdoptedRanking(criteria: "Pondération : social 40 %, économique 30 %, écologique 30 %.",
                               entries: [.init(rank: 1, title: "Épicerie sociale et solidaire", score: "8,6", cost: Money(euros: 93_000)),
                                         .init(rank: 2, title: "Centre social municipal", score: "8,1", cost: Money(euros: 420_000))],
                               envelope: Money(euros: 1_750_000))
        var o = options
        o.ranking = r
        let md = try text(ExportFixture.copil3, .md, o)
        #expect(md.contains("## Classement adopté"))
        #expect(md.contains("| 1 | Épicerie sociale et solidaire | 8,6 | 93\u{202F}000,00\u{00A0}€ |"))
        #expect(md.range(of: "## Classement adopté")!.lowerBound < md.range(of: "## Prochaine séance")!.lowerBound)
        let txt = try text(ExportFixture.copil3, .txt, o)
        #expect(txt.contains("CLASSEMENT ADOPTÉ"))
        // Under an envelope the table says which fiches are retenues, and totals those.
        o.ranking = AdoptedRanking(criteria: "Méthode : Schulze, 6 bulletins ; enveloppe de 300\u{202F}000,00\u{00A0}€ ; 1 fiche retenue (dans l'ordre du classement).",
                                   entries: [.init(rank: 1, title: "Épicerie sociale et solidaire", cost: Money(euros: 93_000), retained: true),
                                             .init(rank: 2, title: "Centre social municipal", cost: Money(euros: 420_000), retained: false)],
                                   envelope: Money(euros: 300_000))
        let kept = try text(ExportFixture.copil3, .md, o)
        #expect(kept.contains("| Rang | Fiche action | Coût | Retenue |"))
        #expect(kept.contains("| 1 | Épicerie sociale et solidaire | 93\u{202F}000,00\u{00A0}€ | retenue |"))
        #expect(kept.contains("| 2 | Centre social municipal | 420\u{202F}000,00\u{00A0}€ | non retenue |"))
        #expect(kept.contains("Total des fiches retenues\u{202F}: 93\u{202F}000,00\u{00A0}€ pour une enveloppe de 300\u{202F}000,00\u{00A0}€."))
        #expect(kept.contains("Méthode\u{202F}: Schulze, 6 bulletins\u{202F}; enveloppe de 300\u{202F}000,00\u{00A0}€"))
    }

    @Test("The relevé of a period groups the decisions by séance in date order")
    func period() throws {
        let scope = DecisionScope.period(from: LocalDate(year: 2009, month: 9, day: 1), to: LocalDate(year: 2009, month: 12, day: 17))
        let md = try #require(try Export.decisions(st, scope, format: .md, options: options).text)
        let headings = md.split(separator: "\n").filter { $0.hasPrefix("## ") }
        let meetings = st.meetings.values.filter { $0.date >= scope.from! && $0.date <= scope.to! && !$0.decisions.isEmpty }
        #expect(headings.count == meetings.count)
        #expect(headings.last == "## Comité de pilotage n°\u{00A0}3 – jeudi 17 décembre 2009")
        #expect(md.contains("**Séances du mardi 1er septembre 2009 au jeudi 17 décembre 2009**"))
        let only = try #require(try Export.decisions(st, .period(from: nil, to: nil, committee: "com-copil"), format: .md, options: options).text)
        #expect(only.split(separator: "\n").filter { $0.hasPrefix("## ") }.allSatisfy { $0.hasPrefix("## Comité de pilotage n°") })
    }

    @Test("Errors: unknown séance, empty period, unknown committee; `last` is the latest séance held")
    func errors() throws {
        #expect(throws: ExportError.unknownMeeting("sea-nope")) { try Export.minutes(st, meeting: "sea-nope", format: .md) }
        let a = LocalDate(year: 2010, month: 1, day: 1)!, b = LocalDate(year: 2009, month: 1, day: 1)!
        #expect(throws: ExportError.emptyPeriod(a, b)) { try Export.decisions(st, .period(from: a, to: b), format: .txt) }
        #expect(throws: ExportError.unknownCommittee("com-x")) { try Export.decisionsCSV(st, .period(from: nil, to: nil, committee: "com-x")) }
        #expect(try Export.resolveMeeting(st, "last") == "sea-copil-3")
        #expect(throws: ExportError.noHeldMeeting) { try Export.resolveMeeting(ProjectState(), "last") }
        #expect(ExportError.emptyPeriod(a, b).description == "période vide : le 01/01/2010 est après le 01/01/2009")
    }

    @Test("HTML is one self-contained page")
    func htmlSelfContained() throws {
        let html = try text(ExportFixture.copil3, .html)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">"))
        #expect(html.contains("@media print"))
        #expect(!html.contains("src="))
        #expect(!html.contains("<link"))
        #expect(!html.contains("<script"))
    }
}

extension DecisionScope {
    var from: LocalDate? { if case .period(let f, _, _) = self { f } else { nil } }
    var to: LocalDate? { if case .period(_, let t, _) = self { t } else { nil } }
}
