import Foundation
import Testing
@testable import SeanceModel

/// No value in a journal may crash the program: numbers out of their bounds are problems named
/// by line, the event not applied; amounts add up without ever trapping.
@Suite("Hostile values in a journal")
struct HostileValueTests {
    var n = 0
    mutating func e(_ kind: String, _ entity: String, _ fields: [(String, String)] = []) -> Event {
        n += 1
        return event(kind, entity, fields, n: n)
    }

    mutating func committee() -> [Event] {
        [e("project.set", "project", [("name", "P")]),
         e("committee.create", "com-copil", [("name", "Comité de pilotage"), ("kind", "pilotage")])]
    }

    @Test("The largest séance number, then one without a number: a problem, not a trap")
    mutating func meetingNumberOverflow() {
        let events = committee() + [
            e("seance.create", "sea-a", [("committee", "com-copil"), ("date", "2009-03-10"), ("number", "9223372036854775807")]),
            e("seance.create", "sea-b", [("committee", "com-copil"), ("date", "2009-03-11")]),
            e("seance.create", "sea-c", [("committee", "com-copil"), ("date", "2009-03-12"), ("number", "999999")]),
            e("seance.create", "sea-d", [("committee", "com-copil"), ("date", "2009-03-13")]),
        ]
        let (s, problems) = ProjectState.fold(events)
        #expect(problems.map(\.line) == [4])
        #expect(problems[0].message == "valeur hors limites pour « number » : « 9223372036854775807 » (attendu de 0 à 999999)")
        #expect(s.meetings["sea-a"] == nil)
        #expect(s.meetings["sea-b"]?.number == 1)
        #expect(s.meetings["sea-d"]?.number == 1_000_000)
    }

    @Test("Every number of a line has bounds", arguments: [
        ("agenda.add", "position", "0"), ("agenda.add", "duration", "-5"), ("agenda.add", "duration", "99999999999"),
        ("decision.record", "for", "-1"), ("decision.record", "against", "18446744073709551616"),
        ("decision.record", "voters_present", "1000000"), ("axis.add", "number", "-9223372036854775808"),
    ])
    mutating func bounds(kind: String, key: String, value: String) {
        var events = committee()
        events.append(e("seance.create", "sea-1", [("committee", "com-copil"), ("date", "2009-03-10")]))
        var fields: [(String, String)]
        switch kind {
        case "agenda.add": fields = [("seance", "sea-1"), ("title", "Point")]
        case "decision.record": fields = [("seance", "sea-1"), ("text", "D"), ("outcome", "valide")]
        default: fields = [("title", "Axe")]
        }
        fields.removeAll { $0.0 == key }
        fields.append((key, value))
        events.append(e(kind, "x-1", fields))
        let (_, problems) = ProjectState.fold(events)
        #expect(problems.count == 1)
        #expect(problems.first?.line == 5)
        #expect(problems.first?.message.contains("« \(key) »") == true)
    }

    @Test("Amounts beyond a hundred milliard euros are refused; sums saturate instead of trapping")
    mutating func money() {
        let events = committee() + [
            e("action.create", "act-1", [("title", "T"), ("cost", "99999999999999.99")]),
            e("action.create", "act-2", [("title", "T"), ("cost", "100000000000.00")]),
        ]
        let (s, problems) = ProjectState.fold(events)
        #expect(problems.map(\.line) == [4])
        #expect(problems[0].message.contains("hors limites"))
        #expect(s.actions["act-2"]?.cost == Money(euros: 100_000_000_000))
        #expect(Money(cents: .max) + Money(cents: 1) == Money(cents: .max))
        #expect(Money(cents: .min) - Money(cents: 1) == Money(cents: .min))
        var m = Money(cents: .max - 1); m += Money(cents: 5)
        #expect(m == Money(cents: .max))
        #expect(Money(userInput: "999 999 999 999 999") == nil)
    }

    @Test("Every input the fuzzer ever crashed on, and the hand-made hostile journals, run through")
    func corpus() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Fuzz/corpus").standardized.path
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(files.count >= 2)
        for f in files {
            let bytes = try JournalStorage.readAll(dir + "/" + f)
            FuzzTarget.journal(bytes)
        }
    }
}
