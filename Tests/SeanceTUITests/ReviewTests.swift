import Testing
@testable import SeanceModel
@testable import SeanceTUI

@Suite("Reviewing past séances")
struct ReviewTests {
    @Test("The timeline: every séance newest first, filtered by committee, axis, year and state")
    func timeline() {
        let st = demoState
        let all = st.timeline()
        #expect(all.count == 28)
        #expect(all.first?.id == "sea-copil-4")
        #expect(zip(all, all.dropFirst()).allSatisfy { $0.date >= $1.date })
        #expect(st.timeline(.init(committee: "com-copil")).count == 4)
        #expect(st.timeline(.init(axis: "axis-3")).allSatisfy { $0.committee == "com-ct3" })
        #expect(st.timeline(.init(year: 2010)).map(\.id) == ["sea-copil-4"])
        #expect(st.timeline(.init(status: .planned)).map(\.id) == ["sea-copil-4"])
        #expect(st.timeline(.init(status: .closed)).count == 27)
    }

    @Test("History filters are cycled by keys; Enter opens the séance read-only")
    func historyScreen() {
        var h = Harness()
        h.press([.char("h")])
        #expect(h.app.top.kind == .history)
        h.press([.char("c")])   // first committee: the COPIL
        guard case .history(let hs) = h.app.top else { Issue.record("no history"); return }
        #expect(hs.committee == "com-copil")
        h.press([.char("e"), .char("e"), .char("e")])   // à venir, en cours, close
        h.press([.enter])
        #expect(h.meeting?.meeting == "sea-copil-3")
        let g = App.view(h.app, h.ctx, width: 120, height: 40)
        #expect(g.text.contains("close à"))
        // Browsing the items of a closed séance writes nothing.
        h.press([.f(9), .f(9)])
        #expect(h.written.isEmpty)
        #expect(h.meeting?.viewItem == h.domain.meetings["sea-copil-3"]!.agenda[2])
        h.press([.f(8)])
        #expect(h.meeting?.viewItem == h.domain.meetings["sea-copil-3"]!.agenda[1])
    }

    @Test("Search ignores case and accents: « epicerie » finds « Épicerie »")
    func searchAccents() {
        let hits = demoState.search("epicerie")
        #expect(!hits.isEmpty)
        #expect(hits.contains { $0.text.contains("Épicerie") || $0.text.contains("épicerie") })
        #expect(demoState.search("EPICERIE solidaire").count <= hits.count)
        #expect(Folding.fold("Épicerie Œuvre Noël e\u{301}te\u{301}") == "epicerie oeuvre noel ete")
    }

    @Test("Enter on a result jumps to its séance, item and line")
    func searchJump() {
        var h = Harness()
        h.press([.char("/")])
        h.type("epicerie")
        let hits = h.domain.search("epicerie")
        let firstNote = hits.firstIndex { $0.kind == .note }!
        h.press(Array(repeating: .down, count: firstNote) + [.enter])
        let hit = hits[firstNote]
        #expect(h.meeting?.meeting == hit.meeting)
        let m = h.meeting!
        let shown = h.domain.notes(of: m.meeting, item: .some(m.shownItem(h.domain.meetings[m.meeting]!)))
        #expect(m.selectedNote.map { shown[$0].id } == hit.entity)
        let g = App.view(h.app, h.ctx, width: 120, height: 40)
        expectSnapshot(g, "search-jump-120x40")
    }

    @Test("Follow-ups across committees: open ones, overdue marked, filter by owner, mark done")
    func followUps() {
        var h = Harness()
        h.press([.char("s")])
        #expect(h.app.top.kind == .followUps)
        let open = h.domain.openFollowUps.count
        #expect(open == 6)
        var g = App.view(h.app, h.ctx, width: 120, height: 40)
        #expect(g.text.contains("6 ouverte(s), dont"))
        #expect(g.text.contains("EN RETARD"))
        expectSnapshot(g, "followups-120x40")
        h.type("rigal")
        g = App.view(h.app, h.ctx, width: 120, height: 40)
        let rows = h.domain.followUpRows(showDone: false, owner: "rigal", today: h.ctx.today)
        #expect(!rows.isEmpty && rows.allSatisfy { h.domain.ownerName($0.owner).contains("RIGAL") })
        // « Fait » asks its date, today by default.
        h.press([.f(5)])
        #expect(h.form?.title.hasPrefix("Suite faite") == true)
        #expect(h.form?.fields[0].value == h.ctx.today.french)
        h.press([.ctrl("u")]); h.type("31/02/2010"); h.press([.enter])
        #expect(h.form?.error == "Date impossible : le 31/02/2010 n'existe pas.")
        h.press([.ctrl("u")]); h.type("12/01/2010"); h.press([.enter])
        #expect(h.written.map(\.kind) == ["followup.done"])
        #expect(h.written.last?.value(.date) == "2010-01-12")
        #expect(h.domain.openFollowUps.count == open - 1)
    }

