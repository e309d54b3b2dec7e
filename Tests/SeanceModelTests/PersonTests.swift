import Foundation
import Testing
@testable import SeanceModel

/// A person on several committees is one person (issue 14): her seats share her identity, each
/// keeps its role and vote; old journals, without `person=`, read unchanged.
@Suite("Persons and their seats")
struct PersonTests {

    /// Two committees, Sophie MARTIN on the first.
    static let base: ProjectState = {
        var n = 0
        func e(_ kind: String, _ entity: String, _ fields: [(String, String)]) -> Event {
            n += 1
            return event(kind, entity, fields, n: n)
        }
        let (s, problems) = ProjectState.fold([
            e("project.set", "project", [("name", "CCS")]),
            e("committee.create", "com-copil", [("name", "Comité de pilotage"), ("kind", "pilotage")]),
            e("committee.create", "com-ct1", [("name", "Comité technique « Logement »"), ("kind", "technique")]),
            e("member.add", "mem-1", [("committee", "com-copil"), ("name", "MARTIN Sophie"), ("organisation", "CAF du Cantal"),
                                      ("email", "s.martin@caf.fr"), ("role", "elu"), ("voting", "oui")]),
            e("member.add", "mem-2", [("committee", "com-ct1"), ("name", "ROUX Paul")]),
        ])
        precondition(problems.isEmpty, "\(problems)")
        return s
    }()


    func refusal(_ r: CommandResult) -> String? { if case .failure(let f) = r { f.message } else { nil } }

    @Test("A seat on another committee: one person, her identity, the seat's own role and vote")
    func addSeat() throws {
        let ids = TestIDs(after: 10)
        let r = Commands.addSeat(Self.base, person: "mem-1", committee: "com-ct1", [(.role, "rapporteur"), (.voting, "non")], makeID: ids.make)
        let d = try r.get()
        #expect(d.map(\.kind) == ["member.add"])
        #expect(d[0].value(.person) == "mem-1" && d[0].value(.name) == "MARTIN Sophie" && d[0].value(.committee) == "com-ct1")
        let st = try applying(Self.base, r)
        let seat = try #require(st.members["mem-11"])
        #expect(seat.committee == "com-ct1" && seat.person == "mem-1")
        #expect(seat.organisation == "CAF du Cantal" && seat.email == "s.martin@caf.fr")
        #expect(seat.role == .rapporteur && !seat.voting)
        #expect(st.members["mem-1"]?.role == .elu && st.members["mem-1"]?.voting == true)
        #expect(st.personID(of: "mem-11") == "mem-1" && st.personID(of: "mem-1") == "mem-1")
        #expect(st.seats(ofPerson: "mem-1").map(\.id) == ["mem-1", "mem-11"])
        #expect(st.members(of: "com-ct1").map(\.name) == ["ROUX Paul", "MARTIN Sophie"])
        // The directory: one entry for her, with her two seats.
        #expect(st.persons.map(\.id) == ["mem-1", "mem-2"])
        #expect(st.persons[0].seats.map(\.committee) == ["com-copil", "com-ct1"])
        #expect(st.personsNotOn("com-ct1").isEmpty)
        #expect(st.otherSeats(of: "mem-11").map(\.committee) == ["com-copil"])
    }

    @Test("An identity edited on any seat changes on all; role, vote and retirement stay per seat")
    func editPropagates() throws {
        let ids = TestIDs(after: 10)
        var st = try applying(Self.base, Commands.addSeat(Self.base, person: "mem-1", committee: "com-ct1", [(.role, "rapporteur")], makeID: ids.make))
        st = try applying(st, Commands.edit(st, .memberEdit, "mem-11", [(.email, "sophie.martin@caf15.fr"), (.name, "MARTIN-VIDAL Sophie"),
                                                                         (.role, "expert")]))
        #expect(st.members["mem-1"]?.email == "sophie.martin@caf15.fr" && st.members["mem-1"]?.name == "MARTIN-VIDAL Sophie")
        #expect(st.members["mem-1"]?.role == .elu, "the role is the seat's")
        #expect(st.members["mem-11"]?.role == .expert)
        // From the first seat too.
        st = try applying(st, Commands.edit(st, .memberEdit, "mem-1", [(.phone, "04 71 00 00 00"), (.civility, "Mme")]))
        #expect(st.members["mem-11"]?.phone == "04 71 00 00 00" && st.members["mem-11"]?.civility == .mme)
        // Retiring one seat leaves the other.
        st = try applying(st, Commands.retire(st, .memberRetire, "mem-1"))
        #expect(st.members["mem-1"]?.retired == true && st.members["mem-11"]?.retired == false)
        #expect(st.members(of: "com-copil").isEmpty && st.members(of: "com-ct1").count == 2)
        #expect(st.persons.first { $0.id == "mem-1" }?.seats.map(\.id) == ["mem-11"])
        // She may sit again where she was retired, from her other seat.
        let back = Commands.addSeat(st, person: "mem-11", committee: "com-copil", makeID: ids.make)
        #expect(try back.get()[0].value(.person) == "mem-1")
    }

