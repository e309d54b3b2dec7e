import Testing
@testable import SeanceModel
@testable import SeanceTUI

@Suite("Holding a séance")
struct MeetingTests {
    /// The demo's COPIL n°4 (planned, with an agenda), opened on its séance screen.
    func copil4() -> Harness {
        var h = Harness()
        h.press([.enter, .tab, .enter])   // COPIL, séances pane, newest (n°4)
        return h
    }

    @Test("A new séance is numbered per committee and starts with the open follow-ups")
    func newMeeting() {
        var h = Harness()
        h.press([.enter, .char("s")])
        #expect(h.form?.title == "Nouvelle séance")
        h.press([.ctrl("u")]); h.type("16/03/2010")
        h.press([.tab, .ctrl("u")]); h.type("18h30")
        h.press([.tab]); h.type("Salle du conseil")
        h.press([.tab]); h.type("Bilan du premier trimestre")
        h.press([.f(2)])
        let created = h.domain.meetings["sea-t1"]
        #expect(created?.number == 5)
        #expect(created?.time == LocalTime(hour: 18, minute: 30))
        #expect(created?.date == LocalDate(year: 2010, month: 3, day: 16))
        let first = created?.agenda.first.flatMap { h.domain.agendaItems[$0] }
        #expect(first?.title == "Suivi des décisions précédentes")
        #expect(first?.details.split(separator: "\n").count == 4)
        #expect(h.app.top.kind == .committee)
    }

    @Test("Enter commits the line: the séance opens, its first item starts, the note is saved and the editor cleared")
    func firstLine() {
        var h = copil4()
        #expect(h.meeting?.meeting == "sea-copil-4")
        h.type("Le président ouvre la séance à « 18 h 05 », œuvre commune.")
        h.press([.enter])
        // The first line asks to open the séance, at its planned start (it is not held today).
        #expect(h.form?.title == "Ouvrir la séance")
        #expect(h.form?.fields[0].value == LocalTime(hour: 18, minute: 0)!.french)
        #expect(h.written.isEmpty)
        h.press([.enter])
        #expect(h.written.map(\.kind) == ["seance.open", "agenda.start", "note.add"])
        #expect(h.written[0].value(.time) == "18:00")
        let m = h.domain.meetings["sea-copil-4"]!
        #expect(m.state == .inProgress)
        #expect(m.currentItem == m.agenda[0])
        let note = h.domain.notes(of: "sea-copil-4").last!
        #expect(note.text == "Le président ouvre la séance à « 18 h 05 », œuvre commune.")
        #expect(note.item == m.agenda[0])
        #expect(h.meeting?.editor.isEmpty == true)
    }

    @Test("Deleting a chosen line: the séance beneath the confirmation forgets the choice (the write was lost before)")
    func deleteClearsSelection() {
        var h = copil4()
        h.type("Ligne à supprimer"); h.press([.enter, .enter])
        h.press([.up])
        #expect(h.meeting?.selectedNote == 0)
        h.press([.delete])
        guard case .confirm = h.app.top else { Issue.record("pas de confirmation"); return }
        guard case .meeting(let beneath) = h.app.screens[h.app.screens.count - 2] else { Issue.record("pas de séance dessous"); return }
        #expect(beneath.selectedNote == nil)
        h.press([.char("o")])
        #expect(h.written.last?.kind == "note.delete")
    }

    @Test("A failed write keeps the line on screen, marked unsaved, with the way out")
    func failedWriteKeepsLine() {
        var h = copil4()
        h.type("Ligne déjà enregistrée"); h.press([.enter, .enter])
        h.failWrites = true
        h.type("Ligne importante")
        h.press([.enter])
        #expect(h.app.status?.role == .error)
        #expect(h.meeting?.editor.isEmpty == true)   // not typed twice: it is in memory
        let g = App.view(h.app, h.ctx, width: 100, height: 30)
        #expect(g.text.contains("✗ Ligne importante"))
        #expect(g.text.contains("• Ligne déjà enregistrée"))
        #expect(g.text.contains("NON ENREGISTRÉ : 1 événement(s) en mémoire seulement. F3"))
    }

    @Test("An agenda presenter typed as a member's name is stored as that member")
    func presenter() {
        var h = copil4()
        h.press([.f(2), .char("n")]); h.type("Point d'étape"); h.press([.tab, .tab]); h.type("rigal francoise"); h.press([.f(2)])
        let item = h.domain.agendaItems[h.domain.meetings["sea-copil-4"]!.agenda.last!]
        #expect(item?.presenter == "mem-copil-15")
    }