    @Test("Participation figures on the demo: the weakest committee shows")
    func participation() {
        let p = demoState.participation()
        #expect(p.committees.count == 6)
        let ct4 = p.committees.first { $0.label.contains("Services à la personne") }!
        #expect(ct4.percent == p.committees.map(\.percent).min())
        #expect(ct4.percent < 50)
        for r in p.committees { #expect(r.present <= r.expected && r.expected > 0) }
        let y2009 = demoState.participation(from: LocalDate(year: 2009, month: 1, day: 1), to: LocalDate(year: 2009, month: 12, day: 31))
        #expect(y2009.committees == p.committees)   // every séance held was in 2009
        var h = Harness()
        h.press([.char("a")])
        let g = App.view(h.app, h.ctx, width: 100, height: 30)
        expectSnapshot(g, "participation-100x30")
        #expect(g.text.contains("█"))
        h.press([.tab])
        #expect(App.view(h.app, h.ctx, width: 100, height: 30).text.contains("par membre"))
    }

    @Test("Bars are exact to an eighth of a cell")
    func bars() {
        #expect(App.bar(100, width: 10) == String(repeating: "█", count: 10))
        #expect(App.bar(0, width: 10) == "")
        #expect(App.bar(55, width: 10) == "█████▌")
        #expect(App.bar(51, width: 10) == "█████")
    }

    @Test("The life of a fiche action: status over time, progress, decisions; the financing gap flagged")
    func actionLife() {
        var h = Harness()
        h.press([.char("f")])
        #expect(h.app.top.kind == .actions)
        let list = h.domain.actionSheets
        let index = list.firstIndex { $0.id == "act-portage" }!
        h.press([.home] + Array(repeating: .down, count: index) + [.char("p")])
        h.type("40"); h.press([.tab]); h.type("repas livrés par semaine"); h.press([.tab]); h.type("120"); h.press([.f(2)])
        #expect(h.domain.actions["act-portage"]?.progress == 40)
        h.press([.enter])
        let g = App.view(h.app, h.ctx, width: 120, height: 40)
        expectSnapshot(g, "action-life-120x40")
        #expect(g.text.contains("il manque 6\u{202F}000,00\u{00A0}€"))
        #expect(g.text.contains("avancement 40 % · repas livrés par semaine : 120"))
        #expect(g.text.contains("Décisions"))
    }
}

/// The search finds people: members by name, organisation, fonction and courriel, and follow-ups
/// by their « Qui ».
@Suite("Searching for people")
struct SearchPeopleTests {
    /// The demo with LHERMITTE Éloïse just imported (a seat on CT n°2 and one on the COPIL), a
    /// follow-up in her name and one whose « Qui » was typed.
    static let state: ProjectState = {
        var st = demoState
        var rng = SystemRandomNumberGenerator()
        let drafts = [
            EventDraft("member.add", "mem-lh", [("committee", "com-ct2"), ("name", "LHERMITTE Éloïse"), ("civility", "Mme"),
                                                ("organisation", "Mairie de L'Haÿ-les-Roses"), ("function", "adjointe aux solidarités"),
                                                ("email", "e.lhermitte@lhay.example"), ("role", "elu")]),
            EventDraft("member.add", "mem-lh2", [("committee", "com-copil"), ("name", "LHERMITTE Éloïse"), ("person", "mem-lh"), ("role", "elu")]),
            EventDraft("followup.add", "fol-lh1", [("seance", "sea-copil-3"), ("what", "Envoyer la convention signée"), ("owner", "mem-lh")]),
            EventDraft("followup.add", "fol-lh2", [("seance", "sea-copil-3"), ("what", "Réserver la salle"), ("owner", "Service jeunesse de L'Haÿ")]),
        ]
        for (i, d) in drafts.enumerated() {
            let p = st.apply(d.stamped(at: fixedNow, id: EventID.make(milliseconds: Int64(i), using: &rng), author: "test"))
            precondition(p == nil, "\(d.kind): \(String(describing: p))")
        }
        return st
    }()

