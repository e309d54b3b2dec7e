import Testing
@testable import SeanceModel

@Suite("One chronological order of séances")
struct ChronologyTests {
    /// Ties at every level: the same day with and without a time, two committees at the same
    /// hour, two séances of one committee at the same hour.
    static let state: ProjectState = {
        var n = 0
        func e(_ kind: String, _ entity: String, _ fields: [(String, String)] = []) -> Event {
            n += 1
            return event(kind, entity, fields, n: n)
        }
        let events = [
            e("committee.create", "com-a", [("name", "Comité de pilotage"), ("kind", "pilotage")]),
            e("committee.create", "com-b", [("name", "Comité technique"), ("kind", "technique")]),
            e("seance.create", "sea-b1", [("committee", "com-b"), ("date", "2010-03-01"), ("time", "14:30")]),
            e("seance.create", "sea-a1", [("committee", "com-a"), ("date", "2010-03-01"), ("time", "14:30")]),
            e("seance.create", "sea-b2", [("committee", "com-b"), ("date", "2010-03-01")]),
            e("seance.create", "sea-a2", [("committee", "com-a"), ("date", "2010-03-01"), ("time", "14:30")]),
            e("seance.create", "sea-a3", [("committee", "com-a"), ("date", "2009-12-01"), ("time", "14:30")]),
            e("seance.open", "sea-a1", [("time", "14:30")]), e("seance.close", "sea-a1", [("time", "15:00")]),
            e("seance.open", "sea-a2", [("time", "14:30")]), e("seance.close", "sea-a2", [("time", "15:00")]),
            e("seance.open", "sea-b1", [("time", "14:30")]), e("seance.close", "sea-b1", [("time", "15:00")]),
        ]
        let (st, problems) = ProjectState.fold(events)
        #expect(problems.isEmpty)
        return st
    }()

    static let oldestFirst = ["sea-a3", "sea-b2", "sea-a1", "sea-a2", "sea-b1"]

    @Test("Date, then time, then the committee's place, then number: ties included")
    func order() {
        let st = Self.state
        #expect(st.chronological(st.meetings.values).map(\.id) == Self.oldestFirst)
        #expect(st.chronological(st.meetings.values.reversed()).map(\.id) == Self.oldestFirst)
        for (i, a) in Self.oldestFirst.enumerated() {
            for (j, b) in Self.oldestFirst.enumerated() {
                #expect(st.isBefore(st.meetings[a]!, st.meetings[b]!) == (i < j))
            }
        }
    }

    @Test("The timeline, a committee's séances, its last and next, `last` and the relevé of a period follow it")
    func everyList() throws {
        let st = Self.state
        #expect(st.timeline().map(\.id) == Self.oldestFirst.reversed())
        #expect(st.meetings(of: "com-a").map(\.id) == ["sea-a2", "sea-a1", "sea-a3"])
        #expect(st.meetings(of: "com-b").map(\.id) == ["sea-b1", "sea-b2"])
        #expect(st.lastMeeting(of: "com-a")?.id == "sea-a2")
        #expect(st.nextMeeting(of: "com-a")?.id == "sea-a3")
        #expect(st.nextMeeting(of: "com-b")?.id == "sea-b2")
        #expect(try Export.resolveMeeting(st, "last") == "sea-b1")
        #expect(try DecisionScope.meetings(st, .period(from: nil, to: nil)).map(\.id) == Self.oldestFirst)
    }
}
