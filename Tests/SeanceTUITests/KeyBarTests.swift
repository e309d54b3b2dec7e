import Testing
@testable import SeanceModel
@testable import SeanceTUI

@Suite("Key bar, help and messages at 80 columns")
struct KeyBarTests {
    func copil4() -> Harness {
        var h = Harness()
        h.press([.enter, .tab, .enter])
        return h
    }

    func bar(_ h: Harness, width: Int = 80, height: Int = 24) -> String {
        App.view(h.app, h.ctx, width: width, height: height).trimmedLines.last!
    }

    @Test("The séance's bar shows the keys of the moment and fits 80 columns")
    func meetingMoments() {
        var h = copil4()
        // Not open yet: presences, agenda, F9 to start.
        #expect(bar(h).contains("F4 Présences") && bar(h).contains("F9 Point ▶"))
        h.type("Ouverture"); h.press([.enter, .enter])   // the line, then « Ouvrir la séance »
        // Being held: decision, follow-up, next item, clôture.
        for key in ["F1 Aide", "F5 Décision", "F6 Suite", "F9 Point ▶", "Ctrl+T Clôture", "F10 Quitter"] {
            #expect(bar(h).contains(key), "\(bar(h))")
        }
        #expect(CharWidth.of(bar(h)) <= 80)
        // A line chosen: correct or delete it.
        h.press([.up])
        #expect(bar(h).contains("Entrée Corriger") && bar(h).contains("Suppr Supprimer"))
        h.press([.down])
        // Closed: export and reopen.
        h.press([.ctrl("t"), .enter])   // the clôture, at the time proposed
        #expect(bar(h).contains("Ctrl+P Export") && bar(h).contains("Ctrl+R Rouvrir"), "\(bar(h))")
    }

    @Test("The dashboard's bar at 80 columns: the keys nobody guesses, the import among them")
    func dashboardBar() {
        let h = Harness()
        let narrow = bar(h)
        #expect(narrow == "F1 Aide  h Historique  / Chercher  s Suites  f Fiches  i Importer  F10 Quitter", "\(narrow)")
        #expect(CharWidth.of(narrow) <= 80)
        expectSnapshot(App.view(h.app, h.ctx, width: 80, height: 24), "dashboard-80x24")
        // Wider, Entrée and the setting up come back.
        let wide = bar(h, width: 120, height: 40)
        #expect(wide.contains("Entrée Ouvrir") && wide.contains("i Importer") && CharWidth.of(wide) <= 120, "\(wide)")
        // Without a committee yet, what creates one comes first.
        var empty = ProjectState()
        _ = empty.apply(event("project.set", "project", [("name", "Projet social de Murat")]))
        let first = bar(Harness(domain: empty))
        #expect(first.hasPrefix("F1 Aide  n Nouveau comité  p Projet  x Axes"), "\(first)")
        #expect(first.contains("x Axes") && first.contains("p Projet"), "\(first)")
    }

    @Test("On a hiérarchisation item the bar offers Ctrl+O")
    func rankingKey() {
        var h = copil4()
        h.press([.f(2), .char("n")]); h.type("Classement des fiches"); h.press([.tab, .right, .right, .right, .f(2), .escape])
        let meeting = h.domain.meetings["sea-copil-4"]!
        let ranking = meeting.agenda.firstIndex { h.domain.agendaItems[$0]?.kind == .hierarchisation }
        #expect(ranking != nil)
        guard let ranking else { return }
        #expect(bar(h).contains("Ctrl+O Classer"), "\(bar(h))")
        h.type("Ouverture"); h.press([.enter, .enter])
        #expect(!bar(h).contains("Ctrl+O Classer"), "\(bar(h))")
        // Written up afterwards: each point asks when it started (Entrée takes the proposed time).
        for _ in 0..<ranking { h.press([.f(9), .enter]) }
        #expect(bar(h).contains("Ctrl+O Classer"))
    }

    @Test("F1 fits 80×24 and PgSuiv/PgPréc scroll it to its last line and back")
    func helpPages() {
        var h = copil4()
        h.press([.f(1)])
        let lines = App.helpText(.meeting, width: 80)
        var seen = App.view(h.app, h.ctx, width: 80, height: 24).text
        for _ in 0..<5 { h.press([.pageDown]); seen += App.view(h.app, h.ctx, width: 80, height: 24).text }
        #expect(seen.contains(lines.last!.trimmedSpaces))
        #expect(App.view(h.app, h.ctx, width: 80, height: 24).text.contains("sur \(lines.count)"))
        for _ in 0..<5 { h.press([.pageUp]) }
        #expect(h.app.helpScroll == 0 && h.app.showHelp)
        h.press([.escape])
        #expect(!h.app.showHelp)
    }

    @Test("A long message wraps to the width instead of being cut")
    func statusWraps() {
        var h = copil4()
        h.type("une ligne en cours")
        h.press([.escape])   // « Une ligne est en cours : Entrée pour l'enregistrer, ou Ctrl+U… »
        let text = h.app.status!.text
        #expect(CharWidth.of(text) > 78)
        let g = App.view(h.app, h.ctx, width: 80, height: 24)
        let joined = g.trimmedLines.suffix(4).map { $0.trimmedSpaces }.joined(separator: " ")
        #expect(joined.contains(text), "\(joined)")
    }
}

extension String {
    /// Without the spaces around it.
    fileprivate var trimmedSpaces: String { String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
}