    @Test("A member is found by her name, organisation, fonction or courriel, a seat per committee, members first")
    func members() {
        let st = Self.state
        let hits = st.search("lhermitte")
        // Her two seats, in the committees' order (the COPIL first), then her follow-up.
        #expect(hits.prefix(2).map(\.kind) == [.member, .member])
        #expect(hits.prefix(2).map(\.committee) == ["com-copil", "com-ct2"])
        #expect(hits.prefix(2).map(\.entity) == ["mem-lh2", "mem-lh"])
        #expect(hits[0].text == "Mme LHERMITTE Éloïse — adjointe aux solidarités, Mairie de L'Haÿ-les-Roses")
        #expect(hits.contains { $0.entity == "fol-lh1" && $0.text.hasSuffix("— Mme LHERMITTE Éloïse") })
        for q in ["ELOISE", "lhermitte eloise", "adjointe solidarites", "lhay.example", "mairie roses"] {
            #expect(st.search(q).filter { $0.kind == .member }.map(\.entity) == ["mem-lh2", "mem-lh"], "« \(q) »")
        }
        // « hay » finds her organisation, and the follow-up whose « Qui » was typed.
        let hay = st.search("hay")
        #expect(hay.filter { $0.kind == .member }.map(\.entity) == ["mem-lh2", "mem-lh"])
        #expect(hay.contains { $0.entity == "fol-lh2" && $0.text == "Réserver la salle — Service jeunesse de L'Haÿ" })
        #expect(!hay.contains { $0.entity == "fol-lh1" })   // neither its text nor its « Qui » says « hay »
        #expect(st.search("lhermitte cotech").isEmpty)     // every word must be found in one member
    }

    @Test("« pradal » finds her follow-ups and her seat, not only notes and decisions")
    func followUpOwner() {
        let st = demoState
        let hits = st.search("pradal")
        let hers = st.followUps.values.filter { Folding.fold(st.ownerName($0.owner)).contains("pradal") }
        #expect(hers.count >= 2)
        #expect(Set(hits.filter { $0.kind == .followUp }.map(\.entity)).isSuperset(of: hers.map(\.id)))
        #expect(hits.first?.kind == .member && hits.first?.text.contains("PRADAL Sylvie") == true)
    }

    @Test("The search screen names the committee of a member; Entrée opens the committee on her, or the séance of a follow-up")
    func screen() {
        var h = Harness(domain: Self.state)
        h.press([.char("/")])
        h.type("lhermitte")
        let g = App.view(h.app, h.ctx, width: 120, height: 40)
        expectSnapshot(g, "search-person-120x40")
        #expect(g.text.contains("membre"))
        h.press([.down, .enter])   // her seat on CT n°2
        guard case .committee(let c) = h.app.top else { Issue.record("no committee screen: \(h.app.top.kind)"); return }
        #expect(c.committee == "com-ct2")
        #expect(h.domain.members(of: "com-ct2")[c.members.selection].id == "mem-lh")
        h.press([.escape, .down, .enter])   // the follow-up: its séance
        #expect(h.meeting?.meeting == "sea-copil-3")
    }
}

@Suite("Participation per member over all committees")
struct ParticipationSeatsTests {
    @Test("A line per seat, naming its committee: BARBAT Didier's two seats are told apart; a committee's view is unchanged")
    func seatsNamed() throws {
        let st = demoState
        let all = st.participation()
        let barbat = all.members.filter { $0.label == "BARBAT Didier" }
        #expect(barbat.map(\.committee) == ["com-copil", "com-ct2"])   // same rate: in the committees' order
        for r in all.members { #expect(r.committee != nil) }
        for cid in st.committeeOrder {
            let one = st.participation(committee: cid).members
            #expect(one.allSatisfy { $0.committee == cid })
            // The committee's view counts its seats as the view of all does.
            #expect(Set(one.map { "\($0.label) \($0.present)/\($0.expected)" })
                    == Set(all.members.filter { $0.committee == cid }.map { "\($0.label) \($0.present)/\($0.expected)" }))
        }
        #expect(App.committeeShortName(st.committees["com-copil"]!) == "COPIL")
        #expect(App.committeeShortName(st.committees["com-ct4"]!) == "COTECH Services à la personne")

        let first = try #require(all.members.firstIndex { $0.label == "BARBAT Didier" })
        for (w, hgt) in [(100, 30), (80, 24)] {
            var h = Harness()
            h.press([.char("a"), .tab] + Array(repeating: .down, count: first))
            let g = App.view(h.app, h.ctx, width: w, height: hgt)
            expectSnapshot(g, "participation-members-\(w)x\(hgt)")
            let lines = g.text.split(separator: "\n").filter { $0.contains("BARBAT Didier") }
            #expect(lines.count == 2)
            #expect(lines.first?.contains("COPIL") == true && lines.last?.contains("COTECH Inserti") == true, "\(lines)")
        }
        // With a committee chosen, no column: the committee is in the title.
        var h = Harness()
        h.press([.char("a"), .char("c")])
        #expect(!App.view(h.app, h.ctx, width: 100, height: 30).text.contains("COPIL "))
    }
}
