import Foundation
import Testing
@testable import SeanceModel

/// Issue 14, the model's side: a séance keeps its own times; quorum, pouvoirs, casting vote,
/// recusal and departures as the rules say; an explicit opening that can be undone; every
/// record corrected through a command.
@Suite("Séance times, quorum rules and corrections")
struct SeanceRulesTests {
    static let demo = CommandTests.demo
    let seance = "sea-copil-4"   // planned for 2010-02-02 at 18:00
    /// The minutes are typed long after the séance: every event is stamped then.
    static let typedLater = Timestamp(journalValue: "2026-11-30T05:26:00+01:00")!

    let ids = TestIDs("r")

    func time(_ h: Int, _ m: Int) -> LocalTime { LocalTime(hour: h, minute: m)! }

    func apply(_ st: ProjectState, _ result: CommandResult, at stamp: Timestamp = typedLater) throws -> ProjectState {
        try applying(st, result, at: stamp, firstMillisecond: 2_000_000)
    }

    func code(_ r: CommandResult) -> Refusal.Code? { if case .failure(let f) = r { f.code } else { nil } }
    func kinds(_ r: CommandResult) -> [String] { (try? r.get().map(\.kind)) ?? ["refus: \(r)"] }

    /// sea-copil-4 opened at 18:10 with the first `present` voting members present (at the opening).
    func held(_ present: Int, from st: ProjectState = demo) throws -> ProjectState {
        var st = try apply(st, Commands.openMeeting(st, meeting: seance, at: time(18, 10)))
        for m in st.votingMembers(of: "com-copil").prefix(present) {
            st = try apply(st, Commands.setAttendance(st, meeting: seance, member: m.id, status: .present, at: time(18, 10)))
        }
        return st
    }

    func minutes(_ st: ProjectState, _ id: String? = nil) throws -> String {
        try Export.minutes(st, meeting: id ?? seance, format: .md, options: ExportOptions(now: Self.typedLater, today: Self.typedLater.localDate)).text!
    }

    // MARK: - Times

    @Test("Held live: today in the project's zone, from an hour before the planned start to twelve after")
    func live() throws {
        let st = Self.demo
        #expect(st.isHeldLive(seance, at: Timestamp(journalValue: "2010-02-02T17:05:00+01:00")!))
        #expect(st.isHeldLive(seance, at: Timestamp(journalValue: "2010-02-02T16:05:00Z")!))   // 17:05 in Paris
        #expect(!st.isHeldLive(seance, at: Timestamp(journalValue: "2010-02-02T16:55:00+01:00")!))
        #expect(!st.isHeldLive(seance, at: Timestamp(journalValue: "2010-02-03T10:00:00+01:00")!))
        #expect(st.proposedTime(seance, at: Timestamp(journalValue: "2010-02-02T18:07:00+01:00")!) == time(18, 7))
        // Written up afterwards: the planned start, then the latest time the séance holds.
        #expect(st.proposedTime(seance, at: Self.typedLater) == time(18, 0))
        var held = try held(2)
        let item2 = held.meetings[seance]!.agenda[1]
        held = try apply(held, Commands.startItem(held, meeting: seance, item: item2, at: time(18, 40), opening: .explicit))
        #expect(held.proposedTime(seance, at: Self.typedLater) == time(18, 40))
    }