    @Test("Tab completes a speaker from the start of a name, in the French form")
    func speakerCompletion() {
        var h = copil4()
        h.type("mart")
        h.press([.tab])
        let label = h.domain.speakerLabel("mem-copil-01")
        #expect(label.hasPrefix("Mme MARTIN Sophie – élue ("))   // Mme: the role agrees
        #expect(h.meeting?.editor.text == label + " : ")
        h.type("nous soutenons l'épicerie.")
        h.press([.enter, .enter])   // the line, then « Ouvrir la séance »
        let note = h.domain.notes(of: "sea-copil-4").last!
        #expect(note.speaker == "mem-copil-01")
        #expect(note.text == label + " : nous soutenons l'épicerie.")
    }

    @Test("F7 picks a speaker by filtering names without accents")
    func speakerPicker() {
        var h = copil4()
        h.type("avis favorable")
        h.press([.f(7)])
        #expect(h.app.top.kind == .picker)
        h.type("francoise")
        h.press([.enter])
        #expect(h.meeting?.editor.text.hasPrefix("Mme RIGAL Françoise – experte consultative") == true)
        #expect(h.meeting?.editor.text.hasSuffix(" : avis favorable") == true)
    }

    @Test("F9 and F8 move between agenda items; the time spent on each is recorded")
    func items() {
        var h = copil4()
        // Held live, at its planned start: F9 asks to open it, which starts the first item.
        let start = Timestamp(journalValue: "2010-02-02T18:00:00+01:00")!
        h.now = start
        h.press([.f(9)])
        #expect(h.form?.title == "Ouvrir la séance")
        h.press([.enter])
        let agenda = h.domain.meetings["sea-copil-4"]!.agenda
        #expect(h.domain.meetings["sea-copil-4"]?.currentItem == agenda[0])
        h.now = Timestamp(epochSeconds: start.epochSeconds + 7 * 60, offsetMinutes: 60)
        h.press([.f(9)])
        #expect(h.domain.meetings["sea-copil-4"]?.currentItem == agenda[1])
        h.now = Timestamp(epochSeconds: start.epochSeconds + 10 * 60, offsetMinutes: 60)
        #expect(h.domain.timeSpent(on: agenda[0], until: h.now.localTime) == 7 * 60)
        #expect(h.domain.timeSpent(on: agenda[1], until: h.now.localTime) == 3 * 60)
        h.press([.f(8)])
        #expect(h.domain.meetings["sea-copil-4"]?.currentItem == agenda[0])
        h.now = Timestamp(epochSeconds: start.epochSeconds + 12 * 60, offsetMinutes: 60)
        #expect(h.domain.timeSpent(on: agenda[0], until: h.now.localTime) == 9 * 60)
        // The first item was planned for 5 minutes: the screen says it is over time.
        let g = App.view(h.app, h.ctx, width: 100, height: 30)
        #expect(g.text.contains("09:00/5′"))
    }

    @Test("Attendance: one key per state, proxies carry votes, the quorum is live")
    func attendance() {
        var h = copil4()
        h.press([.f(4)])
        #expect(h.app.top.kind == .attendance)
        h.press([.char("p"), .char("p"), .char("p"), .char("d"), .char("e")])
        var q = h.domain.quorum("sea-copil-4")
        #expect(q.present == 4)
        // Member 6 gives a proxy to member 1.
        h.press([.char("o")])
        #expect(h.app.top.kind == .picker)
        h.type("martin")
        h.press([.enter])
        let a = h.domain.meetings["sea-copil-4"]!.attendance["mem-copil-06"]
        #expect(a?.status == .pouvoir && a?.proxy == "mem-copil-01")
        q = h.domain.quorum("sea-copil-4")
        #expect(q.votingMembers == 14 && q.required == 8)
        #expect(q.represented >= 1)
        #expect(q.votes == q.present + q.represented)
        let g = App.view(h.app, h.ctx, width: 100, height: 30)
        #expect(g.text.contains("quorum 8"))
    }

    @Test("Arrivals and departures during the séance carry their time")
    func arrivalTime() {
        var h = copil4()
        // Held live: the clock gives the times.
        h.now = Timestamp(journalValue: "2010-02-02T18:07:00+01:00")!
        h.type("Ouverture"); h.press([.enter, .enter])   // the line, the opening at 18 h 07: in progress
        #expect(h.domain.meetings["sea-copil-4"]?.openTime == LocalTime(hour: 18, minute: 7))
        h.press([.f(4), .char("p")])
        let log = h.domain.meetings["sea-copil-4"]!.attendanceLog.last!
        #expect(log.time == LocalTime(hour: 18, minute: 7))
        #expect(log.status == .present)
    }