    @Test("A seat is refused for an unknown or retired person, a committee she sits on, an unknown committee, identity fields")
    func refusals() throws {
        let ids = TestIDs(after: 10)
        #expect(refusal(Commands.addSeat(Self.base, person: "mem-x", committee: "com-ct1", makeID: ids.make)) == "Personne inconnue « mem-x ».")
        #expect(refusal(Commands.addSeat(Self.base, person: "mem-1", committee: "com-copil", makeID: ids.make))
                == "MARTIN Sophie siège déjà au comité « Comité de pilotage ».")
        #expect(refusal(Commands.addSeat(Self.base, person: "mem-1", committee: "com-x", makeID: ids.make)) == "Comité inconnu « com-x ».")
        #expect(refusal(Commands.addSeat(Self.base, person: "mem-1", committee: "com-ct1", [(.email, "x@y.fr")], makeID: ids.make))
                == "« email » est propre à la personne : modifiez-le sur l'un de ses sièges.")
        let retired = try applying(Self.base, Commands.retire(Self.base, .memberRetire, "mem-1"))
        #expect(refusal(Commands.addSeat(retired, person: "mem-1", committee: "com-ct1", makeID: ids.make))
                == "MARTIN Sophie a été retiré(e) de tous ses comités : ajoutez-la comme nouveau membre.")
    }

    /// The fold of a journal's text, with its problems.
    func fold(_ lines: [(String, String, [(String, String)])]) -> (ProjectState, [Problem]) {
        var n = 100
        return ProjectState.fold(lines.map { kind, entity, fields in n += 1; return event(kind, entity, fields, n: n) })
    }

    @Test("The fold: chains lead to the first seat; unknown, guest and twice-seated references are problems of the line")
    func foldReferences() throws {
        let head: [(String, String, [(String, String)])] = [
            ("committee.create", "com-a", [("name", "A"), ("kind", "technique")]),
            ("committee.create", "com-b", [("name", "B"), ("kind", "technique")]),
            ("committee.create", "com-c", [("name", "C"), ("kind", "technique")]),
            ("member.add", "mem-a", [("committee", "com-a"), ("name", "BLANC Anne"), ("organisation", "CCAS")]),
            ("member.add", "mem-b", [("committee", "com-b"), ("name", "BLANC Anne"), ("person", "mem-a"), ("organisation", "ignorée"), ("role", "expert")]),
            ("member.add", "mem-c", [("committee", "com-c"), ("name", "BLANC Anne"), ("person", "mem-b")]),
        ]
        let (st, problems) = fold(head)
        #expect(problems.isEmpty)
        #expect(st.members["mem-c"]?.person == "mem-a", "a chain leads to the first seat")
        #expect(st.members["mem-b"]?.organisation == "CCAS", "the identity is the person's, not the line's")
        #expect(st.members["mem-b"]?.role == .expert)
        #expect(st.seats(ofPerson: "mem-a").map(\.id) == ["mem-a", "mem-b", "mem-c"])
        let (_, bad) = fold(head + [
            ("member.add", "mem-d", [("committee", "com-a"), ("name", "X"), ("person", "mem-zz")]),
            ("member.add", "mem-e", [("committee", "com-a"), ("name", "BLANC Anne"), ("person", "mem-c")]),
        ])
        #expect(bad.map(\.message) == ["membre inconnu « mem-zz »", "la personne « mem-a » siège déjà au comité « com-a »"])
    }

    @Test("An old journal, without person=, reads as before: one record per seat, edits stay on their seat")
    func oldJournal() throws {
        let (st, problems) = fold([
            ("committee.create", "com-a", [("name", "A"), ("kind", "technique")]),
            ("committee.create", "com-b", [("name", "B"), ("kind", "technique")]),
            ("member.add", "mem-a", [("committee", "com-a"), ("name", "BLANC Anne"), ("email", "a@b.fr")]),
            ("member.add", "mem-b", [("committee", "com-b"), ("name", "BLANC Anne"), ("email", "a@b.fr")]),
            ("member.edit", "mem-a", [("email", "anne@b.fr")]),
        ])
        #expect(problems.isEmpty)
        #expect(st.members["mem-a"]?.person == nil && st.members["mem-b"]?.person == nil && st.personSeats.isEmpty)
        #expect(st.members["mem-b"]?.email == "a@b.fr")
        #expect(st.persons.count == 2)
        // The demo (typed before persons existed) folds as before.
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../data/demo/saint-flour.seance").standardized.path
        let (demo, _, demoProblems) = try JournalSession.load(path: path)
        #expect(demoProblems.filter { $0.severity == .error }.isEmpty)
        #expect(demo.personSeats.isEmpty && demo.persons.count == demo.activeCommittees.map { demo.members(of: $0.id).filter { $0.guestOf == nil }.count }.reduce(0, +))
    }
}