    @Test("A departure cannot precede the arrival or the opening; arrival and departure are corrected together")
    func departureTimes() throws {
        var st = try held(9)
        let late = st.votingMembers(of: "com-copil")[10].id
        st = try apply(st, Commands.setAttendance(st, meeting: seance, member: late, status: .present, at: time(18, 40)))
        #expect(refusalMessage(Commands.setAttendance(st, meeting: seance, member: late, status: .absent, at: time(18, 20)))
                == "Le départ (18\u{00A0}h\u{00A0}20) ne peut précéder l'arrivée (18\u{00A0}h\u{00A0}40).")
        st = try apply(st, Commands.setAttendance(st, meeting: seance, member: late, status: .absent, at: time(19, 30)))
        #expect(refusalMessage(Commands.correctAttendanceTimes(st, meeting: seance, member: late, arrival: time(19, 0), departure: time(18, 50)))
                == "Le départ (18\u{00A0}h\u{00A0}50) ne peut précéder l'arrivée (19\u{00A0}h\u{00A0}00).")
        st = try apply(st, Commands.correctAttendanceTimes(st, meeting: seance, member: late, arrival: time(18, 45), departure: time(19, 40)))
        let a = try #require(st.meetings[seance]?.attendance[late])
        #expect(a.arrived == time(18, 45) && a.left == time(19, 40))
    }

    @Test("A follow-up cannot have been done before the séance that decided it")
    func followUpDoneDate() throws {
        let st = CommandTests.demo
        let f = try #require(st.followUps.values.first { $0.done == nil })
        let decided = try #require(st.meetings[f.meeting]?.date)
        let before = LocalDate(daysSinceEpoch: decided.daysSinceEpoch - 1)
        #expect(refusalMessage(Commands.markFollowUpDone(st, followUp: f.id, on: before))?.hasPrefix("Cette suite a été décidée le \(decided.french)") == true)
        #expect(!Commands.markFollowUpDone(st, followUp: f.id, on: decided).isFailure)
    }

    @Test("A séance never opened whose day has passed is « à rédiger », not « à venir »")
    func toWriteUp() throws {
        let m = try #require(CommandTests.demo.meetings[seance])
        let day = m.date
        #expect(Fr.meetingState(m, today: day) == "à venir")
        #expect(Fr.meetingState(m, today: LocalDate(daysSinceEpoch: day.daysSinceEpoch + 1)) == "à rédiger")
        var held = m; held.state = .closed
        #expect(Fr.meetingState(held, today: LocalDate(daysSinceEpoch: day.daysSinceEpoch + 1)) == "close")
    }

    @Test("A séance written up afterwards: its compte rendu has its own times, never the clock's; the item clock stops at the clôture")
    func writtenAfterwards() throws {
        var st = try held(9)
        let agenda = st.meetings[seance]!.agenda
        let late = st.votingMembers(of: "com-copil")[10].id
        st = try apply(st, Commands.setAttendance(st, meeting: seance, member: late, status: .present, at: time(18, 40)))
        st = try apply(st, Commands.startItem(st, meeting: seance, item: agenda[1], at: time(18, 30), opening: .explicit))
        st = try apply(st, Commands.recordDecision(st, meeting: seance, item: agenda[1], text: "Validé", vote: .unanimous, outcome: nil, makeID: ids.make))
        st = try apply(st, Commands.close(st, meeting: seance, at: time(20, 0), opening: .explicit))
        #expect(st.meetings[seance]?.openTime == time(18, 10))
        #expect(st.timeSpent(on: agenda[0], until: nil) == 20 * 60)
        #expect(st.timeSpent(on: agenda[1], until: nil) == 90 * 60)
        #expect(st.timeSpent(on: agenda[1], until: time(23, 0)) == 90 * 60)   // closed: the clock stopped
        let text = try minutes(st)
        #expect(text.contains("de 18\u{00A0}h\u{00A0}00 à 20\u{00A0}h\u{00A0}00 (ouverture de la séance à 18\u{00A0}h\u{00A0}10)"))
        #expect(text.contains("durée effective\u{202F}: 20\u{00A0}min"))
        #expect(text.contains("durée effective\u{202F}: 1\u{00A0}h\u{00A0}30"))
        #expect(text.contains(Fr.agreed("présent(e)", st.members[late]?.civility) + " (depuis 18\u{00A0}h\u{00A0}40)"))
        #expect(!text.contains("5\u{00A0}h\u{00A0}26") && !text.contains("depuis 18\u{00A0}h\u{00A0}10"))
        // Corrections of the times: opening and clôture through seance.edit, an item's start.
        let edit = Commands.editMeeting(st, meeting: seance, Commands.MeetingChanges(opening: time(18, 5), closing: time(20, 15)))
        #expect(kinds(edit) == ["seance.edit"])
        st = try apply(st, edit)
        let start = Commands.correctItemStart(st, item: agenda[1], to: time(18, 35))
        #expect(kinds(start) == ["seance.reopen", "agenda.edit", "seance.close"])
        st = try apply(st, start)
        #expect(st.meetings[seance]?.openTime == time(18, 5) && st.meetings[seance]?.endTime == time(20, 15))
        #expect(st.meetings[seance]?.state == .closed)
        #expect(st.timeSpent(on: agenda[1], until: nil) == 100 * 60)
        #expect(Commands.editMeeting(st, meeting: seance, Commands.MeetingChanges(closing: time(17, 0))).isFailure)
    }

    @Test("An adopted ranking is dated by its séance, not by the day it was typed")
    func adoptionDate() throws {
        var st = try held(9)
        let open = Commands.openRanking(st, meeting: seance, item: nil, at: time(18, 20), opening: .explicit, makeID: ids.make)
        #expect(kinds(open) == ["ranking.open", "ranking.envelope"])
        st = try apply(st, open)
        let r = st.rankings[try open.get()[0].entity]!
        st = try apply(st, Commands.adoptRanking(st, ranking: r.id, .init(tiers: r.actions.map { [$0] }, selected: [], tieBreak: ""),
                                                 quorum: .required, makeID: ids.make))
        #expect(st.rankings[r.id]?.adopted?.date == LocalDate(year: 2010, month: 2, day: 2))
    }

    // MARK: - Opening

    @Test("A séance opens only when the secretary opens it; an opening with nothing after it can be undone")
    func explicitOpening() throws {
        let st = Self.demo
        #expect(code(Commands.addNote(st, meeting: seance, item: nil, text: "Bonsoir", speaker: nil, at: time(18, 5), opening: .explicit, makeID: ids.make)) == .notOpened)
        #expect(code(Commands.startItem(st, meeting: seance, item: st.meetings[seance]!.agenda[0], at: time(18, 5), opening: .explicit)) == .notOpened)
        #expect(code(Commands.close(st, meeting: seance, at: time(18, 5), opening: .explicit)) == .notOpened)
        let open = Commands.openMeeting(st, meeting: seance, at: time(18, 5))
        #expect(kinds(open) == ["seance.open", "agenda.start"])
        var opened = try apply(st, open)
        #expect(opened.meetings[seance]?.state == .inProgress)
        #expect(Commands.openMeeting(opened, meeting: seance, at: time(18, 5)).isFailure)
        #expect(kinds(Commands.addNote(opened, meeting: seance, item: nil, text: "Bonsoir", speaker: nil, at: time(18, 6), opening: .explicit, makeID: ids.make)) == ["note.add"])
        // Undone: planned again, as before.
        let undo = Commands.undoOpening(opened, meeting: seance)
        #expect(kinds(undo) == ["seance.unopen"])
        let back = try apply(opened, undo)
        #expect(back.meetings[seance]?.state == .planned && back.meetings[seance]?.openTime == nil)
        #expect(back.meetings[seance]?.currentItem == nil && back.meetings[seance]?.itemLog.isEmpty == true)
        #expect(back.meetings[seance]?.time == st.meetings[seance]?.time)
        // Something recorded: the opening stays, in the command and in the fold.
        opened = try apply(opened, Commands.addNote(opened, meeting: seance, item: nil, text: "Bonsoir", speaker: nil, at: time(18, 6), opening: .explicit, makeID: ids.make))
        #expect(Commands.undoOpening(opened, meeting: seance).isFailure)
        var s = opened
        let e = EventDraft(.seanceUnopen, seance, []).stamped(at: Self.typedLater, id: EventID.make(milliseconds: 3_000_000, using: &rngHolder), author: "t")
        #expect(s.apply(e) != nil)
    }

    // MARK: - Quorum and votes

    @Test("A vote without quorum is refused with the reason, unless the committee deliberates without quorum; then it says so everywhere")
    func quorum() throws {
        var st = try held(5)
        let refused = Commands.recordDecision(st, meeting: seance, item: nil, text: "Sans quorum", vote: .counts(VoteCount(votesFor: 4, against: 1, abstention: 0)),
                                              outcome: nil, makeID: ids.make)
        #expect(code(refused) == .quorumNotMet)
        let required = st.quorum(seance).required
        #expect(required > 5)
        #expect(refusalMessage(refused) == "Quorum non atteint : \(st.quorum(seance).votes) voix présentes ou représentées pour \(required) requis. Le vote n'est possible que si le comité délibère sans quorum (seconde convocation).")
        #expect(code(Commands.recordDecision(st, meeting: seance, item: nil, text: "U", vote: .unanimous, outcome: nil, makeID: ids.make)) == .quorumNotMet)
        #expect(!Commands.recordDecision(st, meeting: seance, item: nil, text: "Sans vote", vote: .none, outcome: .ajourne, makeID: ids.make).isFailure)
        let waived = Commands.recordDecision(st, meeting: seance, item: nil, text: "Sans quorum", vote: .counts(VoteCount(votesFor: 4, against: 1, abstention: 0)),
                                             outcome: nil, quorum: .waived, makeID: ids.make)
        #expect(try waived.get()[0].value(.withoutQuorum) == "oui")
        st = try apply(st, waived)
        let d = st.decisions[try waived.get()[0].entity]!
        #expect(d.withoutQuorum && d.quorumMet == false)
        #expect(Fr.Line.vote(d).contains("sans quorum"))
        #expect(try minutes(st).contains("sans quorum"))
        let releve = try Export.decisions(st, .meeting(seance), format: .md).text!
        #expect(releve.contains("sans quorum"))
        let csv = String(decoding: try Export.decisionsCSV(st, .meeting(seance)).bytes, as: UTF8.self)
        #expect(csv.contains("Sans quorum (délibéré sans quorum)"))
        // Ballots from members neither present nor represented are refused the same way.
        st = try apply(st, Commands.openRanking(st, meeting: seance, item: nil, at: time(18, 20), opening: .explicit, makeID: ids.make))
        let r = st.rankings.values.first { $0.meeting == seance }!
        let absent = st.votingMembers(of: "com-copil")[12].id
        #expect(code(Commands.setBallot(st, ranking: r.id, member: absent, [r.actions], requirePresence: true)) == .notPresent)
        #expect(!Commands.setBallot(st, ranking: r.id, member: st.votingMembers(of: "com-copil")[0].id, [r.actions], requirePresence: true).isFailure)
        #expect(code(Commands.adoptRanking(st, ranking: r.id, .init(tiers: [r.actions], selected: [], tieBreak: ""), quorum: .required, makeID: ids.make)) == .quorumNotMet)
    }

    @Test("Pouvoirs count toward the quorum, or not (conseil municipal: members present only)")
    func proxies() throws {
        var st = try held(7)
        let voting = st.votingMembers(of: "com-copil")
        for (giver, holder) in [(voting[8], voting[0]), (voting[9], voting[1])] {
            st = try apply(st, Commands.setAttendance(st, meeting: seance, member: giver.id, status: .pouvoir, proxy: holder.id, at: time(18, 10)))
        }
        #expect(st.quorum(seance).votes == 9 && st.quorum(seance).met)
        st = try apply(st, Commands.edit(st, .committeeEdit, "com-copil", [(.proxiesQuorum, "non")]))
        let q = st.quorum(seance)
        #expect(q.votes == 9 && q.counted == 7 && !q.met)
        #expect(code(Commands.recordDecision(st, meeting: seance, item: nil, text: "D", vote: .unanimous, outcome: nil, makeID: ids.make)) == .quorumNotMet)
        #expect(Fr.Export.quorumSummary(q, rule: .majority).contains("7 présents sur \(voting.count) (2 pouvoirs ne comptent pas) pour 8 requis : non atteint"))
    }

    @Test("A tie: the président's casting vote decides, where the committee gives him one, and says so")
    func castingVote() throws {
        var st = try held(9)
        let tie = Commands.Vote.counts(VoteCount(votesFor: 4, against: 4, abstention: 1))
        let plain = try Commands.recordDecision(st, meeting: seance, item: nil, text: "Égalité", vote: tie, outcome: nil, makeID: ids.make).get()[0]
        #expect(plain.value(.outcome) == "rejete" && plain.value(.casting) == nil)
        st = try apply(st, Commands.edit(st, .committeeEdit, "com-copil", [(.castingVote, "oui"), (.president, "mem-copil-01")]))
        #expect(code(Commands.recordDecision(st, meeting: seance, item: nil, text: "Égalité", vote: tie, outcome: nil, makeID: ids.make)) == .tieNeedsCastingVote)
        let decided = Commands.recordDecision(st, meeting: seance, item: nil, text: "Égalité", vote: tie, outcome: nil, castingVote: true, makeID: ids.make)
        #expect(try decided.get()[0].value(.outcome) == "valide" && decided.get()[0].value(.casting) == "pour")
        st = try apply(st, decided)
        let text = try minutes(st)
        #expect(text.contains("voix prépondérante de la présidente (pour)"))   // Mme MARTIN
        #expect(text.contains("Présidente de séance"))   // the committee's, by default: Mme MARTIN
    }

    @Test("A member who « ne prend pas part au vote » is counted neither in that vote nor its quorum, and is named")
    func recusal() throws {
        var st = try held(9)
        let r = Commands.recordDecision(st, meeting: seance, item: nil, text: "Subvention à l'association", vote: .counts(VoteCount(votesFor: 8, against: 0, abstention: 0)),
                                        outcome: nil, recused: ["mem-copil-01"], makeID: ids.make)
        let d = try r.get()[0]
        #expect(d.value(.votersPresent) == "8" && d.value(.recused) == "mem-copil-01")
        #expect(d.value(.present)?.contains("mem-copil-01") == false)
        #expect(refusalMessage(Commands.recordDecision(st, meeting: seance, item: nil, text: "X", vote: .counts(VoteCount(votesFor: 9, against: 0, abstention: 0)),
                                                       outcome: nil, recused: ["mem-copil-01"], makeID: ids.make))
                == "Le total des voix (9) dépasse les votes présents ou représentés (8).")
        st = try apply(st, r)
        #expect(try minutes(st).contains("Ne prend pas part au vote\u{202F}: Mme\u{00A0}MARTIN Sophie."))
    }

    @Test("A member who leaves is « parti(e) à », counted present for the decisions before; excusé and absent kept apart")
    func departure() throws {
        var st = try held(9)
        let leaving = st.votingMembers(of: "com-copil")[3]
        st = try apply(st, Commands.recordDecision(st, meeting: seance, item: nil, text: "Avant", vote: .unanimous, outcome: nil, makeID: ids.make))
        st = try apply(st, Commands.setAttendance(st, meeting: seance, member: leaving.id, status: .absent, at: time(19, 5)))
        st = try apply(st, Commands.recordDecision(st, meeting: seance, item: nil, text: "Après", vote: .unanimous, outcome: nil, makeID: ids.make))
        let decisions = st.meetings[seance]!.decisions.compactMap { st.decisions[$0] }
        #expect(decisions[0].present.contains(leaving.id) && !decisions[1].present.contains(leaving.id))
        #expect(st.meetings[seance]?.attendance[leaving.id]?.left == time(19, 5))
        let excused = st.votingMembers(of: "com-copil")[11]
        st = try apply(st, Commands.setAttendance(st, meeting: seance, member: excused.id, status: .excuse, at: time(18, 10)))
        st = try apply(st, Commands.close(st, meeting: seance, at: time(20, 0), opening: .explicit))
        let text = try minutes(st)
        #expect(text.contains(Fr.agreed("présent(e), parti(e) à 19\u{00A0}h\u{00A0}05", leaving.civility)))
        #expect(!text.contains(Fr.agreed("absent(e)", leaving.civility) + " (depuis"))
        let p = st.participation(from: LocalDate(year: 2010, month: 2, day: 2), to: LocalDate(year: 2010, month: 2, day: 2))
        let copil = try #require(p.committees.first)
        let m = st.meetings[seance]!
        let inRoom = m.attendance.values.filter { $0.status == .present || $0.status == .distance }.count
        let excusedOrProxy = m.attendance.values.filter { ($0.status == .excuse || $0.status == .pouvoir) && !$0.hasLeft }.count
        #expect(copil.present == inRoom + 1)   // the one who left counts as present
        #expect(copil.excused == excusedOrProxy && excusedOrProxy >= 1)
        #expect(copil.absent == copil.expected - copil.present - copil.excused && copil.absent > 0)
        #expect(p.members.first { $0.label == leaving.name }?.present == 1)
        // The participation spreadsheet counts as the screen does.
        let day = LocalDate(year: 2010, month: 2, day: 2)
        let sheet = ListTables.participation(st, committee: "com-copil", from: day, to: day)
        let row = try #require(sheet.rows.first { $0[1] == .text(leaving.name) })
        #expect(Array(row[3...]) == [.integer(1), .integer(1), .integer(0), .integer(0), .integer(0), .integer(100)], "\(row)")
    }

    // MARK: - Corrections

    @Test("A decision is corrected as it is recorded: the outcome and quorum recomputed; after the clôture, reopened and closed again")
    func correctDecision() throws {
        var st = try held(9)
        let r = Commands.recordDecision(st, meeting: seance, item: nil, text: "Validé", vote: .counts(VoteCount(votesFor: 6, against: 2, abstention: 1)), outcome: nil, makeID: ids.make)
        st = try apply(st, r)
        let id = try r.get()[0].entity
        st = try apply(st, Commands.close(st, meeting: seance, at: time(20, 0), opening: .explicit))
        let c = Commands.correctDecision(st, decision: id, text: "Rejeté après recomptage", vote: .counts(VoteCount(votesFor: 2, against: 6, abstention: 1)), outcome: nil)
        #expect(kinds(c) == ["seance.reopen", "decision.correct", "seance.close"])
        st = try apply(st, c)
        var d = st.decisions[id]!
        #expect(d.outcome == .rejete && d.votesFor == 2 && d.votesAgainst == 6 && d.corrections == 1 && d.text == "Rejeté après recomptage")
        #expect(st.meetings[seance]?.state == .closed && st.meetings[seance]?.endTime == time(20, 0))
        // To unanimity: the counts are cleared; an override kept as such.
        st = try apply(st, Commands.correctDecision(st, decision: id, text: d.text, vote: .unanimous, outcome: .ajourne))
        d = st.decisions[id]!
        #expect(d.unanimous && d.votesFor == nil && d.outcome == .ajourne && d.computedOutcome == .valide)
        #expect(Commands.correctDecision(st, decision: "dec-x", text: "x", vote: .none, outcome: .valide).isFailure)
    }

    @Test("The séance itself: président and secrétaire, postponement, cancellation")
    func correctMeeting() throws {
        var st = Self.demo
        st = try apply(st, Commands.edit(st, .committeeEdit, "com-copil", [(.president, "mem-copil-01"), (.secretary, "DURAND Claire")]))
        #expect(st.president(of: st.meetings[seance]!) == "mem-copil-01")
        let edit = Commands.editMeeting(st, meeting: seance, Commands.MeetingChanges(place: "CCAS", president: "rigal françoise"))
        #expect(try edit.get()[0].value(.president)?.hasPrefix("mem-") == true)
        #expect(kinds(Commands.editMeeting(st, meeting: seance, Commands.MeetingChanges(place: st.meetings[seance]!.place))) == [])
        #expect(Commands.editMeeting(st, meeting: seance, Commands.MeetingChanges(opening: time(18, 0))).isFailure)
        let postpone = Commands.postponeMeeting(st, meeting: seance, to: LocalDate(year: 2010, month: 2, day: 9)!, time: nil, reason: "Salle indisponible")
        st = try apply(st, postpone)
        #expect(st.meetings[seance]?.date == LocalDate(year: 2010, month: 2, day: 9) && st.meetings[seance]?.postponedFrom == [LocalDate(year: 2010, month: 2, day: 2)!])
        #expect(try minutes(st).contains("séance initialement prévue le 02/02/2010"))
        #expect(kinds(Commands.cancelMeeting(st, meeting: seance, reason: "")) == ["seance.cancel"])
        #expect(Commands.cancelMeeting(st, meeting: "sea-copil-3", reason: "").isFailure)
    }

    @Test("Follow-ups: edited, done with a date and undone; attendance withdrawn")
    func correctFollowUpAndAttendance() throws {
        var st = try held(3)
        let add = Commands.addFollowUp(st, meeting: seance, item: nil, what: "Envoyer", owner: "", due: nil, makeID: ids.make)
        st = try apply(st, add)
        let f = try add.get()[0].entity
        #expect(kinds(Commands.editFollowUp(st, followUp: f, what: "Envoyer", owner: "", due: nil)) == [])
        st = try apply(st, Commands.editFollowUp(st, followUp: f, what: "Envoyer le CR", owner: "MARTIN Sophie", due: LocalDate(year: 2010, month: 3, day: 1)))
        #expect(st.followUps[f]?.what == "Envoyer le CR" && st.followUps[f]?.owner == "mem-copil-01")
        #expect(Commands.markFollowUpOpen(st, followUp: f).isFailure)
        st = try apply(st, Commands.markFollowUpDone(st, followUp: f, on: LocalDate(year: 2010, month: 2, day: 20)!))
        #expect(st.followUps[f]?.done == LocalDate(year: 2010, month: 2, day: 20))
        st = try apply(st, Commands.markFollowUpOpen(st, followUp: f))
        #expect(st.followUps[f]?.isOpen == true)
        let member = st.votingMembers(of: "com-copil")[0].id
        st = try apply(st, Commands.withdrawAttendance(st, meeting: seance, member: member))
        #expect(st.meetings[seance]?.attendance[member] == nil)
        #expect(Commands.withdrawAttendance(st, meeting: seance, member: member).isFailure)
    }

    @Test("Follow-ups carried into the next agenda stay live: one done later shows done there")
    func carriedFollowUps() throws {
        var st = Self.demo
        let prep = Commands.prepareMeeting(st, committee: "com-copil", date: LocalDate(year: 2010, month: 3, day: 16)!, time: time(18, 0),
                                           place: "", title: "", makeID: ids.make)
        st = try apply(st, prep)
        let meeting = try prep.get()[0].entity
        let item = st.agendaItems[st.meetings[meeting]!.agenda[0]]!
        let open = st.openFollowUps(of: "com-copil").filter { $0.meeting != meeting }
        #expect(item.followUps == open.map(\.id))
        let first = open[0]
        #expect(!(try minutes(st, meeting)).contains("réalisée le 10/03/2010"))
        st = try apply(st, Commands.markFollowUpDone(st, followUp: first.id, on: LocalDate(year: 2010, month: 3, day: 10)!))
        #expect(try minutes(st, meeting).contains("réalisée le 10/03/2010"))
    }
}

nonisolated(unsafe) var rngHolder = SystemRandomNumberGenerator()

func refusalMessage(_ r: CommandResult) -> String? { if case .failure(let f) = r { f.message } else { nil } }

extension Result {
    var isFailure: Bool { if case .failure = self { true } else { false } }
}
