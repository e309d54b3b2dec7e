import Foundation
import Testing
@testable import SeanceModel
@testable import SeanceTUI

@Suite("Keys become messages, messages become state and effects")
struct UpdateTests {
    func dashboard() -> AppState { App.initial(.opened(problems: [], tornTail: nil)) }

    @Test("Arrows, Enter, Esc and q move through the screens")
    func navigation() {
        var s = dashboard()
        let ctx = context()
        press(&s, [.down, .down, .enter], ctx)
        guard case .committee(let c) = s.top else { Issue.record("not on a committee: \(s.top)"); return }
        #expect(c.committee == demoState.activeCommittees[2].id)
        press(&s, [.escape], ctx)
        #expect(s.top.kind == .dashboard)
        press(&s, [.enter, .char("q")], ctx)
        #expect(s.top.kind == .dashboard)
        #expect(press(&s, [.char("q")], ctx) == [.quit])
    }

    @Test("F10 quits from anywhere, but asks first when a form holds typed text")
    func quit() {
        var s = dashboard()
        let ctx = context()
        #expect(press(&s, [.enter, .f(10)], ctx) == [.quit])
        var t = dashboard()
        press(&t, [.char("n")] + type("Groupe"), ctx)
        #expect(press(&t, [.f(10)], ctx).isEmpty)
        #expect(t.top.kind == .confirm)
        press(&t, [.char("n")], ctx)
        #expect(t.top.kind == .form)
        #expect(press(&t, [.f(10), .char("o")], ctx) == [.quit])
    }

    @Test("In a form, q and n are text, not commands")
    func lettersAreText() {
        var s = dashboard()
        let ctx = context()
        press(&s, [.char("n")] + type("qn"), ctx)
        guard case .form(let f) = s.top else { Issue.record("no form"); return }
        #expect(f.fields[0].value == "qn")
    }

    @Test("A new member form becomes one member.add event, closed when saved")
    func newMember() {
        var s = dashboard()
        let ctx = context()
        let effects = press(&s, [.enter, .char("n")] + type("PEYRAC Aurélie") + [.tab, .tab] + type("Mission locale")
                              + [.tab, .right, .tab, .right, .f(2)], ctx)
        let expected = EventDraft("member.add", "mem-test1", [("committee", "com-copil"), ("name", "PEYRAC Aurélie"),
                                                             ("organisation", "Mission locale"), ("role", "expert"), ("voting", "non")])
        #expect(effects == [.commit([expected], then: .closeForm)])
        _ = App.update(&s, .committed(.success(1), then: .closeForm), ctx)
        #expect(s.top.kind == .committee)
        #expect(s.status?.role == .ok)
    }

    @Test("Editing writes only what changed")
    func editMember() {
        var s = dashboard()
        let ctx = context()
        let effects = press(&s, [.enter, .down, .enter, .tab, .tab, .end] + type(" et du logement") + [.f(2)], ctx)
        let m = demoState.members(of: "com-copil")[1]
        #expect(effects == [.commit([EventDraft("member.edit", m.id, [("organisation", m.organisation + " et du logement")])], then: .closeForm)])
    }

    @Test("Retiring asks for confirmation, then commits member.retire")
    func retire() {
        var s = dashboard()
        let ctx = context()
        press(&s, [.enter, .char("r")], ctx)
        #expect(s.top.kind == .confirm)
        let effects = press(&s, [.char("o")], ctx)
        #expect(effects == [.commit([EventDraft("member.retire", demoState.members(of: "com-copil")[0].id)], then: .stay)])
        _ = App.update(&s, .committed(.success(1), then: .stay), ctx)
        #expect(s.top.kind == .committee)
    }

    @Test("A required field left empty and a bad amount are refused in French, in the form")
    func validation() {
        var s = dashboard()
        let ctx = context()
        #expect(press(&s, [.char("p"), .ctrl("u"), .f(2)], ctx).isEmpty)
        guard case .form(let f) = s.top else { Issue.record("no form"); return }
        #expect(f.error == "« Nom du projet » est obligatoire.")
        press(&s, type("CCS") + [.tab, .tab, .tab, .tab, .ctrl("u")] + type("beaucoup") + [.f(2)], ctx)
        guard case .form(let g) = s.top else { Issue.record("no form"); return }
        #expect(g.error?.contains("Montant illisible") == true)
    }

