import Testing
@testable import SeanceModel
@testable import SeanceTUI

@Suite("Screens drawn into a grid, compared with text snapshots")
struct ScreenSnapshotTests {
    static let sizes = [(80, 24), (120, 40)]

    func dashboard() -> AppState { App.initial(.opened(problems: [], tornTail: nil)) }

    @Test("Tableau de bord", arguments: sizes)
    func dashboardScreen(_ w: Int, _ h: Int) {
        let g = App.view(dashboard(), context(), width: w, height: h)
        expectSnapshot(g, "dashboard-\(w)x\(h)")
        #expect(g.trimmedLines[0].contains("Séance"))
        #expect(g.trimmedLines.last!.hasPrefix("F1 Aide"))
        #expect(g.trimmedLines.last!.hasSuffix("F10 Quitter"))
    }

    @Test("Écran d'un comité: members and séances", arguments: sizes)
    func committeeScreen(_ w: Int, _ h: Int) {
        var s = dashboard()
        let ctx = context()
        press(&s, [.enter], ctx)
        #expect(s.top.kind == .committee)
        expectSnapshot(App.view(s, ctx, width: w, height: h), "committee-copil-\(w)x\(h)")
        press(&s, [.tab, .down], ctx)
        expectSnapshot(App.view(s, ctx, width: w, height: h), "committee-copil-seances-\(w)x\(h)")
    }

    @Test("Accueil du premier lancement", arguments: sizes)
    func welcome(_ w: Int, _ h: Int) {
        let s = App.initial(.missing(path: "/home/claire/.local/share/seance/journal.seance"))
        expectSnapshot(App.view(s, context(ProjectState(), journal: false), width: w, height: h), "welcome-\(w)x\(h)")
    }

    @Test("F1 shows every key of the current screen")
    func help() {
        var s = dashboard()
        let ctx = context()
        press(&s, [.f(1)], ctx)
        let g = App.view(s, ctx, width: 80, height: 24)
        expectSnapshot(g, "help-dashboard-80x24")
        // What does not fit scrolls with ↓: every key is shown on one page or the next.
        var seen = g.text
        for _ in 0..<30 { press(&s, [.down], ctx); seen += App.view(s, ctx, width: 80, height: 24).text }
        #expect(s.showHelp)
        for line in KeyMap.helpLines(.dashboard) {
            #expect(seen.contains(String(line.help.prefix(24))), "aide sans « \(line.help) »")
        }
        press(&s, [.escape], ctx)
        #expect(!s.showHelp)
    }

    @Test("A form over the committee screen")
    func memberForm() {
        var s = dashboard()
        let ctx = context()
        press(&s, [.enter, .char("n")] + type("PEYRAC Aurélie") + [.tab] + type("Mission locale « Haute-Auvergne »"), ctx)
        expectSnapshot(App.view(s, ctx, width: 80, height: 24), "form-new-member-80x24")
    }

    @Test("Below the minimum size the screen says so")
    func tooSmall() {
        let g = App.view(dashboard(), context(), width: 40, height: 10)
        expectSnapshot(g, "too-small-40x10")
        #expect(g.text.contains("trop petite"))
    }

    @Test("While a large journal is read, the screen says which file and how far, even when tiny")
    func loading() {
        let g = App.loading(path: "/srv/cias/trois-vallees.seance", done: 61_000_000, total: 175_000_000, width: 80, height: 24)
        expectSnapshot(g, "loading-80x24")
        #expect(g.text.contains("« trois-vallees.seance » (175 Mo)") && g.text.contains("34 %"))
        let tiny = App.loading(path: "/tmp/x\u{1B}[2J.seance", done: 5, total: 0, width: 20, height: 3)
        #expect(!tiny.text.contains("\u{1B}"))
    }

    @Test("A second copy is told who holds the lock")
    func locked() {
        let s = App.initial(.locked(path: "/srv/ccas/journal.seance", holder: LockHolder(pid: 4242, host: "poste-accueil", since: "2026-11-21T09:12:00+01:00")))
        let g = App.view(s, context(ProjectState(), journal: false), width: 80, height: 24)
        expectSnapshot(g, "locked-80x24")
        #expect(g.text.contains("4242") && g.text.contains("poste-accueil"))
    }

    @Test("Problems of a hand-edited journal are listed, read-only")
    func problems() {
        let problems = [Problem(line: 12, .error, "champ sans « = » : « nom »"), Problem(line: 40, .notice, Fr.Problem.unknownKind("vote.secret"))]
        var s = App.initial(.opened(problems: problems, tornTail: nil))
        _ = App.update(&s, .opened(.opened(problems: problems, tornTail: nil)), context(writable: false))
        let g = App.view(s, context(writable: false), width: 80, height: 24)
        expectSnapshot(g, "problems-80x24")
        #expect(g.text.contains("/tmp/demo/saint-flour.seance:12: champ sans"))
        #expect(g.trimmedLines[0].contains("LECTURE SEULE"))
    }

    @Test("A repaired torn tail is announced with the side file")
    func tornTail() {
        let s = App.initial(.opened(problems: [], tornTail: .init(line: 1099, reason: Fr.Problem.tornNoNewline, byteCount: 57, sidePath: "/tmp/demo/saint-flour.seance.torn-20261121-091500")))
        let g = App.view(s, context(), width: 80, height: 24)
        expectSnapshot(g, "torn-tail-80x24")
        #expect(g.text.contains("torn-20261121-091500"))
    }

    @Test("Unsaved events after a failed write are shown on every screen")
    func unsavedBanner() {
        let g = App.view(dashboard(), context(unsaved: 3), width: 80, height: 24)
        #expect(g.trimmedLines[22].contains("NON ENREGISTRÉ : 3 événement(s)"))
    }

    @Test("Escape sequences and wide characters in journal text are drawn safely")
    func untrustedText() {
        var st = ProjectState()
        _ = st.apply(event("project.set", "project", [("name", "Projet \u{1B}]0;piège\u{07} 中文 \u{202E}à l'envers")]))
        _ = st.apply(event("committee.create", "com-1", [("name", "Groupe 👩‍💻 «numérique»\u{1B}[2J"), ("kind", "technique")]))
        let g = App.view(dashboard(), context(st), width: 80, height: 24)
        expectSnapshot(g, "untrusted-80x24")
        for c in g.cells where c.text != "👩‍💻" {
            for sc in c.text.unicodeScalars { #expect(!JournalEscaping.isInvisibleOrControl(sc.value)) }
        }
        // A joiner between two emoji is part of one pictogram, kept; a lone one is shown.
        #expect(g.cells.contains { $0.text == "👩‍💻" && $0.width == 2 })
        #expect(VisibleText.make("a\u{200D}b") == "a<U+200D>b")
    }
}

func event(_ kind: String, _ entity: String, _ fields: [(String, String)]) -> Event {
    var rng = SystemRandomNumberGenerator()
    return EventDraft(kind, entity, fields).stamped(at: Timestamp(journalValue: "2026-01-01T10:00:00+01:00")!, id: EventID.make(milliseconds: 0, using: &rng), author: "test")
}
