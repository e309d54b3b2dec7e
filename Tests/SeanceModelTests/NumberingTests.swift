import Foundation
import Testing
@testable import SeanceModel

/// Séances are numbered in date order, whatever the order they were prepared in: the tester
/// prepared the 10 December séance first, then wrote up the 12 November one, whose délibérations
/// came out « 2026-02-01 ».
@Suite("Séance numbers follow the dates of séances to come")
struct NumberingTests {
    let ids = TestIDs("n")

    func day(_ m: Int, _ d: Int, _ y: Int = 2026) -> LocalDate { LocalDate(year: y, month: m, day: d)! }

    func prepare(_ st: ProjectState, _ date: LocalDate, _ time: LocalTime? = nil) throws -> (ProjectState, String) {
        let r = Commands.prepareMeeting(st, committee: "com-ccas", date: date, time: time, place: "", title: "", makeID: ids.make)
        let id = try r.get()[0].entity
        return (try applying(st, r), id)
    }

    func numbers(_ st: ProjectState) -> [String] {
        st.chronological(st.committees["com-ccas"]!.meetingIDs.compactMap { st.meetings[$0] }).map { "\($0.date.journalValue) n°\($0.number)" }
    }

    var board: ProjectState {
        get throws {
            try applying(ProjectState(), .success([
                EventDraft(.committeeCreate, "com-ccas", [(.name, "Conseil d'administration du CCAS"), (.kind, "autre")]),
                EventDraft(.memberAdd, "mem-a", [(.committee, "com-ccas"), (.name, "BERTRAND Paul")]),
            ]))
        }
    }

    @Test("A séance prepared for an earlier date takes its number; the later ones to come are renumbered")
    func earlierTakesItsPlace() throws {
        var (st, december) = try prepare(try board, day(12, 10))
        #expect(st.meetings[december]?.number == 1)
        let r = Commands.prepareMeeting(st, committee: "com-ccas", date: day(11, 12), time: nil, place: "", title: "", makeID: ids.make)
        let drafts = try r.get()
        #expect(drafts.map(\.kind) == ["seance.create", "seance.edit"])
        #expect(drafts[0].value(.number) == "1")
        #expect(drafts[1].entity == december && drafts[1].value(.number) == "2")
        st = try applying(st, r)
        #expect(numbers(st) == ["2026-11-12 n°1", "2026-12-10 n°2"])
        // Two to come, one slipped between them; one after them all keeps the default.
        (st, _) = try prepare(st, day(1, 14, 2027))
        (st, _) = try prepare(st, day(12, 1))
        #expect(numbers(st) == ["2026-11-12 n°1", "2026-12-01 n°2", "2026-12-10 n°3", "2027-01-14 n°4"])
        #expect(st.committees["com-ccas"]?.highestMeetingNumber == 4)
        // The same day: by time.
        let r2 = Commands.prepareMeeting(st, committee: "com-ccas", date: day(12, 10), time: LocalTime(hour: 9, minute: 0),
                                         place: "", title: "", makeID: ids.make)
        // The 10 December séance has no time (midnight): it stays before, n°3; January becomes n°5.
        #expect(try r2.get().map(\.kind) == ["seance.create", "seance.edit"])
        #expect(try r2.get()[0].value(.number) == "4" && r2.get()[1].value(.number) == "5")
        // A séance after all the others: the default, no number written.
        let last = Commands.prepareMeeting(st, committee: "com-ccas", date: day(3, 1, 2027), time: nil, place: "", title: "", makeID: ids.make)
        #expect(try last.get().map(\.kind) == ["seance.create"] && last.get()[0].value(.number) == nil)
    }

    @Test("A séance whose convocation was sent keeps its number: the one prepared before it takes the next")
    func convokedKeepsItsNumber() throws {
        var (st, december) = try prepare(try board, day(12, 10))
        st = try applying(st, Commands.recordConvocation(st, meeting: december, sentOn: day(11, 30)))
        let (after, november) = try prepare(st, day(11, 12))
        #expect(after.meetings[december]?.number == 1)
        #expect(after.meetings[november]?.number == 2)
    }

    @Test("A séance opened or held is never renumbered; the journal refuses it too")
    func heldKeepsItsNumber() throws {
        var (st, december) = try prepare(try board, day(12, 10))
        st = try applying(st, Commands.openMeeting(st, meeting: december, at: LocalTime(hour: 14, minute: 0)!))
        st = try applying(st, Commands.close(st, meeting: december, at: LocalTime(hour: 16, minute: 0)!, opening: .explicit))
        let r = Commands.prepareMeeting(st, committee: "com-ccas", date: day(11, 12), time: nil, place: "", title: "", makeID: ids.make)
        #expect(try r.get().map(\.kind) == ["seance.create"])
        st = try applying(st, r)
        #expect(numbers(st) == ["2026-11-12 n°2", "2026-12-10 n°1"])
        // Opened, even with nothing recorded: kept.
        let (planned0, planned) = try prepare(try board, day(12, 10))
        var st2 = planned0
        st2 = try applying(st2, Commands.openMeeting(st2, meeting: planned, at: LocalTime(hour: 14, minute: 0)!))
        #expect(try Commands.prepareMeeting(st2, committee: "com-ccas", date: day(11, 12), time: nil, place: "", title: "",
                                            makeID: ids.make).get().map(\.kind) == ["seance.create"])
        // A line renumbering a séance held is refused by the fold.
        var copy = st
        var rng = SystemRandomNumberGenerator()
        let e = EventDraft(.seanceEdit, december, [(.number, "5")]).stamped(at: t0, id: EventID.make(milliseconds: 9_000_000, using: &rng), author: "test")
        #expect(copy.apply(e)?.message == Fr.Problem.heldMeetingRenumbered)
        #expect(copy.meetings[december]?.number == 1)
    }
}
