import Testing
@testable import SeanceModel

@Suite("The state is the fold of the events")
struct FoldTests {
    var n = 0
    mutating func e(_ kind: String, _ entity: String, _ fields: [(String, String)] = []) -> Event {
        n += 1
        return event(kind, entity, fields, n: n)
    }

    mutating func base() -> [Event] {
        [
            e("project.set", "project", [("name", "CCS Saint-Flour"), ("envelope", "1750000.00"), ("start", "2010-01-01")]),
            e("axis.add", "axis-3", [("number", "3"), ("title", "Mixité sociale et résidentielle")]),
            e("committee.create", "com-copil", [("name", "Comité de pilotage"), ("kind", "pilotage")]),
            e("committee.create", "com-ct3", [("name", "Groupe logement"), ("kind", "technique"), ("axis", "axis-3"), ("quorum", "tiers"), ("majority", "deux_tiers")]),
            e("member.add", "mem-1", [("committee", "com-copil"), ("name", "MARTIN Sophie"), ("role", "elu")]),
            e("member.add", "mem-2", [("committee", "com-copil"), ("name", "ROUX Paul"), ("role", "expert"), ("voting", "non")]),
            e("member.add", "mem-3", [("committee", "com-copil"), ("name", "BLANC Anne"), ("role", "administrateur")]),
            e("seance.create", "sea-1", [("committee", "com-copil"), ("date", "2009-06-16"), ("time", "14:30"), ("place", "Mairie")]),
            e("agenda.add", "item-1", [("seance", "sea-1"), ("title", "Diagnostic"), ("kind", "information"), ("duration", "30")]),
            e("agenda.add", "item-2", [("seance", "sea-1"), ("title", "Orientations"), ("kind", "decision"), ("duration", "45")]),
            e("agenda.add", "item-0", [("seance", "sea-1"), ("title", "Accueil"), ("position", "1")]),
        ]
    }

    @Test mutating func projectCommitteesMembers() {
        let (s, problems) = ProjectState.fold(base())
        #expect(problems.isEmpty)
        #expect(s.project?.envelope == Money(euros: 1_750_000))
        #expect(s.project?.timeZone == "Europe/Paris")
        #expect(s.activeCommittees.map(\.id) == ["com-copil", "com-ct3"])
        let ct3 = s.committees["com-ct3"]!
        #expect(ct3.axis == "axis-3" && ct3.quorum == .third && ct3.majority == .deux_tiers)
        #expect(s.members(of: "com-copil").map(\.name) == ["MARTIN Sophie", "ROUX Paul", "BLANC Anne"])
        #expect(s.votingMembers(of: "com-copil").count == 2)
        #expect(s.meetings["sea-1"]?.number == 1)
        #expect(s.meetings["sea-1"]?.agenda == ["item-0", "item-1", "item-2"])
    }

    @Test mutating func editsAndRetirements() {
        var events = base()
        events += [
            e("member.edit", "mem-2", [("voting", "oui"), ("organisation", "DDCSPP")]),
            e("member.retire", "mem-3"),
            e("committee.edit", "com-ct3", [("name", "Groupe « Logement »"), ("axis", "")]),
            e("axis.edit", "axis-3", [("title", "Mixité")]),
            e("project.set", "project", [("territory", "Saint-Flour (Cantal)")]),
        ]
        let (s, problems) = ProjectState.fold(events)
        #expect(problems.isEmpty)
        #expect(s.members["mem-2"]?.voting == true && s.members["mem-2"]?.organisation == "DDCSPP")
        #expect(s.members(of: "com-copil").map(\.id) == ["mem-1", "mem-2"])
        #expect(s.members["mem-3"]?.retired == true)
        #expect(s.committees["com-ct3"]?.name == "Groupe « Logement »" && s.committees["com-ct3"]?.axis == nil)
        #expect(s.axes["axis-3"]?.title == "Mixité")
        #expect(s.project?.name == "CCS Saint-Flour" && s.project?.territory == "Saint-Flour (Cantal)")
    }

