import Foundation
import Testing
@testable import SeanceModel
@testable import SeanceTUI

/// A séance written up afterwards (the demo's COPIL n°4 of 2 February 2010, typed on
/// 15 January… the clock is not the séance's): the secretary gives its times.
@Suite("A séance written up afterwards")
struct AfterwardsTests {
    static let seance = "sea-copil-4"

    /// COPIL n°4 opened at its planned start (18 h 00): its first point starts then.
    func opened() -> Harness {
        var h = Harness()
        h.press([.enter, .tab, .enter])
        h.type("Ouverture"); h.press([.enter])
        #expect(h.form?.title == "Ouvrir la séance")
        h.press([.enter])
        #expect(h.domain.meetings[Self.seance]?.state == .inProgress)
        #expect(!h.domain.isHeldLive(Self.seance, at: h.now))
        h.written = []
        return h
    }

    func t(_ hour: Int, _ minute: Int) -> LocalTime { LocalTime(hour: hour, minute: minute)! }
    var meeting: (Harness) -> Meeting { { $0.domain.meetings[Self.seance]! } }

    @Test("F4: an arrival and a departure ask their time (Échap records nothing); h corrects them later; nothing changed writes nothing")
    func attendanceTimes() {
        var h = opened()
        let people = h.domain.participants(of: Self.seance)
        h.press([.f(4), .char("p")])
        #expect(h.form?.title == "Arrivée de " + people[0].name)
        #expect(h.form?.fields[0].label == "Arrivée à")
        #expect(h.form?.fields[0].value == t(18, 0).french)   // the start of the current point
        #expect(h.written.isEmpty)
        h.press([.ctrl("u")]); h.type("18h20"); h.press([.enter])
        #expect(h.written.map(\.kind) == ["attendance.set"])
        #expect(meeting(h).attendance[people[0].id] == Attendance(status: .present, time: t(18, 20)))
        // Échap: nothing recorded for the second member.
        h.press([.char("p")])
        #expect(h.form?.title == "Arrivée de " + people[1].name)
        h.press([.escape])
        #expect(h.app.top.kind == .attendance)
        #expect(h.written.count == 1 && meeting(h).attendance[people[1].id] == nil)
        // The first one leaves at 19 h 05.
        h.press([.home, .char("a")])
        #expect(h.form?.fields[0].label == "Départ à")
        h.press([.ctrl("u")]); h.type("19h05"); h.press([.enter])
        var a = meeting(h).attendance[people[0].id]
        #expect(a?.left == t(19, 5) && a?.arrived == t(18, 20) && a?.status == .absent)
        // Another change that is neither an arrival nor a departure asks nothing.
        h.press([.home, .down, .down, .char("e")])
        #expect(h.app.top.kind == .attendance)
        #expect(meeting(h).attendance[people[2].id]?.status == .excuse)
        // h: both times, corrected.
        h.press([.home, .char("h")])
        #expect(h.form?.title == "Heures de " + people[0].name)
        #expect(h.form?.fields.map(\.value) == [t(18, 20).french, t(19, 5).french])
        let before = h.written.count
        h.press([.f(2)])
        #expect(h.written.count == before, "rien n'a changé : rien n'est écrit")
        #expect(h.app.status?.text.contains("Rien à enregistrer") == true)
        h.press([.char("h"), .down, .ctrl("u")]); h.type("19h15"); h.press([.f(2)])
        a = meeting(h).attendance[people[0].id]
        #expect(a?.left == t(19, 15) && a?.arrived == t(18, 20))
        // The compte rendu says it.
        let md = (try? Export.minutes(h.domain, meeting: Self.seance, format: .md, options: ExportOptions(now: h.now)))?.text ?? ""
        #expect(md.contains("(depuis 18\u{00A0}h\u{00A0}20), parti") && md.contains("à 19\u{00A0}h\u{00A0}15"), "\(md)")
        // A departure before the arrival is refused, on the form.
        h.press([.char("h"), .down, .ctrl("u")]); h.type("18h10"); h.press([.f(2)])
        #expect(h.form?.error?.contains("ne peut précéder l'arrivée") == true)
    }

    @Test("Held live, F4 takes the clock and asks nothing")
    func liveAsksNothing() {
        var h = Harness()
        h.now = Timestamp(journalValue: "2010-02-02T18:07:00+01:00")!
        h.press([.enter, .tab, .enter])
        h.type("Ouverture"); h.press([.enter, .enter])
        h.now = Timestamp(journalValue: "2010-02-02T18:25:00+01:00")!
        h.press([.f(4), .char("p")])
        #expect(h.app.top.kind == .attendance)
        #expect(h.domain.meetings[Self.seance]!.attendanceLog.last?.time == t(18, 25))
    }