    @Test("Guests are added on the fly with their organisation")
    func guest() {
        var h = copil4()
        h.type("Ouverture"); h.press([.enter, .enter])
        h.press([.f(4), .char("i")])
        h.type("NOUVEL Invité"); h.press([.tab]); h.type("Espace Info Énergie"); h.press([.f(2)])
        let g = h.domain.meetings["sea-copil-4"]!.guests.compactMap { h.domain.members[$0] }.last
        #expect(g?.name == "NOUVEL Invité" && g?.organisation == "Espace Info Énergie" && g?.voting == false)
        #expect(h.domain.meetings["sea-copil-4"]!.attendance[g!.id]?.status == .present)
    }

    func presentEight() -> Harness {
        var h = copil4()
        h.press([.f(4)] + Array(repeating: .char("p"), count: 8) + [.escape])
        return h
    }

    @Test("After a line is corrected, ↑ starts again from the last line: the decision typed next, not the line corrected before")
    func selectionAfterCorrection() throws {
        var h = presentEight()
        h.type("Première ligne"); h.press([.enter, .f(2)])   // the first line asks the opening
        #expect(h.app.top.kind == .meeting)
        h.press([.up, .enter])
        #expect(h.form?.title == "Corriger la ligne")
        h.press([.end]); h.type(" corrigée"); h.press([.f(2)])
        h.press([.f(5)]); h.type("Le comité approuve"); h.press([.tab, .right, .f(2)])
        h.press([.up])
        let g = App.view(h.app, h.ctx, width: 120, height: 40)
        h.press([.enter])
        #expect(h.form?.title == "Corriger la décision", "\(g.text)")
    }

    @Test("A decision with a vote: the result is computed, stored with who was there and the quorum")
    func voted() {
        var h = presentEight()
        h.press([.f(5)]); h.type("Le compte rendu du 17 décembre est approuvé")
        h.press([.tab, .tab]); h.type("6"); h.press([.tab]); h.type("1"); h.press([.tab]); h.type("1"); h.press([.f(2)])
        let d = h.domain.decisions[h.domain.meetings["sea-copil-4"]!.decisions.last!]!
        #expect(d.outcome == .valide && d.votesFor == 6 && d.votesAgainst == 1 && d.abstentions == 1)
        #expect(d.votersPresent == 8 && d.quorumMet == true && d.present.count == 8)
        #expect(d.computedOutcome == nil)
        #expect(d.item == h.domain.meetings["sea-copil-4"]!.agenda.first)
    }

    @Test("↑ chooses a decision line; Entrée opens it filled in; the correction is recorded whole")
    func correctDecision() {
        var h = presentEight()
        h.press([.f(5)]); h.type("Le compte rendu est approuvé")
        h.press([.tab, .tab]); h.type("6"); h.press([.tab]); h.type("1"); h.press([.tab]); h.type("1"); h.press([.f(2)])
        let id = h.domain.meetings["sea-copil-4"]!.decisions.last!
        h.press([.up])
        let g = App.view(h.app, h.ctx, width: 120, height: 40)
        #expect(g.text.contains("Décision n°1 – Validée : Le compte rendu est approuvé"))
        h.press([.enter])
        #expect(h.form?.title == "Corriger la décision")
        #expect(h.form?.fields[2].value == "6")
        h.press([.tab, .tab, .ctrl("u")]); h.type("7"); h.press([.tab, .ctrl("u")]); h.type("0"); h.press([.f(2)])
        #expect(h.written.last?.kind == "decision.correct")
        let d = h.domain.decisions[id]!
        #expect(d.votesFor == 7 && d.votesAgainst == 0 && d.corrections == 1)
        #expect(App.view(h.app, h.ctx, width: 120, height: 40).text.contains("(corrigée)"))
    }

    @Test("A follow-up line is edited from the séance; an attendance noted by mistake is withdrawn; the séance itself is corrected")
    func correctOthers() {
        var h = presentEight()
        h.press([.f(6)]); h.type("Envoyer le compte rendu"); h.press([.tab]); h.type("martin sophie"); h.press([.f(2)])
        h.press([.up, .enter])
        #expect(h.form?.title == "Modifier la suite à donner")
        h.press([.tab, .tab]); h.type("31/03/2010"); h.press([.f(2)])
        #expect(h.written.last?.kind == "followup.edit")
        #expect(h.domain.followUps.values.first { $0.what == "Envoyer le compte rendu" }?.due == LocalDate(year: 2010, month: 3, day: 31))
        h.press([.f(4)])
        let first = h.domain.participants(of: "sea-copil-4")[0].id
        #expect(h.domain.meetings["sea-copil-4"]?.attendance[first] != nil)
        h.press([.home, .delete])
        #expect(h.written.last?.kind == "attendance.withdraw")
        #expect(h.domain.meetings["sea-copil-4"]?.attendance[first] == nil)
        h.press([.escape, .f(12)])
        #expect(h.form?.title == "Modifier la séance")
        h.press([.tab, .tab, .ctrl("u")]); h.type("Salle des fêtes"); h.press([.f(2)])
        #expect(h.written.last?.kind == "seance.edit")
        #expect(h.domain.meetings["sea-copil-4"]?.place == "Salle des fêtes")
    }