    @Test("Last and next séance: the latest held and the soonest planned, by date, time and number")
    mutating func lastAndNext() {
        var events = base()
        // sea-1 (16 June 2009) is planned in base(); these are dated out of order on purpose.
        for (id, date, time) in [("sea-a", "2009-09-01", "18:00"), ("sea-b", "2009-09-01", "09:00"), ("sea-c", "2009-12-01", ""),
                                 ("sea-d", "2010-03-01", "10:00"), ("sea-e", "2010-02-01", "10:00"), ("sea-f", "2010-02-01", "10:00")] {
            var f = [("committee", "com-copil"), ("date", date)]
            if !time.isEmpty { f.append(("time", time)) }
            events.append(e("seance.create", id, f))
        }
        for id in ["sea-1", "sea-a", "sea-b"] { events += [e("seance.open", id), e("seance.close", id, [("time", "20:00")])] }
        events.append(e("seance.open", "sea-c"))
        var (s, problems) = ProjectState.fold(events)
        #expect(problems.isEmpty)
        // The same questions asked of the sorted list, as the screens asked them before.
        let sorted = s.meetings(of: "com-copil")
        #expect(s.lastMeeting(of: "com-copil")?.id == sorted.first { $0.state == .closed || $0.state == .inProgress }?.id)
        #expect(s.lastMeeting(of: "com-copil")?.id == "sea-c")
        #expect(s.nextMeeting(of: "com-copil")?.id == sorted.last { $0.state == .planned }?.id)
        #expect(["sea-e", "sea-f"].contains(s.nextMeeting(of: "com-copil")?.id ?? ""))
        #expect(s.lastMeeting(of: "com-ct3") == nil && s.nextMeeting(of: "com-ct3") == nil)
        events.append(e("seance.close", "sea-c", [("time", "20:00")]))
        s = ProjectState.fold(events).0
        #expect(s.lastMeeting(of: "com-copil")?.id == "sea-c")
        // Ties (same date, time and number, which the journal allows) go as the sorted list had
        // them: the first added for the last séance, the last added for the next one.
        for id in ["sea-x", "sea-y"] {
            events.append(e("seance.create", id, [("committee", "com-ct3"), ("date", "2011-01-01"), ("time", "10:00"), ("number", "7")]))
        }
        events += [e("seance.create", "sea-u", [("committee", "com-ct3"), ("date", "2010-01-01"), ("number", "7")]),
                   e("seance.create", "sea-v", [("committee", "com-ct3"), ("date", "2010-01-01"), ("number", "7")]),
                   e("seance.open", "sea-u"), e("seance.close", "sea-u", [("time", "12:00")]),
                   e("seance.open", "sea-v"), e("seance.close", "sea-v", [("time", "12:00")])]
        s = ProjectState.fold(events).0
        let ct3 = s.meetings(of: "com-ct3")
        #expect(s.nextMeeting(of: "com-ct3")?.id == ct3.last { $0.state == .planned }?.id)
        #expect(s.lastMeeting(of: "com-ct3")?.id == ct3.first { $0.state == .closed }?.id)
    }

    @Test mutating func meetingLifeCycle() {
        var events = base()
        events += [
            e("seance.open", "sea-1", [("time", "14:35")]),
            e("attendance.set", "sea-1", [("member", "mem-1"), ("status", "present")]),
            e("attendance.set", "sea-1", [("member", "mem-3"), ("status", "pouvoir"), ("proxy", "mem-1")]),
            e("note.add", "note-1", [("seance", "sea-1"), ("item", "item-1"), ("text", "Présentation du diagnostic."), ("speaker", "mem-1")]),
            e("note.correct", "note-1", [("text", "Présentation du diagnostic territorial.")]),
            e("decision.record", "dec-1", [("seance", "sea-1"), ("item", "item-2"), ("text", "Orientations validées"), ("outcome", "valide"), ("for", "2"), ("against", "0"), ("abstention", "0"), ("voters_present", "2"), ("quorum_met", "oui")]),
            e("followup.add", "fol-1", [("seance", "sea-1"), ("what", "Envoyer le diagnostic"), ("owner", "mem-1"), ("due", "2009-07-01")]),
            e("seance.close", "sea-1", [("time", "16:40")]),
        ]
        var (s, problems) = ProjectState.fold(events)
        #expect(problems.isEmpty)
        let m = s.meetings["sea-1"]!
        #expect(m.state == .closed && m.endTime == LocalTime(hour: 16, minute: 40))
        #expect(m.attendance["mem-3"] == Attendance(status: .pouvoir, proxy: "mem-1", time: nil))
        #expect(s.notes["note-1"]?.text == "Présentation du diagnostic territorial.")
        #expect(s.notes["note-1"]?.corrections == 1)
        #expect(s.decisions["dec-1"]?.votesFor == 2)
        #expect(s.openFollowUps.map(\.id) == ["fol-1"])
        #expect(s.lastMeeting(of: "com-copil")?.id == "sea-1")

        // A closed séance is read-only until reopened, and the reopening is an event too.
        let refused = s.apply(e("note.add", "note-2", [("seance", "sea-1"), ("text", "Trop tard")]))
        #expect(refused?.message.contains("close") == true)
        #expect(s.notes["note-2"] == nil)
        #expect(s.apply(e("seance.reopen", "sea-1", [("reason", "oubli")])) == nil)
        #expect(s.apply(e("note.add", "note-2", [("seance", "sea-1"), ("text", "Ajout après réouverture")])) == nil)
        #expect(s.apply(e("followup.done", "fol-1", [("date", "2009-06-30")])) == nil)
        #expect(s.openFollowUps.isEmpty)
    }