    @Test("F8/F9: a new point asks when it started; going back and forth to points already started moves no clock")
    func itemStarts() {
        var h = opened()
        let agenda = meeting(h).agenda
        h.press([.f(9)])
        #expect(h.form?.fields[0].label == "Point 2 commencé à")
        let planned = h.domain.agendaItems[agenda[0]]?.plannedMinutes ?? 0
        #expect(h.form?.fields[0].value == LocalTime(hour: 18, minute: planned)!.french)
        h.press([.ctrl("u")]); h.type("18h30"); h.press([.enter])
        #expect(h.written.map(\.kind) == ["agenda.start"])
        #expect(meeting(h).currentItem == agenda[1])
        #expect(h.meeting?.workingItem(meeting(h)) == agenda[1])
        // Back to point 1 to add a line: no new start, the line goes to point 1.
        h.press([.f(8)])
        #expect(h.app.top.kind == .meeting)
        #expect(h.written.count == 1)
        #expect(h.app.status?.text.contains("son heure ne change pas") == true)
        h.type("Précision ajoutée après coup"); h.press([.enter])
        #expect(h.domain.notes(of: Self.seance).last?.item == agenda[0])
        h.press([.f(9)])
        #expect(h.app.top.kind == .meeting)
        #expect(h.written.map(\.kind) == ["agenda.start", "note.add"])
        #expect(h.domain.timeSpent(on: agenda[0], until: t(19, 0)) == 30 * 60)
        // Point 3: Échap stays on point 2; an empty time goes there without a start.
        h.press([.f(9), .escape])
        #expect(h.meeting?.workingItem(meeting(h)) == agenda[1])
        h.press([.f(9), .ctrl("u"), .enter])
        #expect(h.meeting?.workingItem(meeting(h)) == agenda[2])
        #expect(meeting(h).currentItem == agenda[1])
        #expect(h.written.count == 2)
        // Closed: F8/F9 only move what is shown.
        h.press([.ctrl("t")]); h.press([.ctrl("u")]); h.type("19h00"); h.press([.enter])
        #expect(meeting(h).state == .closed)
        let written = h.written.count
        h.press([.f(8), .f(8), .f(9)])
        #expect(h.written.count == written)
        #expect(h.app.top.kind == .meeting)
    }

    @Test("Tab and ↓ on a form's last field go round to the first; only Entrée or F2 save")
    func tabNeverSaves() {
        var h = Harness()
        h.press([.char("n")])
        #expect(h.form?.title == "Nouveau comité")
        h.type("Comité de test")
        let count = h.form!.fields.count
        h.press(Array(repeating: .tab, count: count - 1))
        #expect(h.form?.focus == count - 1)
        h.press([.tab])
        #expect(h.form?.focus == 0)
        h.press([.up])
        #expect(h.form?.focus == count - 1)
        h.press([.down])
        #expect(h.form?.focus == 0 && h.written.isEmpty)
        h.press([.up, .enter])
        #expect(h.written.map(\.kind) == ["committee.create"])
    }

    @Test("F12 saved with nothing changed writes nothing (the committee's president and secrétaire are not the séance's)")
    func editMeetingUnchanged() {
        var h = opened()
        h.press([.ctrl("t"), .enter])
        #expect(meeting(h).state == .closed)
        let before = h.written.count
        h.press([.f(12)])
        #expect(h.form?.title == "Modifier la séance")
        h.press(Array(repeating: .tab, count: h.form!.fields.count + 2))
        #expect(h.form != nil)
        h.press([.f(2)])
        #expect(h.written.count == before)
        #expect(h.app.status?.text.contains("Rien à enregistrer") == true)
        // One change writes that field only.
        h.press([.f(12), .tab, .tab]); h.press([.ctrl("u")]); h.type("Salle des fêtes"); h.press([.f(2)])
        #expect(h.written.count == before + 1)
        let edit = h.written.last!
        #expect(edit.kind == "seance.edit" && edit.value(.place) == "Salle des fêtes")
        #expect(edit.value(.president) == nil && edit.value(.secretary) == nil && edit.value(.closing) == nil)
    }