    @Test("More votes than voters present or represented is refused")
    func tooManyVotes() {
        var h = presentEight()
        h.press([.f(5)]); h.type("Trop de voix")
        h.press([.tab, .tab]); h.type("9"); h.press([.f(2)])
        #expect(h.form?.error == "Le total des voix (9) dépasse les votes présents ou représentés (8).")
    }

    @Test("The secretary can override the computed result; the override is recorded")
    func override() {
        var h = presentEight()
        h.press([.f(5)]); h.type("Report demandé")
        h.press([.tab, .tab]); h.type("4"); h.press([.tab]); h.type("3")
        h.press([.tab, .tab, .right, .right]) // Résultat: ajourné
        h.press([.f(2)])
        let d = h.domain.decisions.values.first { $0.text == "Report demandé" }!
        #expect(d.outcome == .ajourne && d.computedOutcome == .valide)
    }

    @Test("Unanimity, and no vote with an explicit outcome")
    func unanimity() {
        var h = presentEight()
        h.press([.f(5)]); h.type("Unanime"); h.press([.tab, .right, .f(2)])
        #expect(h.domain.decisions.values.contains { $0.text == "Unanime" && $0.unanimous && $0.outcome == .valide })
        h.press([.f(5)]); h.type("Sans vote"); h.press([.tab, .right, .right, .f(2)])
        #expect(h.form?.error?.contains("choisissez le résultat") == true)
        h.press([.tab, .tab, .tab, .tab, .right, .right, .f(2)])
        #expect(h.domain.decisions.values.contains { $0.text == "Sans vote" && $0.outcome == .ajourne && $0.votesFor == nil })
    }

    @Test("Majority rules", arguments: [
        (MajorityRule.simple, 5, 4, 6, true), (.simple, 4, 4, 0, false), (.absolue, 5, 4, 6, false), (.absolue, 8, 4, 3, true),
        (.deux_tiers, 10, 5, 0, true), (.deux_tiers, 9, 5, 0, false),
    ])
    func majority(_ rule: MajorityRule, _ f: Int, _ a: Int, _ ab: Int, _ adopted: Bool) {
        #expect(VoteCount(votesFor: f, against: a, abstention: ab).adopted(under: rule) == adopted)
    }

    @Test("A follow-up names a member when the owner matches one")
    func followUp() {
        var h = copil4()
        h.press([.f(6)]); h.type("Envoyer le compte rendu"); h.press([.tab]); h.type("martin sophie")
        h.press([.tab]); h.type("15/02/2010"); h.press([.f(2)])
        let f = h.domain.followUps.values.first { $0.what == "Envoyer le compte rendu" }!
        #expect(f.owner == "mem-copil-01" && f.due == LocalDate(year: 2010, month: 2, day: 15) && f.isOpen)
    }

    @Test("A committed line is corrected with ↑ and Enter; the journal keeps both")
    func correction() {
        var h = copil4()
        h.type("Budget de 28 000 €"); h.press([.enter, .enter])
        h.press([.up, .enter])
        #expect(h.form?.title == "Corriger la ligne")
        h.press([.ctrl("u")]); h.type("Budget de 28 500 €"); h.press([.f(2)])
        let note = h.domain.notes(of: "sea-copil-4").last!
        #expect(note.text == "Budget de 28 500 €" && note.corrections == 1)
        #expect(h.written.map(\.kind).suffix(1) == ["note.correct"])
    }

    @Test("Clôture makes the séance read-only until it is reopened, which is recorded")
    func closeAndReopen() {
        var h = copil4()
        h.type("Dernière ligne"); h.press([.enter, .enter])
        // Written up afterwards: the clôture is asked, prefilled with the séance's latest time.
        h.press([.ctrl("t")])
        #expect(h.form?.title == "Clôturer la séance")
        #expect(h.form?.fields[0].value == LocalTime(hour: 18, minute: 0)!.french)
        h.press([.ctrl("u")]); h.type("20h15"); h.press([.enter])
        #expect(h.domain.meetings["sea-copil-4"]?.state == .closed)
        #expect(h.domain.meetings["sea-copil-4"]?.endTime == LocalTime(hour: 20, minute: 15))
        h.type("x")
        #expect(h.meeting?.editor.isEmpty == true)
        h.press([.enter])
        #expect(h.app.status?.text.contains("lecture seule") == true)
        h.press([.ctrl("r"), .char("o")])
        #expect(h.domain.meetings["sea-copil-4"]?.state == .inProgress)
        #expect(h.domain.meetings["sea-copil-4"]?.reopenings == 1)
    }

