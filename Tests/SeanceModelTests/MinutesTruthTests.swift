import Foundation
import Testing
@testable import SeanceModel

/// What a tester found writing up a CCAS board séance: the compte rendu's quorum is the one at
/// the opening, and its notes and decisions read in the order they were typed.
@Suite("Compte rendu: quorum at the opening, notes and decisions in the order typed")
struct MinutesTruthTests {
    static let demo = CommandTests.demo
    let seance = "sea-copil-4"   // planned; 07 and 17 excusées, 06 gave his pouvoir to 04
    static let typedLater = Timestamp(journalValue: "2026-11-30T05:26:00+01:00")!

    let ids = TestIDs("t")

    func time(_ h: Int, _ m: Int) -> LocalTime { LocalTime(hour: h, minute: m)! }

    func apply(_ st: ProjectState, _ r: CommandResult) throws -> ProjectState {
        try applying(st, r, at: Self.typedLater, firstMillisecond: 3_000_000)
    }

    func mark(_ st: ProjectState, _ n: Int, _ s: AttendanceStatus, _ t: LocalTime) throws -> ProjectState {
        let id = n < 10 ? "mem-copil-0\(n)" : "mem-copil-\(n)"
        return try apply(st, Commands.setAttendance(st, meeting: seance, member: id, status: s, at: t))
    }

    func minutes(_ st: ProjectState) throws -> String {
        try Export.minutes(st, meeting: seance, format: .md, options: ExportOptions(now: Self.typedLater, today: Self.typedLater.localDate)).text!
    }

    @Test("The quorum is stated at the opening: later arrivals do not count, later departures do")
    func quorumAtOpening() throws {
        var st = Self.demo
        // A pouvoir received with the replies: 09 to 01.
        st = try apply(st, Commands.setAttendance(st, meeting: seance, member: "mem-copil-09", status: .pouvoir, proxy: "mem-copil-01", at: time(18, 0)))
        st = try apply(st, Commands.openMeeting(st, meeting: seance, at: time(18, 10)))
        for n in 1...5 { st = try mark(st, n, .present, time(18, 10)) }
        // Marked at the opening by mistake, withdrawn, then arrived at 18:50.
        st = try mark(st, 10, .present, time(18, 10))
        st = try apply(st, Commands.withdrawAttendance(st, meeting: seance, member: "mem-copil-10"))
        // 5 present, 2 pouvoirs (06 → 04, 09 → 01): 7 votes of 14, 8 required.
        let opening = try #require(st.quorumAtOpening(seance))
        #expect(opening.present == 5 && opening.represented == 2 && !opening.met)
        st = try apply(st, Commands.recordDecision(st, meeting: seance, item: nil, text: "Délibéré sans quorum",
                                                  vote: .unanimous, outcome: nil, quorum: .waived, makeID: ids.make))
        st = try mark(st, 7, .present, time(18, 40))
        st = try mark(st, 8, .present, time(18, 40))
        st = try mark(st, 10, .present, time(18, 50))
        st = try mark(st, 5, .excuse, time(19, 0))
        st = try apply(st, Commands.close(st, meeting: seance, at: time(19, 30), opening: .explicit))
        // At the clôture: 01 02 03 04 07 08 10 present and two pouvoirs, 9 votes: met. Not what the document says.
        #expect(st.quorum(seance).met)
        #expect(st.quorumAtOpening(seance) == opening)
        let text = try minutes(st)
        // (The document's typography: a narrow no-break space before the colons.)
        #expect(text.contains("Quorum à l'ouverture (plus de la moitié des votants)\u{202F}: 7 voix délibératives sur 14 (5 présents, 2 pouvoirs) pour 8 requises\u{202F}: non atteint."))
        #expect(!text.contains("Quorum (plus"))
    }

    @Test("Before the opening no quorum at the opening; an arrival marked at the opening's time counts")
    func openingEdges() throws {
        var st = Self.demo
        #expect(st.quorumAtOpening(seance) == nil)
        #expect(st.attendanceAtOpening(st.meetings[seance]!) == nil)
        st = try apply(st, Commands.openMeeting(st, meeting: seance, at: time(18, 10)))
        st = try mark(st, 1, .present, time(18, 10))
        st = try mark(st, 2, .present, time(18, 11))
        let at = try #require(st.attendanceAtOpening(st.meetings[seance]!))
        #expect(at["mem-copil-01"]?.status == .present)
        #expect(at["mem-copil-02"] == nil)
        #expect(at["mem-copil-06"]?.status == .pouvoir && at["mem-copil-06"]?.proxy == "mem-copil-04")
        // 04 is not there: TEISSEDRE's pouvoir does not count at the opening.
        #expect(st.quorumAtOpening(seance)?.represented == 0)
    }

    @Test("Within a point, notes and decisions are printed in the order they were typed")
    func order() throws {
        var st = try apply(Self.demo, Commands.openMeeting(Self.demo, meeting: seance, at: time(18, 10)))
        for n in 1...10 { st = try mark(st, n, .present, time(18, 10)) }
        let item = st.meetings[seance]!.agenda[1]
        func note(_ text: String) throws {
            st = try apply(st, Commands.addNote(st, meeting: seance, item: item, text: text, speaker: nil, at: time(18, 30), opening: .explicit, makeID: ids.make))
        }
        func decide(_ text: String) throws {
            st = try apply(st, Commands.recordDecision(st, meeting: seance, item: item, text: text, vote: .unanimous, outcome: nil, makeID: ids.make))
        }
        try note("Le rapporteur présente le programme.")
        try decide("Le programme est adopté.")
        try note("M. LEFÈVRE quitte la séance.")
        try decide("La convention est approuvée.")
        try decide("Le calendrier est arrêté.")
        try note("Questions diverses sur le calendrier.")
        let kinds = st.record(of: seance, item: .some(item)).map { entry -> String in
            switch entry {
            case .note(let n): "n:" + n.text.prefix(6)
            case .decision(let d): "d:" + d.text.prefix(6)
            }
        }
        #expect(kinds == ["n:Le rap", "d:Le pro", "n:M. LEF", "d:La con", "d:Le cal", "n:Questi"])
        // A deleted note leaves the order of the others.
        let lefevre = st.notes(of: seance).first { $0.text.hasPrefix("M. LEF") }!
        let deleted = try apply(st, Commands.deleteNote(st, note: lefevre.id))
        #expect(deleted.record(of: seance, item: .some(item)).map(\.item) == Array(repeating: item, count: 5))
        let text = try minutes(st)
        let positions = ["Le rapporteur présente", "Le programme est adopté", "LEFÈVRE quitte", "La convention est approuvée",
                         "Le calendrier est arrêté", "Questions diverses"].map { try! #require(text.range(of: $0)).lowerBound }
        #expect(positions == positions.sorted())
        // The journal read back gives the same order (the fold counts the notes before each decision).
        #expect(st.decisions.values.filter { $0.meeting == seance }.map(\.notesBefore).sorted() == [1, 2, 2])
    }
}