    @Test("F12 corrects when a point started: the séance's form lists each point taken up")
    func correctPointStart() throws {
        var h = Harness()
        h.press([.enter, .tab, .down, .enter])   // COPIL n°3, closed
        h.press([.f(12)])
        let fields = try #require(h.form?.fields)
        let index = try #require(fields.firstIndex { $0.label == "Point 2 commencé à" })
        let item = try #require(h.domain.meetings["sea-copil-3"]?.agenda[1])
        let before = try #require(h.domain.meetings["sea-copil-3"]?.itemLog.last { $0.item == item }?.time)
        #expect(fields[index].value == before.french)
        h.press(Array(repeating: .tab, count: index) + [.ctrl("u")]); h.type("18h20"); h.press([.f(2)])
        #expect(h.written.map(\.kind).contains("agenda.edit"))
        #expect(h.domain.meetings["sea-copil-3"]?.itemLog.last { $0.item == item }?.time == LocalTime(hour: 18, minute: 20))
        #expect(h.domain.meetings["sea-copil-3"]?.state == .closed)
    }

    @Test("Ctrl+P proposes the document and format chosen last time")
    func exportRemembered() {
        var h = opened()
        h.press([.ctrl("p")])
        #expect(Array(h.form!.fields.map(\.value).prefix(2)) == ["odt", SeanceDocument.minutes.rawValue])
        h.press([.right, .right, .tab, .right])   // HTML, relevé de décisions
        let chosen = Array(h.form!.fields.map(\.value).prefix(2))
        h.press([.f(2)])
        guard case .export(_, let document, let format, _) = h.lastEffects.first else { Issue.record("pas d'export"); return }
        h.send(.exported(path: "/tmp/x", error: nil))
        #expect([format.rawValue, document.rawValue] == chosen)
        #expect(h.app.top.kind == .meeting)
        h.press([.ctrl("p")])
        #expect(Array(h.form!.fields.map(\.value).prefix(2)) == chosen)
    }
}

/// Every form's labels, choices and hints are seen whole at 80×24 (the program's words: a name
/// from the journal, an axis's title or a funder's, may be longer than any field).
@Suite("Forms at 80 columns")
struct FormWidthTests {
    func forms() -> [FormState] {
        let st = demoState
        let m = st.meetings["sea-copil-4"]!, closed = st.meetings.values.first { $0.state == .closed }!
        let member = st.members["mem-copil-01"]!
        let committee = st.committees["com-copil"]!
        let d = st.decisions.values.first!, f = st.followUps.values.first!, note = st.notes.values.first!
        let action = st.actions.values.first!
        let item = st.agendaItems[m.agenda[0]]!
        let now = LocalTime(hour: 9, minute: 30)!
        var out: [FormState] = [
            .project(nil, purpose: .createProject), .project(st.project, purpose: .editProject), .axis(nil, next: 1),
            .committee(nil, axes: Array(st.axes.values)), .committee(committee, axes: Array(st.axes.values)),
            .member(nil, committee: "com-copil"), .member(member, committee: "com-copil", elsewhere: ["Comité technique n°1"]),
            .seat(member, committee: "com-ct1", st), .saveAs(suggestion: "/tmp/journal-copie.seance"),
            .newMeeting(committee: "com-copil", today: fixedNow.localDate), .agendaItem(meeting: m.id, nil), .agendaItem(meeting: m.id, item),
            .decision(meeting: m.id, item: item.id), .correctDecision(d, st), .editFollowUp(f, st), .followUpDone(f, today: fixedNow.localDate),
            .editMeeting(m, st), .editMeeting(closed, st), .openMeeting(m.id, proposed: now, line: nil),
            .openMeeting(m.id, proposed: now, line: PendingLine(text: "x")), .closeMeeting(m.id, proposed: now),
            .convocationSent(m.id, today: fixedNow.localDate), .followUp(meeting: m.id, item: nil), .guest(meeting: m.id),
            .correctNote(note), .export(meeting: m.id, folder: "/tmp"), .progress(action: action.id),
            .action(nil, st), .action(action, st), .financing(action),
            .importFile(committees: Array(st.committees.values), selected: nil),
            .weights(ranking: "rk", criteria: WeightedGrid.sustainableDevelopment), .envelope(ranking: "rk", current: nil),
            .ballot(ranking: "rk", member: member, current: ""),
            .attendanceTime(meeting: m.id, member: member, status: .present, proxy: nil, proposed: now),
            .attendanceTime(meeting: m.id, member: member, status: .absent, proxy: nil, proposed: now),
            .correctAttendanceTime(meeting: m, member: member, Attendance(status: .absent, time: now, left: now, arrived: now)),
            .itemStart(meeting: m.id, item: item, number: 12, proposed: now),
        ]
        for c in WeightedGrid.sustainableDevelopment {
            out.append(.score(ranking: "rk", action: action.id, title: action.title, criterion: c, current: nil))
        }
        return out
    }

