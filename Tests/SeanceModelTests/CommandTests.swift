import Foundation
import Testing
@testable import SeanceModel

/// The secretary's acts as commands of the model, without any screen: the events each produces,
/// and each refusal with its French reason.
@Suite("Domain commands")
struct CommandTests {
    static let demo: ProjectState = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../data/demo/saint-flour.seance").standardized.path
        return try! JournalSession.load(path: path).0
    }()

    /// Ids made in order: `sea-1`, `item-2`…


    let t = LocalTime(hour: 18, minute: 5)!

    func kinds(_ r: CommandResult) -> [String] { (try? r.get().map(\.kind)) ?? ["refus: \(r)"] }
    func refusal(_ r: CommandResult) -> String? { if case .failure(let f) = r { f.message } else { nil } }

    // MARK: - Séances

    @Test("Preparing a séance carries the committee's open follow-ups into its first agenda item")
    func prepare() throws {
        let ids = TestIDs()
        let r = Commands.prepareMeeting(Self.demo, committee: "com-copil", date: LocalDate(year: 2010, month: 3, day: 16)!,
                                        time: LocalTime(hour: 18, minute: 30), place: "Mairie", title: "Lancement", makeID: ids.make)
        #expect(kinds(r) == ["seance.create", "agenda.add"])
        let drafts = try r.get()
        #expect(drafts[0].value(.date) == "2010-03-16" && drafts[0].value(.time) == "18:30")
        #expect(drafts[1].value(.title) == "Suivi des décisions précédentes")
        let open = Self.demo.openFollowUps.filter { Self.demo.meetings[$0.meeting]?.committee == "com-copil" }
        #expect(!open.isEmpty)
        #expect(drafts[1].value(.details)?.contains(open[0].what) == true)
        let st = try applying(Self.demo, r)
        #expect(st.meetings["sea-1"]?.number == 5)
        #expect(st.meetings["sea-1"]?.agenda == ["item-2"])
        #expect(refusal(Commands.prepareMeeting(Self.demo, committee: "com-x", date: LocalDate(year: 2010, month: 3, day: 16)!,
                                                time: nil, place: "", title: "", makeID: ids.make)) == "Comité inconnu « com-x ».")
    }

    @Test("The first line of a séance opens it and starts its first item; a closed séance refuses lines")
    func noteOpensSeance() throws {
        let ids = TestIDs()
        let r = Commands.addNote(Self.demo, meeting: "sea-copil-4", item: nil, text: "  Le maire ouvre la séance.  ", speaker: "mem-copil-01",
                                 at: t, makeID: ids.make)
        #expect(kinds(r) == ["seance.open", "agenda.start", "note.add"])
        #expect(try r.get()[2].value(.text) == "Le maire ouvre la séance.")
        var st = try applying(Self.demo, r)
        #expect(st.meetings["sea-copil-4"]?.state == .inProgress)
        // The next line adds only the note.
        #expect(kinds(Commands.addNote(st, meeting: "sea-copil-4", item: nil, text: "Suite", speaker: nil, at: t, makeID: ids.make)) == ["note.add"])
        #expect(refusal(Commands.addNote(st, meeting: "sea-copil-4", item: nil, text: "   ", speaker: nil, at: t, makeID: ids.make)) == "Ligne vide : rien à enregistrer.")
        st = try applying(st, Commands.close(st, meeting: "sea-copil-4", at: LocalTime(hour: 20, minute: 0)!))
        #expect(st.meetings["sea-copil-4"]?.state == .closed)
        #expect(refusal(Commands.addNote(st, meeting: "sea-copil-4", item: nil, text: "Après", speaker: nil, at: t, makeID: ids.make))
                == "Séance close : lecture seule. Ctrl+R pour la rouvrir.")
        #expect(refusal(Commands.close(st, meeting: "sea-copil-4", at: t)) != nil)
        #expect(kinds(Commands.reopen(st, meeting: "sea-copil-4", reason: "correction")) == ["seance.reopen"])
        #expect(refusal(Commands.reopen(Self.demo, meeting: "sea-copil-4", reason: "x")) == "Cette séance n'est pas close.")
    }

    @Test("Closing a séance where nothing was recorded opens it first; starting an item opens it too")
    func closeAndStart() throws {
        #expect(kinds(Commands.close(Self.demo, meeting: "sea-copil-4", at: t)) == ["seance.open", "seance.close"])
        let item = Self.demo.meetings["sea-copil-4"]!.agenda[1]
        let r = Commands.startItem(Self.demo, meeting: "sea-copil-4", item: item, at: t)
        #expect(kinds(r) == ["seance.open", "agenda.start"])
        #expect(try r.get()[1].entity == item)
        #expect(refusal(Commands.startItem(Self.demo, meeting: "sea-copil-4", item: "item-copil-1-1", at: t))
                == "Ce point n'est pas à l'ordre du jour de la séance.")
    }

    @Test("Notes are corrected and deleted through commands; an unchanged text writes nothing")
    func correctNote() throws {
        let ids = TestIDs()
        let st = try applying(Self.demo, Commands.addNote(Self.demo, meeting: "sea-copil-4", item: nil, text: "Texte", speaker: nil, at: t, makeID: ids.make))
        let note = try #require(st.notes(of: "sea-copil-4").last)
        #expect(kinds(Commands.correctNote(st, note: note.id, text: "Texte corrigé")) == ["note.correct"])
        #expect(kinds(Commands.correctNote(st, note: note.id, text: "Texte")) == [])
        #expect(refusal(Commands.correctNote(st, note: note.id, text: " ")) != nil)
        #expect(kinds(Commands.deleteNote(st, note: note.id)) == ["note.delete"])
        #expect(refusal(Commands.deleteNote(st, note: "note-x")) == "Ligne inconnue.")
    }

    // MARK: - Agenda

    @Test("Agenda items: a presenter typed as a member's name is stored as that member; an edit writes only what changed")
    func agenda() throws {
        let ids = TestIDs()
        let add = Commands.addAgendaItem(Self.demo, meeting: "sea-copil-4",
                                         Commands.AgendaFields(title: "Point d'étape", kind: .debat, presenter: "martin sophie", minutes: 20), makeID: ids.make)
        let d = try add.get()[0]
        #expect(d.kind == "agenda.add" && d.value(.presenter) == "mem-copil-01" && d.value(.duration) == "20")
        #expect(refusal(Commands.addAgendaItem(Self.demo, meeting: "sea-copil-4", Commands.AgendaFields(title: " "), makeID: ids.make)) == "L'intitulé est obligatoire.")
        #expect(refusal(Commands.addAgendaItem(Self.demo, meeting: "sea-copil-4", Commands.AgendaFields(title: "X", minutes: 99_999), makeID: ids.make))
                == "La durée est un nombre de minutes, par exemple 20.")
        let itemID = Self.demo.meetings["sea-copil-4"]!.agenda[0]
        let item = Self.demo.agendaItems[itemID]!
        let same = Commands.AgendaFields(title: item.title, kind: item.kind, presenter: item.presenter, minutes: item.plannedMinutes)
        #expect(kinds(Commands.editAgendaItem(Self.demo, item: itemID, same)) == [])
        var changed = same; changed.title = "Nouveau titre"
        let edit = try Commands.editAgendaItem(Self.demo, item: itemID, changed).get()
        #expect(edit.count == 1 && edit[0].fields.map(\.key) == ["title"])
        #expect(kinds(Commands.moveAgendaItem(Self.demo, item: itemID, to: 2)) == ["agenda.move"])
        #expect(refusal(Commands.moveAgendaItem(Self.demo, item: itemID, to: 0)) == "Position impossible.")
        #expect(kinds(Commands.removeAgendaItem(Self.demo, item: itemID)) == ["agenda.remove"])
        // A closed séance of the demo refuses its agenda.
        #expect(refusal(Commands.removeAgendaItem(Self.demo, item: "item-copil-1-1")) == "Séance close : lecture seule. Ctrl+R pour la rouvrir.")
    }

    // MARK: - Attendance

    @Test("Attendance: a time only when the séance is held; a pouvoir needs someone else to carry it")
    func attendance() throws {
        let before = try Commands.setAttendance(Self.demo, meeting: "sea-copil-4", member: "mem-copil-02", status: .present, at: t).get()
        #expect(before[0].value(.time) == nil)
        let ids = TestIDs()
        let held = try applying(Self.demo, Commands.addNote(Self.demo, meeting: "sea-copil-4", item: nil, text: "Ouverture", speaker: nil, at: t, makeID: ids.make))
        let during = try Commands.setAttendance(held, meeting: "sea-copil-4", member: "mem-copil-02", status: .present, at: t).get()
        #expect(during[0].value(.time) == "18:05")
        // The mandataire must be there: mem-copil-02 is marked present first.
        let there = try applying(held, .success(during))
        let proxy = try Commands.setAttendance(there, meeting: "sea-copil-4", member: "mem-copil-03", status: .pouvoir, proxy: "mem-copil-02", at: t).get()
        #expect(proxy[0].value(.proxy) == "mem-copil-02")
        #expect(refusal(Commands.setAttendance(held, meeting: "sea-copil-4", member: "mem-copil-03", status: .pouvoir, at: t))
                == "Un pouvoir se donne à un membre présent : choisissez lequel.")
        #expect(refusal(Commands.setAttendance(held, meeting: "sea-copil-4", member: "mem-copil-03", status: .pouvoir, proxy: "mem-copil-03", at: t))
                == "Un membre ne peut pas se donner pouvoir à lui-même.")
        #expect(refusal(Commands.setAttendance(held, meeting: "sea-copil-4", member: "mem-x", status: .present, at: t)) == "Membre inconnu « mem-x ».")
        let guest = Commands.addGuest(held, meeting: "sea-copil-4", name: "DUPONT Jean", organisation: "", at: t, makeID: ids.make)
        #expect(kinds(guest) == ["guest.add", "attendance.set"])
    }

    // MARK: - Decisions and follow-ups

    /// sea-copil-4 held, with `present` voting members present.
    func held(present: Int) throws -> ProjectState {
        let ids = TestIDs()
        var st = try applying(Self.demo, Commands.addNote(Self.demo, meeting: "sea-copil-4", item: nil, text: "Ouverture", speaker: nil, at: t, makeID: ids.make))
        for m in st.votingMembers(of: "com-copil").prefix(present) {
            st = try applying(st, Commands.setAttendance(st, meeting: "sea-copil-4", member: m.id, status: .present, at: t))
        }
        return st
    }

    @Test("A vote: the outcome follows the majority rule, the quorum and the voters present are written; an override keeps the computed outcome")
    func decision() throws {
        let st = try held(present: 9)
        let ids = TestIDs()
        let r = try Commands.recordDecision(st, meeting: "sea-copil-4", item: nil, text: "Le comité valide", vote: .counts(VoteCount(votesFor: 7, against: 1, abstention: 1)),
                                            outcome: nil, makeID: ids.make).get()[0]
        #expect(r.value(.outcome) == "valide" && r.value(.votersPresent) == "9" && r.value(.quorumMet) == "oui")
        #expect(r.value(.present)?.split(separator: ",").count == 9)
        #expect(r.value(.computed) == nil)
        let over = try Commands.recordDecision(st, meeting: "sea-copil-4", item: nil, text: "Ajourné malgré le vote",
                                               vote: .counts(VoteCount(votesFor: 5, against: 2, abstention: 0)), outcome: .ajourne, makeID: ids.make).get()[0]
        #expect(over.value(.outcome) == "ajourne" && over.value(.computed) == "valide")
        let rejected = try Commands.recordDecision(st, meeting: "sea-copil-4", item: nil, text: "Rejeté",
                                                   vote: .counts(VoteCount(votesFor: 2, against: 5, abstention: 0)), outcome: nil, makeID: ids.make).get()[0]
        #expect(rejected.value(.outcome) == "rejete")
        #expect(try Commands.recordDecision(st, meeting: "sea-copil-4", item: nil, text: "Unanime", vote: .unanimous, outcome: nil, makeID: ids.make).get()[0].value(.unanimous) == "oui")
    }

    @Test("Each refusal of a decision says why")
    func decisionRefusals() throws {
        let st = try held(present: 3)
        let ids = TestIDs()
        func record(_ vote: Commands.Vote, _ outcome: DecisionOutcome? = nil, text: String = "D") -> String? {
            refusal(Commands.recordDecision(st, meeting: "sea-copil-4", item: nil, text: text, vote: vote, outcome: outcome, makeID: ids.make))
        }
        #expect(record(.counts(VoteCount(votesFor: 3, against: 1, abstention: 0))) == "Le total des voix (4) dépasse les votes présents ou représentés (3).")
        #expect(record(.counts(VoteCount(votesFor: 0, against: 0, abstention: 0))) == "Indiquez les voix, ou choisissez « sans vote » ou « unanimité ».")
        #expect(record(.none) == "Sans vote, choisissez le résultat (validé, ajourné, rejeté, amendé).")
        #expect(record(.none, .ajourne) == nil)
        #expect(record(.unanimous, text: "  ") == "Le texte de la décision est obligatoire.")
        #expect(record(.counts(VoteCount(votesFor: -1, against: 0, abstention: 0))) == "Les voix sont des nombres entiers positifs.")
    }

    @Test("A follow-up's owner typed as a member's name is stored as the member; done once, with its date")
    func followUps() throws {
        let ids = TestIDs()
        let r = Commands.addFollowUp(Self.demo, meeting: "sea-copil-4", item: nil, what: "Envoyer le compte rendu", owner: "MARTIN Sophie",
                                     due: LocalDate(year: 2010, month: 3, day: 31), makeID: ids.make)
        let d = try r.get()[0]
        #expect(d.kind == "followup.add" && d.value(.owner) == "mem-copil-01" && d.value(.due) == "2010-03-31")
        #expect(refusal(Commands.addFollowUp(Self.demo, meeting: "sea-copil-4", item: nil, what: "", owner: "", due: nil, makeID: ids.make)) == "Indiquez ce qui est à faire.")
        let st = try applying(Self.demo, r)
        let done = Commands.markFollowUpDone(st, followUp: d.entity, on: LocalDate(year: 2010, month: 3, day: 20)!)
        #expect(kinds(done) == ["followup.done"])
        let after = try applying(st, done)
        #expect(refusal(Commands.markFollowUpDone(after, followUp: d.entity, on: LocalDate(year: 2010, month: 3, day: 21)!)) == "Cette suite est déjà faite.")
    }

    // MARK: - Rankings

    @Test("Opening, changing and adopting a ranking: the adoption is a decision of the séance naming the fiches in order")
    func ranking() throws {
        let ids = TestIDs()
        let open = Commands.openRanking(Self.demo, meeting: "sea-copil-4", item: nil, at: t, makeID: ids.make)
        #expect(kinds(open) == ["seance.open", "ranking.open", "ranking.envelope"])
        var st = try applying(Self.demo, open)
        let rid = try open.get()[1].entity
        let r = try #require(st.rankings[rid])
        #expect(kinds(Commands.setRankingMethod(st, ranking: rid, .manual)) == [])
        #expect(kinds(Commands.setRankingMethod(st, ranking: rid, .weighted)) == ["ranking.method"])
        st = try applying(st, Commands.setManualOrder(st, ranking: rid, r.actions.reversed()))
        let adoption = Commands.RankingAdoption(tiers: [[r.actions[1]], [r.actions[0]]], selected: [r.actions[1]], tieBreak: "")
        let adopt = Commands.adoptRanking(st, ranking: rid, adoption, makeID: ids.make)
        // The decision and the adoption, then each fiche still being chosen takes its status.
        #expect(Array(kinds(adopt).prefix(2)) == ["decision.record", "ranking.adopt"])
        #expect(kinds(adopt).dropFirst(2).allSatisfy { $0 == "action.edit" })
        let decision = try adopt.get()[0]
        #expect(decision.value(.text)?.contains("1. \(st.actions[r.actions[1]]!.title) ; 2. \(st.actions[r.actions[0]]!.title)") == true)
        #expect(try adopt.get()[1].value(.decision) == decision.entity)
        st = try applying(st, adopt)
        #expect(st.rankings[rid]?.adopted?.selected == [r.actions[1]])
        #expect(refusal(Commands.adoptRanking(st, ranking: rid, adoption, makeID: ids.make)) == "Ce classement est déjà adopté.")
        #expect(refusal(Commands.setEnvelope(st, ranking: rid, nil)) == "Ce classement est déjà adopté.")
        let again = Commands.rankAgain(st, after: rid, preset: WeightedGrid.sustainableDevelopment, makeID: ids.make)
        #expect(try again.get().first?.kind == "ranking.open")
    }

    // MARK: - Project, committees, members

    @Test("Reference records: required fields, edits of what changed, retirements")
    func references() throws {
        let ids = TestIDs()
        #expect(refusal(Commands.setProject(ProjectState(), [(.territory, "Bondy")], newAxes: [], makeID: ids.make)) == "Le nom du projet est obligatoire.")
        let p = try Commands.setProject(Self.demo, [], newAxes: ["Santé", "Mobilité"], makeID: ids.make).get()
        #expect(p.map(\.kind) == ["axis.add", "axis.add"])
        let highest = Self.demo.axes.values.map(\.number).max()!
        #expect(p[0].value(.number) == String(highest + 1) && p[1].value(.number) == String(highest + 2))
        #expect(refusal(Commands.createCommittee(Self.demo, [(.name, "X")], makeID: ids.make)) == "Le champ « kind » est obligatoire.")
        #expect(kinds(Commands.addMember(Self.demo, committee: "com-copil", [(.name, "DUPONT Jean")], makeID: ids.make)) == ["member.add"])
        #expect(refusal(Commands.addMember(Self.demo, committee: "com-x", [(.name, "DUPONT Jean")], makeID: ids.make)) == "Comité inconnu « com-x ».")
        #expect(kinds(Commands.edit(Self.demo, .memberEdit, "mem-copil-01", [])) == [])
        #expect(kinds(Commands.edit(Self.demo, .memberEdit, "mem-copil-01", [(.organisation, "CCAS")])) == ["member.edit"])
        #expect(refusal(Commands.edit(Self.demo, .memberEdit, "mem-x", [(.organisation, "CCAS")])) == "« mem-x » n'existe pas (ou plus).")
        #expect(kinds(Commands.retire(Self.demo, .committeeRetire, "com-copil")) == ["committee.retire"])
        #expect(refusal(Commands.retire(Self.demo, .memberEdit, "mem-copil-01")) != nil)
        #expect(refusal(Commands.recordProgress(Self.demo, action: Self.demo.actionOrder[0], percent: 120, indicator: "", value: "", comment: ""))
                == "L'avancement est un pourcentage de 0 à 100.")
        #expect(refusal(Commands.recordProgress(Self.demo, action: Self.demo.actionOrder[0], percent: nil, indicator: "x", value: "", comment: ""))
                == "Indiquez un pourcentage, la valeur d'un indicateur ou un commentaire.")
        #expect(kinds(Commands.setFinancing(Self.demo, action: Self.demo.actionOrder[0], financer: "CAF", amount: Money(euros: 1000))) == ["action.financing"])
    }
}