    @Test("Esc does not leave the séance while a line is being typed")
    func escKeepsLine() {
        var h = copil4()
        h.type("Ne pas perdre")
        h.press([.escape])
        #expect(h.meeting?.editor.text == "Ne pas perdre")
        #expect(App.draft(h.app, h.ctx) == Draft(meeting: "sea-copil-4", item: h.domain.meetings["sea-copil-4"]!.agenda.first, text: "Ne pas perdre"))
    }

    @Test("A draft found at start is offered back into its séance")
    func draftOffer() {
        var h = Harness()
        h.app.push(.draftOffer(Draft(meeting: "sea-copil-4", item: nil, text: "Le maire rappelle")))
        let g = App.view(h.app, h.ctx, width: 80, height: 24)
        #expect(g.text.contains("Reprendre le brouillon ?"))
        h.press([.char("o")])
        #expect(h.meeting?.editor.text == "Le maire rappelle")
        var k = Harness()
        k.app.push(.draftOffer(Draft(meeting: "sea-copil-4", item: nil, text: "x")))
        k.press([.char("n")])
        #expect(k.lastEffects == [.discardDraft])
    }

    @Test("The agenda: add, move, remove; total duration and computed end time")
    func agenda() {
        var h = copil4()
        h.press([.f(2)])
        #expect(h.app.top.kind == .agenda)
        var g = App.view(h.app, h.ctx, width: 100, height: 30)
        #expect(g.text.contains("Durée totale prévue : 1 h 50 · début 18\u{A0}h\u{A0}00, fin prévue 19\u{A0}h\u{A0}50"))
        h.press([.char("n")]); h.type("Questions diverses"); h.press([.tab, .right, .tab, .tab, .ctrl("u")]); h.type("10"); h.press([.f(2)])
        let agenda = h.domain.meetings["sea-copil-4"]!.agenda
        #expect(agenda.count == 7)
        #expect(h.domain.agendaItems[agenda.last!]?.kind == .debat)
        h.press([.end, .char("-")])
        #expect(h.domain.meetings["sea-copil-4"]!.agenda[5] == agenda.last!)
        h.press([.char("r"), .char("o")])
        #expect(h.domain.meetings["sea-copil-4"]!.agenda.count == 6)
        g = App.view(h.app, h.ctx, width: 100, height: 30)
        #expect(g.text.contains("fin prévue 19\u{A0}h\u{A0}50"))
    }

    @Test("Séance screens", arguments: [(80, 24), (120, 40)])
    func snapshots(_ w: Int, _ hgt: Int) {
        var h = copil4()
        h.press([.f(4)] + Array(repeating: .char("p"), count: 9) + [.escape])
        h.type("Le président ouvre la séance et remercie les partenaires « présents ».")
        h.press([.enter, .enter])
        h.type("mart"); h.press([.tab]); h.type("rappelle le calendrier 2010 et l'enveloppe de 1 750 000 € sur trois ans, dont 500 000 € d'investissement.")
        h.press([.enter])
        h.type("Ligne en cours avec œ et un caractère large 中")
        h.now = Timestamp(epochSeconds: fixedNow.epochSeconds + 6 * 60 + 30, offsetMinutes: 60)
        expectSnapshot(App.view(h.app, h.ctx, width: w, height: hgt), "meeting-\(w)x\(hgt)")
        h.press([.f(4)])
        expectSnapshot(App.view(h.app, h.ctx, width: w, height: hgt), "attendance-\(w)x\(hgt)")
        h.press([.escape, .f(2)])
        expectSnapshot(App.view(h.app, h.ctx, width: w, height: hgt), "agenda-\(w)x\(hgt)")
    }

    @Test("A closed séance of the demo reads back its minutes")
    func closedSnapshot() {
        var h = Harness()
        h.press([.enter, .tab, .down, .enter])   // COPIL n°3
        #expect(h.meeting?.meeting == "sea-copil-3")
        let g = App.view(h.app, h.ctx, width: 120, height: 40)
        expectSnapshot(g, "meeting-closed-120x40")
        #expect(g.text.contains("close à"))
    }
}