    @Test("No label, choice or hint of a form is cut at 80×24")
    func nothingCut() {
        var problems: [String] = []
        for form in forms() {
            for i in form.fields.indices {
                var f = form
                f.focus = i
                let field = f.fields[i]
                let fromJournal = ["axis", "committee"].contains(field.key) || field.key.hasPrefix("f:")
                var expected: [String] = fromJournal ? [] : [field.label]
                if !field.hint.isEmpty { expected.append(field.hint) }
                let options: Int
                if case .choice(let o, _) = field.kind { options = o.count } else { options = 1 }
                for sel in 0..<options {
                    var shown = expected
                    if case .choice(let o, _) = field.kind {
                        f.fields[i].kind = .choice(options: o, selected: sel)
                        shown = fromJournal ? [] : [field.label, o[sel].label + " ▶"]
                    }
                    let state = AppState(screens: [.dashboard(DashboardState()), .form(f)])
                    let text = App.view(state, context(), width: 80, height: 24).text
                    for s in shown where !text.contains(s) { problems.append("« \(form.title) » : « \(s) »") }
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }
}

@Suite("Exporting again")
struct ExportAgainTests {
    @Test("A document exported again into the same folder is « … (2).pdf »; the first stays")
    func secondExport() throws {
        let dir = NSTemporaryDirectory() + "seance-export-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(Runtime.freeName(in: dir, "compte-rendu_copil.pdf") == dir + "/compte-rendu_copil.pdf")
        FileManager.default.createFile(atPath: dir + "/compte-rendu_copil.pdf", contents: Data())
        #expect(Runtime.freeName(in: dir, "compte-rendu_copil.pdf") == dir + "/compte-rendu_copil (2).pdf")
        FileManager.default.createFile(atPath: dir + "/compte-rendu_copil (2).pdf", contents: Data())
        #expect(Runtime.freeName(in: dir, "compte-rendu_copil.pdf") == dir + "/compte-rendu_copil (3).pdf")
    }
}

@Suite("A long field once left")
struct LongFieldTests {
    @Test("A field longer than its box shows its beginning once the cursor has left it")
    func beginningShown() {
        var h = Harness()
        h.press([.enter, .char("n")])
        h.type("DEBUT-DU-NOM " + String(repeating: "x", count: 90) + " FIN-DU-NOM")
        #expect(App.view(h.app, h.ctx, width: 80, height: 24).text.contains("FIN-DU-NOM"))   // typing: the end
        h.press([.tab])
        let screen = App.view(h.app, h.ctx, width: 80, height: 24).text
        #expect(screen.contains("DEBUT-DU-NOM") && !screen.contains("FIN-DU-NOM"))
    }
}

@Suite("The key bar of a read-only copy")
struct ReadOnlyBarTests {
    @Test("A read-only copy of a séance offers reading keys only: no Ctrl+T, no décision, no présence to mark")
    func readingKeysOnly() {
        var h = Harness()
        h.press([.enter, .tab, .enter])   // COPIL n°4, to come
        guard case .meeting(let m) = h.app.top, let meeting = h.domain.meetings[m.meeting] else { Issue.record("pas la séance"); return }
        let writing = App.meetingKeysNeeded(m, meeting, context(h.domain, writable: true))
        let reading = App.meetingKeysNeeded(m, meeting, context(h.domain, writable: false))
        #expect(writing.contains(.nextItem))
        #expect(!reading.contains(.closeMeeting) && !reading.contains(.decision) && !reading.contains(.followUp))
        #expect(reading.contains(.exportMinutes) && reading.contains(.back))
    }
}

@Suite("No convocation warning on a séance written up")
struct PastConvocationTests {
    @Test("Once the séance's day has passed, its header says nothing of a convocation to send")
    func pastSeance() throws {
        let st = demoState
        let m = try #require(st.meetings["sea-copil-4"])   // to come, the COPIL's rule: 5 jours francs
        let before = LocalDate(daysSinceEpoch: m.date.daysSinceEpoch - 1)
        let after = LocalDate(daysSinceEpoch: m.date.daysSinceEpoch + 1)
        #expect(!App.convocationLine(m, st, today: before).isEmpty)
        #expect(App.convocationLine(m, st, today: after).isEmpty)
    }
}