    @Test("The project form creates the journal on a first run, with its axes")
    func createProject() {
        var s = App.initial(.missing(path: "/tmp/x.seance"))
        let ctx = context(ProjectState(), journal: false)
        let effects = press(&s, [.enter] + type("Projet social de Bondy") + [.tab] + type("Bondy") + [.tab] + type("01/01/2026")
                              + [.tab] + type("31/12/2028") + [.tab] + type("1 250 000") + [.tab] + type("Accès aux droits ; Vie sociale") + [.f(2)], ctx)
        #expect(effects == [.createJournal([
            EventDraft("project.set", "project", [("name", "Projet social de Bondy"), ("territory", "Bondy"), ("start", "2026-01-01"),
                                                  ("end", "2028-12-31"), ("envelope", "1250000.00")]),
            EventDraft("axis.add", "axis-test1", [("number", "1"), ("title", "Accès aux droits")]),
            EventDraft("axis.add", "axis-test2", [("number", "2"), ("title", "Vie sociale")]),
        ])])
    }

    @Test("Read-only journals refuse changes with a message")
    func readOnly() {
        var s = dashboard()
        let ctx = context(writable: false)
        #expect(press(&s, [.char("n")], ctx).isEmpty)
        #expect(s.top.kind == .dashboard)
        #expect(s.status?.text.contains("lecture seule") == true)
    }

    @Test("A failed write closes the form but says loudly that nothing is on disk")
    func failedWrite() {
        var s = dashboard()
        let ctx = context()
        press(&s, [.char("n")] + type("Groupe « Santé »") + [.f(2)], ctx)
        _ = App.update(&s, .committed(.failure(.journal(.syncFailed(path: "/tmp/j", errno: 28))), then: .closeForm), ctx)
        #expect(s.top.kind == .dashboard)
        #expect(s.status?.role == .error)
        #expect(s.status?.text.contains("disque plein") == true)
        #expect(s.status?.text.contains("F3") == true)
    }

    @Test("docs/keys.md is the key table, word for word")
    func keysDoc() throws {
        let path = snapshotDir + "/../../../docs/keys.md"
        if ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1" {
            try KeyMap.markdown().write(toFile: path, atomically: true, encoding: .utf8)
        }
        let doc = try String(contentsOfFile: path, encoding: .utf8)
        #expect(doc == KeyMap.markdown(), "docs/keys.md est à régénérer : SNAPSHOT_RECORD=1 swift test --filter keysDoc")
    }
}

@Suite("Ctrl+P offers every document of the séance")
struct ExportFormTests {
    @Test("The export form chooses the document and its format; the effect carries both")
    func chooseDocument() throws {
        var h = Harness()
        h.press([.enter, .tab, .enter, .ctrl("p")])   // COPIL n°4
        #expect(h.form?.title == "Exporter un document de la séance")
        h.press([.tab])
        for _ in 0..<3 { h.press([.right]) }   // compte rendu → relevé → convocation → convocation-eml
        #expect(h.form?.fields[1].value == SeanceDocument.convocationEmail.rawValue)
        h.press([.f(2)])
        guard case .export(let meeting, let document, _, _)? = h.lastEffects.first else { Issue.record("\(h.lastEffects)"); return }
        #expect(meeting == "sea-copil-4" && document == .convocationEmail)
    }

    @Test("Every document of a séance is made in every format")
    func everyDocument() throws {
        for d in SeanceDocument.allCases {
            for f in DocumentFormat.allCases where d != .convocationEmail || f == .pdf {
                let file = try Export.seanceDocument(d, demoState, meeting: "sea-copil-4", format: f, options: ExportOptions(now: fixedNow))
                #expect(!file.bytes.isEmpty, "\(d) \(f)")
            }
        }
    }
}

@Suite("The convocation's sending from the séance")
struct ConvocationKeyTests {
    @Test("Ctrl+N records the day the convocation was sent; the committee's delay is checked")
    func recordSending() {
        var h = Harness()
        h.press([.enter, .tab, .enter])   // COPIL n°4, 2 February 2010, rule: 5 jours francs
        h.press([.ctrl("n")])
        #expect(h.form?.title == "Convocation envoyée")
        h.press([.ctrl("u")]); h.type("29/01/2010"); h.press([.enter])
        #expect(h.written.last?.kind == "seance.convoke")
        #expect(h.domain.meetings["sea-copil-4"]?.convokedOn == LocalDate(year: 2010, month: 1, day: 29))
        #expect(h.domain.convocationWarning("sea-copil-4", today: h.ctx.today) != nil)
        // The séance's header says it from now on, not only at the moment of Ctrl+N.
        let header = App.view(h.app, h.ctx, width: 80, height: 24).trimmedLines[3]
        #expect(header == " Convoquée le 29/01/2010 · ⚠ délai de 5 jours francs non respecté", "\(header)")
    }
}