    @Test mutating func actionsAndFinancing() {
        var events = base()
        events += [
            e("action.create", "act-1", [("title", "Précarité énergétique"), ("axis", "axis-3"), ("committee", "com-ct3"), ("cost", "48500.00"), ("porteur", "Ville")]),
            e("action.financing", "act-1", [("financer", "Ville de Saint-Flour"), ("amount", "28500.00")]),
            e("action.financing", "act-1", [("financer", "ANAH"), ("amount", "15000.00")]),
        ]
        var (s, problems) = ProjectState.fold(events)
        #expect(problems.isEmpty)
        #expect(s.actions["act-1"]?.financingGap == Money(euros: 5000))
        _ = s.apply(e("action.financing", "act-1", [("financer", "ANAH"), ("amount", "20000.00")]))
        #expect(s.actions["act-1"]?.financingGap == .zero)
        _ = s.apply(e("action.financing", "act-1", [("financer", "ANAH"), ("amount", "0.00")]))
        #expect(s.actions["act-1"]?.financing.map(\.financer) == ["Ville de Saint-Flour"])
        _ = s.apply(e("action.edit", "act-1", [("status", "retenue")]))
        #expect(s.actions["act-1"]?.status == .retenue)
    }

    @Test("Refused events are reported with their line and leave the state unchanged")
    mutating func refusals() {
        var events = base()
        events += [
            e("member.add", "mem-1", [("committee", "com-copil"), ("name", "Doublon")]),
            e("member.add", "mem-9", [("committee", "com-inconnu"), ("name", "X")]),
            e("seance.create", "sea-2", [("committee", "com-copil"), ("date", "15/12/2009")]),
            e("action.create", "act-1", [("title", "T"), ("cost", "12,50")]),
            e("committee.create", "com-x", [("name", "X"), ("kind", "plénière")]),
            e("member.edit", "mem-1", [("voting", "peut-être")]),
        ]
        let (s, problems) = ProjectState.fold(events)
        #expect(problems.map(\.line) == [13, 14, 15, 16, 17, 18])
        #expect(problems[0].message.contains("existe déjà"))
        #expect(problems[1].message.contains("com-inconnu"))
        #expect(problems[2].message.contains("AAAA-MM-JJ"))
        #expect(problems[3].message.contains("1234.56"))
        #expect(problems[4].message.contains("pilotage, technique, autre"))
        #expect(s.members["mem-1"]?.name == "MARTIN Sophie")
        #expect(s.members["mem-1"]?.voting == true)
        #expect(s.meetings["sea-2"] == nil && s.actions["act-1"] == nil)
    }

    @Test func quorumRules() {
        #expect(QuorumRule.majority.required(outOf: 16) == 9)
        #expect(QuorumRule.majority.required(outOf: 15) == 8)
        #expect(QuorumRule.third.required(outOf: 16) == 6)
        #expect(QuorumRule.none.required(outOf: 16) == 0)
        #expect(QuorumRule(journalValue: "7") == .count(7))
        #expect(QuorumRule(journalValue: "beaucoup") == nil)
    }
}
